/**
 * The text of a claim as the reader walks it: spans in UTF-16 offsets while reading (what
 * JavaScript's regular expressions give), converted to Unicode code points at the end, the
 * way quotes are positioned in archived texts; sentences; words with their positions.
 */

/** A stretch of the claim's text, in UTF-16 offsets (end excluded). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A word of the text with its span: a run of letters and digits (hyphens and apostrophes inside it kept), or one Chinese character run. */
export interface Word extends Span {
  readonly text: string;
}

/** Whether a character is a Chinese character (CJK unified ideographs and their extension A). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** Whether the text contains Chinese characters. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * A converter from UTF-16 offsets of `text` to code-point offsets: characters outside the
 * Basic Multilingual Plane are two UTF-16 units but one code point.
 */
export function codePointIndex(text: string): (utf16: number) => number {
  const before: number[] = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; cp++) {
    before[i] = cp;
    const wide = text.codePointAt(i)! > 0xffff;
    if (wide) before[i + 1] = cp + 1;
    i += wide ? 2 : 1;
  }
  before[text.length] = cp;
  return (utf16) => before[Math.max(0, Math.min(utf16, text.length))]!;
}

/** The length of a text in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The sentences of a text: it is cut after `.`, `!`, `?` (followed by a space, a quote or the
 * end, and not inside a number such as 4.1), after `。！？；` and at line breaks. Each sentence
 * keeps its own span, leading white space excluded.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    if (s < end) out.push({ start: s, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ("。！？；\n".includes(ch)) push(i + 1);
    else if (".!?".includes(ch)) {
      const next = text[i + 1];
      if (next === undefined || /[\s"”’')]/.test(next)) {
        // "No. 1", "Mr. Li": an abbreviation followed by a capital-less continuation is not an end.
        if (ch === "." && /\b(?:No|Mr|Ms|Dr|St|vs|approx|Co|Inc|Ltd|U\.S)$/i.test(text.slice(Math.max(0, i - 6), i))) continue;
        push(i + 1);
      }
    }
  }
  push(text.length);
  return out;
}

/** The sentence (of `list`) that contains the offset; the last one when past the end. */
export function sentenceAt(list: readonly Span[], offset: number): Span {
  return list.find((s) => offset >= s.start && offset < s.end) ?? list[list.length - 1] ?? { start: 0, end: 0 };
}

/** The words of a span of the text, in order: Latin words (with inner hyphens and apostrophes) and runs of Chinese characters. */
export function wordsIn(text: string, span: Span = { start: 0, end: text.length }): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
  re.lastIndex = span.start;
  for (let m = re.exec(text); m !== null && m.index < span.end; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, span.end);
    const t = text.slice(m.index, end);
    // Chinese runs and Latin words are separate words even when written together ("MCN机构").
    let i = 0;
    for (const part of t.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      out.push({ text: part, start: m.index + i, end: m.index + i + part.length });
      i += part.length;
    }
  }
  return out;
}

/**
 * Typographic apostrophes and quotes folded to ASCII and letter case lowered, for comparing
 * names; the result has the same length as the text, so offsets found in it are offsets in
 * the text (a character whose lower case is longer is kept as it is).
 */
export function fold(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
}

/** The distance in characters between two spans (0 when they touch or overlap). */
export function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}
