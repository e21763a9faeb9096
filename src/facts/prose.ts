/** Small pieces of the sentences the facts modules write. */

/** Names as a phrase: "A", "A and B", "A, B and C" (no serial comma); "" for none. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A note trimmed and without its final full stop, to be set inside a sentence. */
export function stripPeriod(s: string): string {
  return s.trim().replace(/\.$/, "");
}
