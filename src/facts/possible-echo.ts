/**
 * Possible echoes: producer groups that remain apart are not yet independent. One statistic is
 * one value, so its producers all state the same amount, and the same amount to ECHO_DIGITS
 * significant digits or more from different producers is more likely copied than measured
 * twice. Such a statistic has a *possible echo*, and its groups count as one independent
 * producer. A round figure ("1 trillion") from two producers is no such sign, and they count
 * as two.
 */
import { significantDigits } from "./significant-digits.js";

/** Identical amounts from different producers with at least this many significant digits are a possible echo. */
export const ECHO_DIGITS = 3;

/** The same non-round figure credited to producers that look independent. */
export interface PossibleEcho {
  /** Indexes into `producers` of the groups involved (all of them). */
  readonly groups: readonly number[];
  /** Significant digits of the amount (at least ECHO_DIGITS). */
  readonly significantDigits: number;
}

/** How an amount weighs in finding echoes: its significant digits (0 without an amount). */
export function echoDigits(amount: number | undefined): number {
  return amount === undefined ? 0 : significantDigits(amount);
}

/** The possible echo among `groupCount` producer groups of an amount with `digits` significant digits, or null. */
export function possibleEcho(groupCount: number, digits: number): PossibleEcho | null {
  return isEcho(groupCount, digits) ? { groups: Array.from({ length: groupCount }, (_, i) => i), significantDigits: digits } : null;
}

/** Independent producers among `groupCount` groups: 1 when they are a possible echo, else all of them. */
export function independentCount(groupCount: number, digits: number): number {
  return isEcho(groupCount, digits) ? 1 : groupCount;
}

function isEcho(groupCount: number, digits: number): boolean {
  return groupCount > 1 && digits >= ECHO_DIGITS;
}
