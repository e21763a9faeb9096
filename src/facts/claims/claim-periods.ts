/**
 * The periods a claim names, in English and Chinese: a year ("in 2020", "2020年"), a half or
 * a quarter ("the first half of 2020", "H1 2020", "2020年上半年", "一季度"), the first months
 * or quarters of a year ("the first three quarters of 2020", "2020年1-9月"), a month or a day
 * ("June 2020", "18 June 2020", "2020年6月18日"), and phrases relative to the publication
 * date ("last year", "this year", "the first half of the year", 去年, 今年, 上半年; the
 * present tense "there are", 目前, as the month of publication). Each is kept with its words
 * and position, and a relative one with how it was resolved.
 */
import { parsePeriod } from "../period.js";
import type { Span } from "./claim-text.js";

/** A period as a claim's figures use it: dates (inclusive) and the compact label. */
export interface ClaimPeriod {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}

/** A period named in the claim. `period` is null when it is relative and no publication date was given. */
export interface PeriodMention extends Span {
  readonly words: string;
  readonly period: ClaimPeriod | null;
  /** How a relative phrase was resolved, or why it could not be; null for absolute periods. */
  readonly resolution: string | null;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?`;
const ORDINAL: Readonly<Record<string, number>> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4, 上: 1, 下: 2 };
const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11 };
const YEAR_REF = String.raw`(?:(this|last|next|the)\s+year|(\d{4}))`;

/** A pattern and how to turn its match into a period label: a year (or a relative year) and the part of it. */
interface PeriodRule {
  readonly re: RegExp;
  /** The year the match names, or the relative word ("last", 去年...) to resolve. */
  readonly year: (m: RegExpExecArray) => string | undefined;
  /** The label given the year: "2020-H1", "2020-06-18", "2020-01/2020-09". */
  readonly label: (y: number, m: RegExpExecArray) => string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const month = (name: string) => MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

const RULES: readonly PeriodRule[] = [
  // English, longest forms first.
  { re: new RegExp(String.raw`\b(?:the\s+)?first\s+(two|three|2|3)\s+quarters\s+(?:of\s+)?${YEAR_REF}`, "gi"), year: (m) => m[3] ?? m[2], label: (y, m) => `${y}-01/${y}-${pad(3 * (COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1])))}` },
  { re: new RegExp(String.raw`\b(?:the\s+)?first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+(?:of\s+)?${YEAR_REF}`, "gi"), year: (m) => m[3] ?? m[2], label: (y, m) => `${y}-01/${y}-${pad(COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]))}` },
  { re: new RegExp(String.raw`\b(?:the\s+)?(first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+${YEAR_REF})?`, "gi"), year: (m) => m[3] ?? m[2] ?? "this", label: (y, m) => `${y}-H${ORDINAL[m[1]!.toLowerCase()]}` },
  { re: new RegExp(String.raw`\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+${YEAR_REF})?`, "gi"), year: (m) => m[3] ?? m[2] ?? "this", label: (y, m) => `${y}-Q${ORDINAL[m[1]!.toLowerCase()]}` },
  { re: /\b([HQ])([1-4])\s+(\d{4})\b|\b(\d{4})\s+([HQ])([1-4])\b/gi, year: (m) => m[3] ?? m[4], label: (y, m) => halfOrQuarter(y, (m[1] ?? m[5])!, Number(m[2] ?? m[6])) },
  { re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "gi"), year: (m) => m[3], label: (y, m) => day(y, month(m[1]!), Number(m[2])) },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+(\d{4})\b`, "gi"), year: (m) => m[3], label: (y, m) => day(y, month(m[2]!), Number(m[1])) },
  { re: new RegExp(String.raw`\b${MONTH}\s+(?:of\s+)?(\d{4})\b`, "gi"), year: (m) => m[2], label: (y, m) => `${y}-${pad(month(m[1]!))}` },
  { re: /\b(last|this|next)\s+year(?:'s|’s)?/gi, year: (m) => m[1], label: (y) => `${y}` },
  { re: /\b((?:19|20)\d\d)(?:'s|’s)?\b(?![-–]\d)/g, year: (m) => m[1], label: (y) => `${y}` },
  { re: /\b(?:there\s+(?:are|is)|currently|at\s+present|as\s+of\s+now)\b/gi, year: () => "present", label: () => null },
  // Chinese.
  { re: /(\d{4})年?(?:前三季度|1\s*[-—–至到~～]\s*9\s*月)/g, year: (m) => m[1], label: (y) => `${y}-01/${y}-09` },
  { re: /(\d{4})年\s*(\d{1,2})\s*[-—–至到~～]\s*(\d{1,2})\s*月/g, year: (m) => m[1], label: (y, m) => `${y}-${pad(Number(m[2]))}/${y}-${pad(Number(m[3]))}` },
  { re: /(?:(\d{4})年|(去年|今年|明年|前年))?\s*([上下])半年/g, year: (m) => m[1] ?? m[2] ?? "今年", label: (y, m) => `${y}-H${ORDINAL[m[3]!]}` },
  { re: /(?:(\d{4})年|(去年|今年|明年|前年))?\s*第?([一二三四1-4])季度/g, year: (m) => m[1] ?? m[2] ?? "今年", label: (y, m) => `${y}-Q${ORDINAL[m[3]!]}` },
  { re: /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})[日号]/g, year: (m) => m[1], label: (y, m) => day(y, Number(m[2]), Number(m[3])) },
  { re: /(\d{4})年\s*(\d{1,2})月/g, year: (m) => m[1], label: (y, m) => `${y}-${pad(Number(m[2]))}` },
  { re: /(\d{4})年(?:全年|度)?/g, year: (m) => m[1], label: (y) => `${y}` },
  { re: /(去年|今年|明年|前年)(?:全年)?/g, year: (m) => m[1], label: (y) => `${y}` },
  { re: /(?:截至)?(?:目前|当前|现有|现在)/g, year: () => "present", label: () => null },
];

/**
 * Every period the text names, in order; a shorter phrase inside a longer one ("2020" inside
 * "the first half of 2020") is dropped. `publishedAt` (YYYY-MM-DD) resolves relative phrases.
 */
export function periodMentions(text: string, publishedAt: string | null): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const words = m[0].trim();
      if (words === "") continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      found.push({ start, end: start + words.length, words, ...resolve(rule, m, words, publishedAt) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PeriodMention[] = [];
  for (const f of found) if (!out.some((o) => f.start < o.end && f.end > o.start)) out.push(f);
  return out;
}

/** The period of a year, relative to the publication date when needed. */
function resolve(rule: PeriodRule, m: RegExpExecArray, words: string, publishedAt: string | null): Pick<PeriodMention, "period" | "resolution"> {
  const ref = rule.year(m)?.toLowerCase();
  if (ref === undefined) return { period: null, resolution: null };
  if (ref === "present") {
    if (!publishedAt) return { period: null, resolution: `"${words}" speaks of the time of writing, and no publication date was given to date it` };
    const label = publishedAt.slice(0, 7);
    return { period: labelled(label), resolution: `"${words}" (the present tense) read as the month of publication, ${label}` };
  }
  if (/^\d{4}$/.test(ref)) {
    const label = rule.label(Number(ref), m);
    return { period: label ? labelled(label) : null, resolution: null };
  }
  const offset: Readonly<Record<string, number>> = { this: 0, the: 0, last: -1, next: 1, 今年: 0, 去年: -1, 明年: 1, 前年: -2 };
  if (!publishedAt) return { period: null, resolution: `"${words}" is relative to the date of writing, and no publication date was given to resolve it` };
  const year = Number(publishedAt.slice(0, 4)) + (offset[ref] ?? 0);
  const label = rule.label(year, m);
  const period = label ? labelled(label) : null;
  return { period, resolution: period ? `"${words}" read relative to the publication date ${publishedAt}: ${period.label}` : null };
}

function labelled(label: string): ClaimPeriod | null {
  const p = parsePeriod(label);
  return "error" in p ? null : { start: p.start, end: p.end, label: p.label };
}

function halfOrQuarter(y: number, kind: string, n: number): string | null {
  if (kind.toUpperCase() === "H") return n <= 2 ? `${y}-H${n}` : null;
  return `${y}-Q${n}`;
}

function day(y: number, mo: number, d: number): string | null {
  return mo >= 1 && d >= 1 && d <= 31 ? `${y}-${pad(mo)}-${pad(d)}` : null;
}
