/**
 * The unit of a claimed figure: a currency written before or after it ("¥1.2tn", "433.8
 * billion yuan", "9610亿元", "$5 billion"), a percentage ("4.1 percent", "30%", "百分之三十"),
 * percentage points, a multiple ("three times", "2倍", "doubled"), or the thing counted — the
 * noun after the number, read against the units the knowledge base counts in ("sessions",
 * "jobs", "hosts", 场, 个就业岗位, 名主播) — and whether it is a daily rate ("per day", 日均).
 */
import { stem } from "./claim-concepts.js";
import { fold } from "./claim-text.js";

/** A unit read from the words around a number. */
export interface UnitReading {
  /** The unit as the knowledge base writes it (CNY, USD, PERCENT, percentage-points, times, sessions, ...); "" when none was found. */
  readonly unit: string;
  /** The words the unit was read from, as written; "" when none. */
  readonly words: string;
  /** How far the figure's own words reach (UTF-16), the unit included when it sits right after the number. */
  readonly end: number;
  /** How far back the figure's own words start (a currency sign or 百分之 before the digits). */
  readonly start: number;
}

/** Count nouns (folded, singular) and Chinese measure words for the units the knowledge base counts in; "people" stands for any count of persons. */
const COUNT_WORDS: ReadonlyMap<string, string> = new Map([
  ["session", "sessions"],
  ["broadcast", "sessions"],
  ["stream", "sessions"],
  ["view", "views"],
  ["job", "jobs"],
  ["job opportunity", "jobs"],
  ["position", "jobs"],
  ["company", "companies"],
  ["firm", "companies"],
  ["enterprise", "companies"],
  ["mcn", "companies"],
  ["agency", "companies"],
  ["host", "hosts"],
  ["streamer", "hosts"],
  ["anchor", "hosts"],
  ["user", "users"],
  ["netizen", "users"],
  ["internet user", "users"],
  ["brand", "brands"],
  ["product", "products"],
  ["goods", "products"],
  ["item", "items"],
  ["follower", "followers"],
  ["fan", "followers"],
  ["store", "stores"],
  ["shop", "stores"],
  ["hour", "hours"],
  ["people", "people"],
  ["person", "people"],
  ["viewer", "viewers"],
  ["buyer", "buyers"],
  ["influencer", "influencers"],
]);

/** Chinese measure words and nouns after a number, longest first, with their units. */
const CHINESE_COUNT: readonly (readonly [string, string])[] = [
  ["个就业岗位", "jobs"],
  ["个工作岗位", "jobs"],
  ["个就业机会", "jobs"],
  ["个工作机会", "jobs"],
  ["就业岗位", "jobs"],
  ["就业机会", "jobs"],
  ["个岗位", "jobs"],
  ["家MCN机构", "companies"],
  ["家MCN", "companies"],
  ["家机构", "companies"],
  ["家企业", "companies"],
  ["家公司", "companies"],
  ["家店铺", "stores"],
  ["个店铺", "stores"],
  ["名主播", "hosts"],
  ["位主播", "hosts"],
  ["主播", "hosts"],
  ["名用户", "users"],
  ["用户", "users"],
  ["网民", "users"],
  ["个品牌", "brands"],
  ["品牌", "brands"],
  ["款商品", "products"],
  ["件商品", "products"],
  ["种商品", "products"],
  ["商品", "products"],
  ["场次", "sessions"],
  ["场直播", "sessions"],
  ["场", "sessions"],
  ["观看人次", "views"],
  ["人次", "views"],
  ["次观看", "views"],
  ["家", "companies"],
  ["件", "items"],
  ["小时", "hours"],
  ["名粉丝", "followers"],
  ["粉丝", "followers"],
  ["人", "people"],
  ["名", "people"],
];

