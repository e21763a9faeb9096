/**
 * A text read as concepts (claim-lexicon.ts): the words that matter for telling one metric or
 * market from another, each with the words it was read from and where. The same reading is
 * applied to a claim and to the knowledge base's names, so both sides meet in one vocabulary.
 */
import { CHINESE_WORDS, ENGLISH_PHRASES, ENGLISH_WORDS, LONGEST_CHINESE_WORD, STOP_WORDS } from "./claim-lexicon.js";
import { type Span, fold, wordsIn } from "./claim-text.js";

/** One concept found in a text: its key, the words as written, and their span (UTF-16 offsets). */
export interface ConceptHit extends Span {
  readonly concept: string;
  readonly words: string;
}

const PHRASES = [...ENGLISH_PHRASES.keys()].sort((a, b) => b.length - a.length);

/** The concepts of a span of `text`, in reading order. */
export function conceptsIn(text: string, span: Span = { start: 0, end: text.length }): ConceptHit[] {
  const out: ConceptHit[] = [];
  const folded = fold(text);
  const taken: Span[] = [];
  // Several-word phrases first, so that "transaction volume" is not read as two words.
  for (const phrase of PHRASES) {
    for (let i = folded.indexOf(phrase, span.start); i >= 0 && i + phrase.length <= span.end; i = folded.indexOf(phrase, i + 1)) {
      const end = i + phrase.length;
      if (!atBoundary(folded, i, end) || taken.some((t) => i < t.end && end > t.start)) continue;
      taken.push({ start: i, end });
      for (const concept of ENGLISH_PHRASES.get(phrase)!) out.push({ concept, words: text.slice(i, end), start: i, end });
    }
  }
  for (const w of wordsIn(text, span)) {
    if (taken.some((t) => w.start < t.end && w.end > t.start)) continue;
    if (/\p{Script=Han}/u.test(w.text)) out.push(...chineseConcepts(w.text, w.start));
    else out.push(...englishConcepts(text, w.start, w.end));
  }
  // Stable: the concepts of one phrase stay in the lexicon's order, its head last.
  return out.sort((a, b) => a.start - b.start);
}

/** The distinct concept keys of a text (for names and descriptions of the knowledge base). */
export function conceptSet(text: string): Set<string> {
  return new Set(conceptsIn(text).map((h) => h.concept));
}

/** The concepts of one Latin word: whole when the lexicon knows it, else each part of a hyphenated word, stemmed. */
function englishConcepts(text: string, start: number, end: number): ConceptHit[] {
  const word = fold(text.slice(start, end));
  const known = lookup(word);
  if (known) return known.map((concept) => ({ concept, words: text.slice(start, end), start, end }));
  const out: ConceptHit[] = [];
  let offset = start;
  for (const part of word.split("-")) {
    const concepts = lookup(part) ?? (STOP_WORDS.has(part) || part.length < 2 || /^\d/.test(part) ? [] : [stem(part)]);
    for (const concept of concepts) out.push({ concept, words: text.slice(offset, offset + part.length), start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return out;
}

function lookup(word: string): readonly string[] | undefined {
  const bare = word.replace(/'s$/, "");
  return ENGLISH_WORDS.get(word) ?? ENGLISH_WORDS.get(bare) ?? ENGLISH_WORDS.get(stem(bare)) ?? (STOP_WORDS.has(bare) ? [] : undefined);
}

/**
 * A plain English stem: possessive and plural endings removed ("companies" → "company",
 * "sessions" → "session", "brands'" → "brand"); enough for matching names, not a linguist's stemmer.
 */
export function stem(word: string): string {
  let w = word.replace(/'s?$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The concepts of a run of Chinese characters, longest lexicon entries first, left to right. */
function chineseConcepts(run: string, offset: number): ConceptHit[] {
  const out: ConceptHit[] = [];
  let unknown = -1;
  // Characters the lexicon does not know stay concepts of their own (农村 in 中国农村电商), so
  // that a name is not taken as covered by the few words the lexicon glosses.
  const flush = (to: number) => {
    if (unknown >= 0) out.push({ concept: run.slice(unknown, to), words: run.slice(unknown, to), start: offset + unknown, end: offset + to });
    unknown = -1;
  };
  for (let i = 0; i < run.length; ) {
    let matched = 0;
    for (let len = Math.min(LONGEST_CHINESE_WORD, run.length - i); len >= 1; len--) {
      const concepts = CHINESE_WORDS.get(run.slice(i, i + len));
      if (!concepts) continue;
      flush(i);
      for (const concept of concepts) out.push({ concept, words: run.slice(i, i + len), start: offset + i, end: offset + i + len });
      matched = len;
      break;
    }
    if (!matched && unknown < 0 && !CHINESE_FILLERS.has(run[i]!)) unknown = i;
    if (!matched && CHINESE_FILLERS.has(run[i]!)) flush(i);
    i += matched || 1;
  }
  flush(run.length);
  return out;
}

/** Chinese characters of grammar (的, 了, 在, ...) that carry no concept and separate unknown words. */
const CHINESE_FILLERS: ReadonlySet<string> = new Set([..."的了在和与及是为有将已约近超过逾达到其该此这年月日共个家名位场次亿万千百十元"]);

/** Whether a match of a Latin phrase starts and ends at word boundaries (Chinese needs none). */
function atBoundary(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const word = /[\p{L}\p{N}]/u;
  return (before === undefined || !word.test(before) || !word.test(text[start]!)) && (after === undefined || !word.test(after) || !word.test(text[end - 1]!));
}
