/**
 * How a claim qualifies its number, read from the words right before it ("over", "more than",
 * "nearly", "about", "at least", "up to", "to top", 超过, 近, 约, 逾, 至少, 不到) or right after
 * it ("or more", "plus", 以上, 多, 余, 左右, 以下). "Nearly" is read as APPROXIMATELY, as the
 * knowledge base records it; "to top" as MORE_THAN, as the founding article's headline means it.
 */
import type { Comparator } from "../interval.js";

/** A comparator with the words it was read from and how far they reach (UTF-16). */
export interface ComparatorReading {
  readonly comparator: Comparator;
  /** The words as written; "" for a flat figure. */
  readonly words: string;
  readonly start: number;
  readonly end: number;
}

// Words between the comparator and the number that do not change it: articles, currency signs.
const FILLER = String.raw`(?:\s*(?:a|an|the|some|US\$|\$|¥|￥|RMB|CNY|USD|百分之)?\s*)`;

const BEFORE: readonly (readonly [Comparator, string])[] = [
  ["AT_LEAST", String.raw`at least|no less than|not less than|no fewer than|a minimum of|至少|不少于|不低于|最少`],
  ["AT_MOST", String.raw`at most|up to|no more than|not more than|a maximum of|最多|至多|不超过|不多于|最高`],
  ["LESS_THAN", String.raw`just under|less than|fewer than|under|below|short of|不到|不足|少于|低于|未满|未达`],
  ["MORE_THAN", String.raw`more than|over|above|exceeding|exceeded|exceeds|exceed|topped|tops|top|in excess of|upwards of|beyond|surpassed|surpass|超过|超出|逾|多于|高于|突破|超`],
  ["APPROXIMATELY", String.raw`about|around|approximately|approx\.|roughly|nearly|almost|close to|an estimated|estimated|some|circa|~|约为|约合|大约|大概|接近|将近|(?<!最)近|约`],
];
const BEFORE_RES = BEFORE.map(([c, words]) => [c, new RegExp(`(?<![A-Za-z])(${words})${FILLER}$`, "iu")] as const);

const AFTER: readonly (readonly [Comparator, RegExp])[] = [
  ["AT_LEAST", /^\s*(?:or more|and more|or above|and above|at least|\+|以上)/i],
  ["MORE_THAN", /^\s*(?:plus\b|多|余)/i],
  ["AT_MOST", /^\s*(?:or less|or fewer|at most|以下|以内)/i],
  ["APPROXIMATELY", /^\s*(?:or so|左右|上下)/i],
];

/**
 * The comparator of the figure at [start, end): a phrase ending right before it (articles and
 * currency signs between are allowed), else a phrase right after it, else EQUAL. `clauseStart`
 * bounds the look back; `moreThan` says 余 or 多 was read inside the number ("170余万").
 */
export function readComparator(text: string, start: number, end: number, clauseStart: number, moreThan = false): ComparatorReading {
  const before = text.slice(Math.max(clauseStart, start - 40), start);
  for (const [comparator, re] of BEFORE_RES) {
    const m = re.exec(before);
    if (m) {
      const wordsStart = start - before.length + m.index + m[0].indexOf(m[1]!);
      return { comparator, words: m[1]!, start: wordsStart, end };
    }
  }
  if (moreThan) return { comparator: "MORE_THAN", words: /[余多]/.exec(text.slice(start, end))?.[0] ?? "", start, end };
  const after = text.slice(end, end + 12);
  for (const [comparator, re] of AFTER) {
    const m = re.exec(after);
    if (m) return { comparator, words: m[0].trim(), start, end: end + m[0].length };
  }
  return { comparator: "EQUAL", words: "", start, end };
}

/**
 * Whether the words between two numbers join them into a range ("30–60%", "1 to 2 billion",
 * "between 5,000 and 7,000", "30至60"); `before` is the text before the first number.
 */
export function joinsRange(between: string, before: string): boolean {
  if (/^\s*(?:-|–|—|~|～|至|到|to)\s*$/i.test(between)) return true;
  return /^\s*and\s*$/i.test(between) && /\bbetween\s*(?:US\$|\$|¥|￥)?\s*$/i.test(before);
}
