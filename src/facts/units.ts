/**
 * Units of measure as the knowledge base writes them ("CNY", "sessions", "sessions/day",
 * "PERCENT", "times") and the little algebra derivation formulas need: quotients and products
 * of units, and the check that a recomputed unit is the one a statistic is stated in.
 *
 * A unit is a product of named dimensions with integer exponents ("sessions/day" is
 * sessions¹·day⁻¹). Time dimensions are kept singular internally, so that the built-in `days`
 * divided into "sessions" gives "sessions/day", the unit metrics use.
 *
 * PERCENT, percentage-points and times are *labels*, not dimensions: they say how a pure number
 * is scaled or read, so they drop out of products and quotients (the formula itself carries
 * any factor of 100) and a pure number from a formula may be stated in any of them.
 */

/** A parsed unit: dimension exponents (no zero entries) and an optional dimensionless label. */
export interface Unit {
  readonly dims: Readonly<Record<string, number>>;
  /** PERCENT, percentage-points or times; null for plain numbers and dimensioned units. */
  readonly label: string | null;
}

/** Units that name a way of reading a pure number rather than a dimension. */
export const DIMENSIONLESS_LABELS: readonly string[] = ["PERCENT", "percentage-points", "times"];

/** The unit of number constants in formulas. */
export const DIMENSIONLESS: Unit = { dims: {}, label: null };

/** The unit of the formula built-in `days`. */
export const DAYS_UNIT = "days";

// Time dimensions have a plural for counts ("182 days") and a singular for rates ("per day").
const TIME_PLURALS: Readonly<Record<string, string>> = {
  days: "day",
  hours: "hour",
  minutes: "minute",
  seconds: "second",
  weeks: "week",
  months: "month",
  years: "year",
};
const TIME_SINGULARS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(TIME_PLURALS).map(([p, s]) => [s, p]));

/**
 * Parses a unit string. Parts are separated by "/" (everything after the first "/" divides)
 * and "*" or "·" (multiplies); an empty string is a pure number. Never fails: any other word
 * is a dimension of its own, since metrics may count anything ("brands", "livestream-rooms").
 */
export function parseUnit(text: string): Unit {
  const trimmed = text.trim();
  if (trimmed === "") return DIMENSIONLESS;
  if (DIMENSIONLESS_LABELS.includes(trimmed)) return { dims: {}, label: trimmed };
  const [numerator, ...denominators] = trimmed.split("/");
  const dims: Record<string, number> = {};
  const addPart = (part: string, sign: number) => {
    for (const word of part.split(/[*·]/)) {
      const w = word.trim();
      if (w === "" || w === "1") continue;
      const [name, power] = splitPower(w);
      const key = TIME_PLURALS[name] ?? name;
      dims[key] = (dims[key] ?? 0) + sign * power;
    }
  };
  addPart(numerator!, 1);
  for (const d of denominators) addPart(d, -1);
  return { dims: dropZeros(dims), label: null };
}

/**
 * Writes a unit the way metrics spell it: counts plural in the numerator ("days"), singular
 * after "/" ("sessions/day"); exponents above one as "^2".
 */
export function formatUnit(unit: Unit): string {
  if (unit.label !== null) return unit.label;
  const num: string[] = [];
  const den: string[] = [];
  for (const [name, power] of Object.entries(unit.dims)) {
    if (power > 0) num.push(withPower(TIME_SINGULARS[name] ?? name, power));
    else den.push(withPower(name, -power));
  }
  if (num.length === 0 && den.length === 0) return "";
  const top = num.length ? num.join("*") : "1";
  return den.length ? `${top}/${den.join("/")}` : top;
}

/** Rewrites a unit string in its canonical spelling ("sessions/days" becomes "sessions/day"). */
export function normalizeUnit(text: string): string {
  return formatUnit(parseUnit(text));
}

/** Whether a unit has no dimension (a plain number or a labelled one such as PERCENT). */
export function isDimensionless(unit: Unit): boolean {
  return Object.keys(unit.dims).length === 0;
}

/** Whether two units are the same: equal dimensions and equal labels. */
export function sameUnit(a: Unit, b: Unit): boolean {
  return sameDims(a, b) && a.label === b.label;
}

/**
 * Whether a value computed in `computed` may be stated in `stated`: the same unit, or a plain
 * number from a formula stated as PERCENT, percentage-points or times (the formula is trusted
 * to have applied the factor the label implies).
 */
export function unitSatisfies(computed: Unit, stated: Unit): boolean {
  if (sameUnit(computed, stated)) return true;
  return isDimensionless(computed) && isDimensionless(stated) && computed.label === null;
}

/**
 * The unit of a sum or difference, or why there is none: dimensions must be equal ("CNY" and
 * "USD" never add), and labels must agree, except that a plain number may join a labelled one
 * (growth + 100 stays PERCENT).
 */
export function unitOfSum(a: Unit, b: Unit): Unit | { error: string } {
  if (!sameDims(a, b) || (a.label !== null && b.label !== null && a.label !== b.label)) {
    return { error: `cannot add or subtract ${describeUnit(a)} and ${describeUnit(b)}` };
  }
  return { dims: a.dims, label: a.label ?? b.label };
}

/**
 * The unit of a product. Labels are not dimensions and drop out, except that scaling a
 * labelled value by a plain number keeps its label (2 × 10 PERCENT is 20 PERCENT).
 */
export function unitOfProduct(a: Unit, b: Unit): Unit {
  return combine(a, b, 1);
}

/** The unit of a quotient, with the same label rule as products (PERCENT / PERCENT is a plain number). */
export function unitOfQuotient(a: Unit, b: Unit): Unit {
  return combine(a, b, -1);
}

/** A unit for messages: its spelling, or "a plain number". */
export function describeUnit(unit: Unit): string {
  const s = formatUnit(unit);
  return s === "" ? "a plain number" : s;
}

function combine(a: Unit, b: Unit, sign: 1 | -1): Unit {
  const dims: Record<string, number> = { ...a.dims };
  for (const [name, power] of Object.entries(b.dims)) dims[name] = (dims[name] ?? 0) + sign * power;
  const clean = dropZeros(dims);
  const plainA = isDimensionless(a) && a.label === null;
  const plainB = isDimensionless(b) && b.label === null;
  let label: string | null = null;
  if (Object.keys(clean).length === 0) {
    if (a.label !== null && plainB) label = a.label;
    else if (sign === 1 && b.label !== null && plainA) label = b.label;
  }
  return { dims: clean, label };
}

function sameDims(a: Unit, b: Unit): boolean {
  const ka = Object.keys(a.dims);
  const kb = Object.keys(b.dims);
  return ka.length === kb.length && ka.every((k) => a.dims[k] === b.dims[k]);
}

function splitPower(word: string): [string, number] {
  const m = /^(.*?)\^(\d+)$/.exec(word);
  return m ? [m[1]!, Number(m[2])] : [word, 1];
}

function withPower(name: string, power: number): string {
  return power === 1 ? name : `${name}^${power}`;
}

function dropZeros(dims: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(dims)) if (v !== 0) out[k] = v;
  return out;
}
