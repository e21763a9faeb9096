/**
 * The events a claim names: an event of the knowledge base by one of its names ("Singles' Day
 * 2021", "2021年双十一", "mid-year shopping festival 2020"), or by the name its editions share
 * with the edition told by a year next to it ("Singles' Day 2021", "2020年的双11"), by "this
 * year's" or "last year's" (resolved against the publication date), by a year elsewhere in the
 * sentence, or else the latest edition before publication (said so). "618" and "11.11" are
 * festival names, not figures. "The shopping spree" or "the festival" refers back to the
 * event named last; "the first day of" an event is its first day.
 */
import { type Span, fold } from "./claim-text.js";

/** An event as the reader knows it: its names in every language, and its dates when known. */
export interface KnownEvent {
  readonly id: number;
  readonly name: string;
  readonly names: readonly string[];
  readonly start: string | null;
  readonly end: string | null;
  /** The event it is part of (a festival's first day is part of the festival), or null. */
  readonly parentId: number | null;
}

/** An event named in the claim. */
export interface EventMention extends Span {
  readonly eventId: number;
  readonly words: string;
  /** How the edition was chosen when the words name only the festival, or what was referred back to; null for a full name. */
  readonly resolution: string | null;
  /** Set when the claim speaks of the event's first day ("on the first day of", 首日). */
  readonly firstDay: boolean;
}

/** Events grouped by the name their editions share (without the year), for finding an edition. */
export interface EventFamilies {
  /** Shared name (folded) to the editions, each with its year. */
  readonly byCore: ReadonlyMap<string, readonly { readonly id: number; readonly year: number }[]>;
  /** Full names (folded, longest first) to the event. */
  readonly byName: readonly (readonly [string, number])[];
  readonly events: ReadonlyMap<number, KnownEvent>;
}

const GENERIC = /\b(?:online|shopping|festival|festivals|sales?|spree|gala|event|the|edition)\b|购物狂欢节|狂欢节|购物节|大促|的/gi;
const FOLLOWERS = String.raw`(?:\s*(?:online|shopping|festival|spree|gala|sales?|event|购物狂欢节|狂欢节|购物节|大促|期间))*`;
const CORE_ALIASES: Readonly<Record<string, string>> = { "singles day": "singles' day", 双11: "双十一", "11.11": "双十一", "double eleven": "double 11" };
const ANAPHORA = /\bthe\s+(?:(?:online\s+)?shopping\s+(?:spree|festival|gala)|festival|spree|event)\b|(?:该|此次|本次|这次)(?:购物节|大促|活动)/gi;

/** Groups events by the names their editions share: each name without its year ("Singles' Day", 双十一, "618"). */
export function eventFamilies(events: readonly KnownEvent[]): EventFamilies {
  const byCore = new Map<string, { id: number; year: number }[]>();
  const byName: [string, number][] = [];
  for (const e of events) {
    for (const name of [e.name, ...e.names]) {
      const folded = fold(name);
      byName.push([folded, e.id]);
      const year = /(?:19|20)\d\d/.exec(name)?.[0] ?? e.start?.slice(0, 4) ?? e.end?.slice(0, 4);
      if (!year || !/(?:19|20)\d\d/.test(name)) continue;
      const core = folded.replace(/(?:19|20)\d\d\s*年?/g, " ").replace(GENERIC, " ").replace(/\s+/g, " ").trim();
      if (core.length < 2) continue;
      const list = byCore.get(core) ?? [];
      if (!list.some((x) => x.id === e.id)) list.push({ id: e.id, year: Number(year) });
      byCore.set(core, list);
    }
  }
  byName.sort((a, b) => b[0].length - a[0].length);
  return { byCore, byName, events: new Map(events.map((e) => [e.id, e])) };
}

/**
 * The event a claim means by "the first day of" an event: the event's own first day when the
 * knowledge base records it as an event of its own (a one-day event part of it, on its first
 * day), else the event itself.
 */
export function firstDayEvent(eventId: number, families: EventFamilies): number {
  const parent = families.events.get(eventId);
  if (!parent?.start) return eventId;
  const day = [...families.events.values()].find((e) => e.parentId === eventId && e.start === parent.start && e.end === parent.start);
  return day?.id ?? eventId;
}

