/**
 * The two axes of a figure chart: time (days since 1970, ticks on the first of January) and
 * value (linear, with round ticks). Pure arithmetic on numbers, no drawing.
 */

/** A linear map from a domain to a pixel range, and its ticks. */
export interface Scale {
  (x: number): number;
  readonly ticks: readonly number[];
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

/**
 * The time axis over [firstDay, lastDay] (day numbers, the last day included), widened to
 * whole years, with a tick on every first of January (every second or fifth one when the span
 * is long, so labels do not collide).
 */
export function timeScale(firstDay: number, lastDay: number, left: number, right: number): Scale & { readonly years: readonly number[] } {
  const y0 = new Date(firstDay * DAY_MS).getUTCFullYear();
  const y1 = new Date((lastDay + 1) * DAY_MS - 1).getUTCFullYear() + 1;
  const start = Date.UTC(y0, 0, 1) / DAY_MS;
  const end = Date.UTC(y1, 0, 1) / DAY_MS;
  const span = y1 - y0;
  const step = span <= 8 ? 1 : span <= 16 ? 2 : 5;
  const years: number[] = [];
  for (let y = y0; y <= y1; y += step) years.push(y);
  const f = linear(start, end, left, right);
  return Object.assign((x: number) => f(x), { ticks: years.map((y) => Date.UTC(y, 0, 1) / DAY_MS), years });
}

/** A round step near `span / count`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * The value axis over the given values, from zero when they are all positive (so bar-like
 * marks are not exaggerated), widened to round ticks; `top` and `bottom` are the pixel rows.
 */
export function valueScale(values: readonly number[], bottom: number, top: number): Scale {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil((hi * 1.02) / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  const f = linear(lo, hi, bottom, top);
  return Object.assign((x: number) => f(x), { ticks });
}
