/**
 * How precise a stated figure is, counted in significant digits: the digits of its shortest
 * decimal form from the first non-zero digit to the last non-zero one. Zeros at the end of a
 * whole number count as placeholders, not as measured digits: "1 trillion" (1e12) has 1,
 * "1.05 trillion" has 3, "961 billion" has 3, "433.8 billion" has 4, "4.1 percent" has 2.
 * Zero, infinities and NaN have none.
 *
 * Used to tell an echo from a coincidence: two producers arriving independently at a round
 * "1 trillion" is unremarkable, at the same "961 billion" it is not.
 */
export function significantDigits(amount: number): number {
  if (!Number.isFinite(amount) || amount === 0) return 0;
  // toExponential() without an argument writes as many digits as it takes to tell the number
  // apart from every other double: the digits the editor wrote, not binary noise.
  const mantissa = Math.abs(amount).toExponential().split("e")[0]!;
  return mantissa.replace(".", "").replace(/0+$/, "").length;
}