const CURRENCY_BEFORE: readonly (readonly [RegExp, string])[] = [
  [/(?:US\$|US\s?\$|\$|USD\s?)$/, "USD"],
  [/(?:¥|￥|RMB\s?|CNY\s?)$/, "CNY"],
];
const AFTER: readonly (readonly [RegExp, string])[] = [
  [/^\s*(?:percentage points?|个百分点|百分点)/i, "percentage-points"],
  [/^\s*(?:%|％|percent\b|per\s?cent\b|pct\b)/i, "PERCENT"],
  [/^\s*(?:times\b|-fold\b|fold\b|倍)/i, "times"],
  [/^\s*(?:yuan\b|元|人民币|RMB\b|CNY\b|renminbi\b)/i, "CNY"],
  [/^\s*(?:(?:US |U\.S\. )?dollars?\b|USD\b|美元)/i, "USD"],
];

/**
 * The unit of the number at [start, end) of the text: a currency sign or 百分之 just before
 * it, a currency, percent or multiple word just after it, or the first counted noun within
 * the next six words of the sentence (skipping adjectives and a rank such as "of the top 15").
 * `sentenceEnd` bounds the search; `counted` are the units the knowledge base counts in.
 */
export function readUnit(text: string, start: number, end: number, sentenceEnd: number, counted: ReadonlySet<string>): UnitReading {
  const before = text.slice(Math.max(0, start - 6), start);
  for (const [re, unit] of CURRENCY_BEFORE) {
    const m = re.exec(before);
    if (m) return { unit, words: m[0].trim(), start: start - m[0].length, end: afterScaleCurrency(text, end) };
  }
  if (before.endsWith("百分之")) return { unit: "PERCENT", words: "百分之", start: start - 3, end };
  const after = text.slice(end, sentenceEnd);
  for (const [re, unit] of AFTER) {
    const m = re.exec(after);
    if (m) return { unit, words: m[0].trim(), start, end: end + m[0].length };
  }
  const chinese = CHINESE_COUNT.find(([w]) => after.replace(/^\s*[多余]?/, "").startsWith(w));
  if (chinese) {
    const gap = after.length - after.replace(/^\s*[多余]?/, "").length;
    return { unit: chinese[1], words: chinese[0], start, end: end + gap + chinese[0].length };
  }
  return countedNoun(text, start, end, sentenceEnd, counted) ?? { unit: "", words: "", start, end };
}

/** After "$5 billion" a repeated currency word ("$5 billion dollars") belongs to the figure too. */
function afterScaleCurrency(text: string, end: number): number {
  const m = /^\s*(?:dollars?|yuan|元|美元)\b/i.exec(text.slice(end));
  return m ? end + m[0].length : end;
}

/** The first noun within six words after the number that names a counted unit. */
function countedNoun(text: string, start: number, end: number, sentenceEnd: number, counted: ReadonlySet<string>): UnitReading | null {
  const re = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[,;:，；：()（）]/gu;
  re.lastIndex = end;
  let seen = 0;
  let previous = "";
  for (let m = re.exec(text); m !== null && m.index < sentenceEnd && seen < 6; m = re.exec(text)) {
    const word = fold(m[0]);
    if (/^[,;:，；：()（）]$/.test(word)) return null;
    if (/\p{Script=Han}/u.test(word)) return null;
    seen++;
    const two = previous ? `${previous} ${stem(word)}` : "";
    const unit = COUNT_WORDS.get(two) ?? COUNT_WORDS.get(stem(word)) ?? COUNT_WORDS.get(word) ?? (counted.has(word) ? word : counted.has(`${stem(word)}s`) ? `${stem(word)}s` : undefined);
    if (unit) return { unit, words: m[0], start, end };
    previous = stem(word);
  }
  return null;
}

/**
 * Whether a figure is a daily rate: "per day", "a day", "each day", "every day" or "daily"
 * later in its clause (up to a comma), or 日均, 每天, 每日 before it in its clause.
 */
export function isDaily(text: string, end: number, clauseStart: number, sentenceEnd: number): boolean {
  // "Per day" reaches back over figures joined by "and", not over a comma ("10 million in H1, 50,000 a day").
  const after = text.slice(end, sentenceEnd).split(/[,;，；]/)[0]!;
  const before = text.slice(clauseStart, end);
  return /\b(?:per|a|each|every)\s+day\b|\bdaily\b(?!\s+active)/i.test(after) || /(?:日均|每天|每日|平均每天|daily average|average daily)/i.test(before);
}
