/**
 * Periods of time a figure refers to, written as compact labels: "2019", "2020-H1",
 * "2020-Q1", "2020-06", "2020-06-18", or a span "2020-03/2020-06" (start of the first to
 * the end of the second). Dates are ISO 8601 calendar dates; lengths count both ends.
 */
export interface Period {
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  readonly end: string;
  /** The compact label, e.g. "2020-H1". */
  readonly label: string;
  /** Number of days from start to end, both included (leap days counted). */
  readonly days: number;
}

const SINGLE = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2})(?:-(\d{2}))?)?$/;

/** Parses a period label; returns an error message instead when the label is malformed. */
export function parsePeriod(label: string): Period | { error: string } {
  const parts = label.split("/");
  if (parts.length > 2) return { error: `period '${label}' has more than one '/'` };
  const first = parseSingle(parts[0]!);
  if ("error" in first) return first;
  const last = parts.length === 2 ? parseSingle(parts[1]!) : first;
  if ("error" in last) return last;
  return makePeriod(first.start, last.end, label);
}

/**
 * Builds a period from explicit dates; the error says why when a date is not a real calendar
 * date or when the period ends before it starts.
 */
export function makePeriod(start: string, end: string, label: string): Period | { error: string } {
  for (const d of [start, end]) if (!isCalendarDate(d)) return { error: `'${d}' is not a calendar date (YYYY-MM-DD)` };
  if (end < start) return { error: `period ends (${end}) before it starts (${start})` };
  return { start, end, label, days: daysBetween(start, end) + 1 };
}

/** Whether a string is a real YYYY-MM-DD date (2021-02-29 is not). */
export function isCalendarDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && da >= 1 && da <= daysInMonth(y, mo);
}

/** Whether a string is an ISO date with year, year-month or full precision. */
export function isPartialDate(d: string): boolean {
  if (/^\d{4}$/.test(d)) return true;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(d)) return true;
  return isCalendarDate(d);
}

/** Days in a month of the proleptic Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `a` to `b` (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function parseSingle(s: string): { start: string; end: string } | { error: string } {
  const m = SINGLE.exec(s);
  if (!m) return { error: `period '${s}' is not written in an accepted form: YYYY, YYYY-H1 or YYYY-H2, YYYY-Q1 to YYYY-Q4, YYYY-MM, YYYY-MM-DD, a span START/END of two of these (2020-03/2020-06), or { start: YYYY-MM-DD, end: YYYY-MM-DD, label }` };
  const y = Number(m[1]);
  const mid = m[2];
  const day = m[3];
  const pad = (n: number) => String(n).padStart(2, "0");
  const monthSpan = (from: number, to: number) => ({ start: `${y}-${pad(from)}-01`, end: `${y}-${pad(to)}-${pad(daysInMonth(y, to))}` });
  let span: { start: string; end: string };
  if (mid === undefined) span = monthSpan(1, 12);
  else if (mid.startsWith("H")) span = mid === "H1" ? monthSpan(1, 6) : monthSpan(7, 12);
  else if (mid.startsWith("Q")) {
    const q = Number(mid.slice(1));
    span = monthSpan(3 * q - 2, 3 * q);
  } else if (day === undefined) {
    const mo = Number(mid);
    if (mo < 1 || mo > 12) return { error: `period '${s}' has no month ${mid}` };
    span = monthSpan(mo, mo);
  } else {
    const d = `${y}-${mid}-${day}`;
    if (!isCalendarDate(d)) return { error: `period '${s}' is not a calendar date` };
    span = { start: d, end: d };
  }
  return span;
}
