/**
 * The closed set of units a figure can be stated in, with the names people read. Two parts:
 *
 * - **Standard units**, defined here because each is written by a rule of its own: currencies
 *   (CNY, USD: "1 trillion yuan", "¥1 tn", "1万亿元"), PERCENT ("4.1%"), percentage-points,
 *   times (multiples: "2.2 times", "2.2倍"), calendar-year ("2017") and units of time
 *   ("14 hours", "14小时").
 * - **Registered units**: the countable things metrics count (jobs, users, sessions), and any
 *   further currency or unit of time, named by the data editors in `db/registry/units.yaml`
 *   (English singular and plural, Chinese, an optional symbol). Adding a metric with a new
 *   countable unit is a data change, never a code change.
 *
 * A rate "a/b" (sessions/day) needs no entry of its own: it is read as `a` per `b`, where `b`
 * is a unit of time. The build refuses a metric whose unit is none of these.
 */

/** How a unit is written; the kind decides the rule, the names come from the catalog. */
export type UnitKind = "CURRENCY" | "PERCENT" | "PERCENTAGE_POINTS" | "MULTIPLE" | "CALENDAR_YEAR" | "DURATION" | "COUNT" | "RATE";

/** The kinds a registered unit may have (the others are standard units only). */
export const REGISTRABLE_UNIT_KINDS = ["COUNT", "CURRENCY", "DURATION"] as const satisfies readonly UnitKind[];

/** A unit with its names: how values stated in it are written for people. */
export interface UnitInfo {
  /** The unit as metrics and statistics write it: `CNY`, `PERCENT`, `jobs`, `sessions/day`. */
  readonly code: string;
  readonly kind: UnitKind;
  /** English name of one: "yuan", "job", "session per day". */
  readonly singular: string;
  /** English name of several: "yuan", "jobs", "sessions per day". */
  readonly plural: string;
  /** Short sign for charts and tables ("¥", "US$", "%", "pp", "×", "h"); null when the plural is used. */
  readonly symbol: string | null;
  /** What follows a number in Chinese, measure word included: "元", "个就业岗位", "场/天". */
  readonly zh: string;
  /** What the unit is, in a sentence. */
  readonly description: string;
}

const unit = (code: string, kind: UnitKind, singular: string, plural: string, symbol: string | null, zh: string, description: string): UnitInfo => ({
  code,
  kind,
  singular,
  plural,
  symbol,
  zh,
  description,
});

/** Units of time: valid alone (durations) and after "/" in rates; Chinese for "per one". */
const TIME_UNITS: readonly (readonly [UnitInfo, string])[] = [
  [unit("seconds", "DURATION", "second", "seconds", "s", "秒", "A duration in seconds."), "秒"],
  [unit("minutes", "DURATION", "minute", "minutes", "min", "分钟", "A duration in minutes."), "分钟"],
  [unit("hours", "DURATION", "hour", "hours", "h", "小时", "A duration in hours."), "小时"],
  [unit("days", "DURATION", "day", "days", "d", "天", "A duration in days."), "天"],
  [unit("weeks", "DURATION", "week", "weeks", "wk", "周", "A duration in weeks."), "周"],
  [unit("months", "DURATION", "month", "months", "mo", "个月", "A duration in months."), "月"],
  [unit("years", "DURATION", "year", "years", "yr", "年", "A duration in years (not a date: see calendar-year)."), "年"],
];

/** The standard units, by code. */
export const STANDARD_UNITS: ReadonlyMap<string, UnitInfo> = new Map(
  [
    unit("CNY", "CURRENCY", "yuan", "yuan", "¥", "元", "Chinese yuan (renminbi)."),
    unit("USD", "CURRENCY", "US dollar", "US dollars", "US$", "美元", "United States dollars."),
    unit("PERCENT", "PERCENT", "percent", "percent", "%", "%", "A percentage: a share of a whole or a rate of change."),
    unit("percentage-points", "PERCENTAGE_POINTS", "percentage point", "percentage points", "pp", "个百分点", "A difference between two percentages."),
    unit("times", "MULTIPLE", "time", "times", "×", "倍", "A multiple of another amount (2 times is double)."),
    unit("calendar-year", "CALENDAR_YEAR", "year", "years", null, "年", "A year of the calendar, such as the year something was founded; printed as the year."),
    ...TIME_UNITS.map(([u]) => u),
  ].map((u) => [u.code, u]),
);

/** A unit of time by its plural or singular English name ("days", "day"), with its Chinese "per" word. */
function timeUnit(word: string): readonly [UnitInfo, string] | undefined {
  return TIME_UNITS.find(([u]) => u.code === word || u.singular === word);
}

/**
 * The unit a code names: a standard unit, a registered one, or a rate of one of them per a
 * unit of time ("sessions/day": "sessions per day", "场/天"). Null when it is none of these.
 */
export function resolveUnit(code: string, registered: ReadonlyMap<string, UnitInfo> = new Map()): UnitInfo | null {
  const direct = STANDARD_UNITS.get(code) ?? registered.get(code);
  if (direct) return direct;
  const slash = code.indexOf("/");
  if (slash <= 0) return null;
  const of = STANDARD_UNITS.get(code.slice(0, slash)) ?? registered.get(code.slice(0, slash));
  return of ? rateUnit(code, of) : null;
}

/** "a/b" as `of` per a unit of time `b`; null when `b` is not one or `of` cannot be counted per time. */
function rateUnit(code: string, of: UnitInfo): UnitInfo | null {
  const per = timeUnit(code.slice(code.indexOf("/") + 1));
  if (!per || of.kind === "RATE" || of.kind === "CALENDAR_YEAR") return null;
  const [time, perZh] = per;
  return unit(
    code,
    "RATE",
    `${of.singular} per ${time.singular}`,
    `${of.plural} per ${time.singular}`,
    `${of.symbol ?? of.plural}/${time.symbol}`,
    `${of.zh}/${perZh}`,
    `${of.plural[0]!.toUpperCase()}${of.plural.slice(1)} per ${time.singular}.`,
  );
}

/**
 * The unit of a code for writing a sentence when no catalog is at hand (the fact-checking
 * functions): the standard or rate reading, or else the code itself as a countable noun
 * ("jobs", "virtual-coins" as "virtual coins"), which is how metrics spell registered units.
 * An empty code is a plain number.
 */
export function unitForWords(code: string, registered?: ReadonlyMap<string, UnitInfo>): UnitInfo {
  const known = resolveUnit(code, registered);
  if (known) return known;
  const slash = code.indexOf("/");
  const count = countNoun(slash > 0 ? code.slice(0, slash) : code);
  return (slash > 0 ? rateUnit(code, count) : null) ?? countNoun(code);
}

/** A code read as a countable noun: "virtual-coins" is "virtual coin", "virtual coins". */
function countNoun(code: string): UnitInfo {
  const words = code.replace(/-/g, " ");
  return unit(code, "COUNT", words.replace(/s$/, ""), words, null, words, code === "" ? "A plain number." : `Counted in ${words}.`);
}