/** Every event the text names, in order (see the file's comment); `publishedAt` resolves "this year's". */
export function eventMentions(text: string, families: EventFamilies, publishedAt: string | null): EventMention[] {
  const folded = fold(text);
  const found: EventMention[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const [name, id] of families.byName) {
    for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) {
      if (!bounded(folded, i, i + name.length) || taken(i, i + name.length)) continue;
      found.push({ eventId: id, start: i, end: i + name.length, words: text.slice(i, i + name.length), resolution: null, firstDay: firstDayBefore(folded, i) });
    }
  }
  const cores = [...families.byCore.keys(), ...Object.keys(CORE_ALIASES)].sort((a, b) => b.length - a.length);
  for (const core of cores) {
    const editions = families.byCore.get(CORE_ALIASES[core] ?? core);
    if (!editions) continue;
    const re = new RegExp(`${escape(core)}${FOLLOWERS}`, "gi");
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const end = m.index + m[0].trimEnd().length;
      if (!bounded(folded, m.index, m.index + core.length) || taken(m.index, end)) continue;
      // A single common word ("mid-year") names a festival only with a festival word after it.
      if (/^[a-z-]+$/.test(core) && !core.includes(" ") && m[0].trim() === core) continue;
      const edition = chooseEdition(text, folded, m.index, end, editions, families, publishedAt);
      if (edition) found.push({ ...edition, start: Math.min(edition.start, m.index), end: Math.max(edition.end, end), firstDay: firstDayBefore(folded, Math.min(edition.start, m.index)) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  ANAPHORA.lastIndex = 0;
  for (let m = ANAPHORA.exec(text); m !== null; m = ANAPHORA.exec(text)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    const earlier = [...found].reverse().find((f) => f.end <= m!.index);
    if (!earlier) continue;
    const name = families.events.get(earlier.eventId)!.name;
    found.push({ eventId: earlier.eventId, start: m.index, end, words: m[0], resolution: `"${m[0]}" refers back to ${name}, named earlier in the text`, firstDay: firstDayBefore(folded, m.index) });
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

/** The edition a festival name without its year means, with the words and the reason; null when it cannot be told. */
function chooseEdition(
  text: string,
  folded: string,
  start: number,
  end: number,
  editions: readonly { id: number; year: number }[],
  families: EventFamilies,
  publishedAt: string | null,
): Omit<EventMention, "firstDay"> | null {
  const pick = (year: number) => editions.find((e) => e.year === year);
  const before = /((?:19|20)\d\d)\s*(?:年的?|年|'s|’s)?\s*$/.exec(folded.slice(Math.max(0, start - 8), start));
  const after = /^\s*((?:19|20)\d\d)(?!\d)/.exec(folded.slice(end, end + 6));
  const year = before?.[1] ?? after?.[1];
  if (year) {
    const e = pick(Number(year));
    const s = before ? start - before[0].length : start;
    const en = after ? end + after[0].length : end;
    return e ? { eventId: e.id, start: s, end: en, words: text.slice(s, en), resolution: null } : null;
  }
  const relative = /(this|last|next)\s+year(?:'s)?\s*$|(今年|去年|明年)的?\s*$/.exec(folded.slice(Math.max(0, start - 14), start));
  if (relative && publishedAt) {
    const offset = { this: 0, last: -1, next: 1, 今年: 0, 去年: -1, 明年: 1 }[(relative[1] ?? relative[2])!] ?? 0;
    const e = pick(Number(publishedAt.slice(0, 4)) + offset);
    const s = start - relative[0].length;
    return e ? { eventId: e.id, start: s, end, words: text.slice(s, end), resolution: `"${text.slice(s, end).trim()}" read relative to the publication date ${publishedAt}: ${families.events.get(e.id)!.name}` } : null;
  }
  const sentence = sentenceAround(folded, start);
  const yearInSentence = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(sentence)?.[1];
  if (yearInSentence && pick(Number(yearInSentence))) {
    const e = pick(Number(yearInSentence))!;
    return { eventId: e.id, start, end, words: text.slice(start, end), resolution: `"${text.slice(start, end)}" read as the edition of ${yearInSentence}, the year the sentence names: ${families.events.get(e.id)!.name}` };
  }
  if (!publishedAt) return null;
  const known = editions
    .map((e) => ({ ...e, ev: families.events.get(e.id)! }))
    .filter((e) => (e.ev.start ?? `${e.year}-12-31`) <= publishedAt)
    .sort((a, b) => b.year - a.year)[0];
  if (!known) return null;
  return { eventId: known.id, start, end, words: text.slice(start, end), resolution: `"${text.slice(start, end)}" names no year: read as the latest edition before the publication date ${publishedAt}, ${known.ev.name}` };
}

function firstDayBefore(folded: string, start: number): boolean {
  return /(?:\bthe\s+)?(?:first|opening)\s+day\s+of\s+(?:the\s+|this\s+year's\s+|last\s+year's\s+)?$/.test(folded.slice(Math.max(0, start - 40), start)) || /^[^。；]{0,12}首日/.test(folded.slice(start, start + 16));
}

function sentenceAround(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf(". ", at), text.lastIndexOf("。", at), 0);
  const dots = [text.indexOf(". ", at), text.indexOf("。", at)].filter((i) => i >= 0);
  return text.slice(from, dots.length ? Math.min(...dots) : text.length);
}

function bounded(text: string, start: number, end: number): boolean {
  const word = /[A-Za-z0-9]/;
  return !(word.test(text[start - 1] ?? "") && word.test(text[start]!)) && !(word.test(text[end] ?? "") && word.test(text[end - 1]!));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
