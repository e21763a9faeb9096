/**
 * Whom a claimed figure is about. Entities are found by their names in any language and their
 * aliases ("Taobao Live", 淘宝直播, "Viya"), the longest name winning where names overlap;
 * markets also by the concepts of their names, since news rarely writes a market's registry
 * name ("China's live-streaming e-commerce sector" is China's live-streaming e-commerce
 * market). Of the entities a sentence names, a figure is about the one the knowledge base has
 * figures of its metric about (or about a market it is part of), nearest first. A sentence
 * that names none is read as about the metric's only subject, or its broadest market, and
 * says so.
 */
import { ancestors } from "../agreement-scope.js";
import type { ConceptHit } from "./claim-concepts.js";
import { type Span, distance, fold } from "./claim-text.js";
import type { ClaimVocabulary } from "./claim-vocabulary.js";

/** An entity named in the claim, with how surely (1 for a name as written; the share of a market's name otherwise). */
export interface SubjectMention extends Span {
  readonly entityId: number;
  readonly words: string;
  readonly score: number;
}

/** The subject chosen for a figure. */
export interface SubjectReading {
  readonly entityIds: readonly number[];
  readonly confidence: number;
  readonly words: readonly string[];
  /** Whether the claim names it (false when it was inferred from the metric's figures). */
  readonly named: boolean;
  /** Whether the knowledge base has figures of the metric about it or a market it is part of (or a part of it). */
  readonly held: boolean;
  /** Whether the knowledge base has figures of the metric about it itself. */
  readonly direct: boolean;
  /** Why it was chosen when that is not plain, or why none was. */
  readonly note: string | null;
}

/** The least share of a market's name a sentence must hold to be read as naming it. */
const MARKET_COVERAGE = 0.75;

/** Every entity (events excepted) named in the text by a name or alias; markets also by the concepts of their names. */
export function subjectMentions(text: string, hits: readonly ConceptHit[], vocab: ClaimVocabulary): SubjectMention[] {
  const folded = fold(text);
  const out: SubjectMention[] = [];
  for (const [name, id] of vocab.names) {
    for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) {
      const end = i + name.length;
      if (!bounded(folded, i, end) || out.some((o) => i < o.end && end > o.start)) continue;
      out.push({ entityId: id, start: i, end, words: text.slice(i, end), score: 1 });
    }
  }
  for (const e of vocab.entities.values()) {
    if (e.type !== "MARKET" || out.some((o) => o.entityId === e.id)) continue;
    let bestMatch: SubjectMention | null = null;
    for (const concepts of e.nameConcepts) {
      if (concepts.size < 2) continue;
      const found = hits.filter((h) => concepts.has(h.concept));
      const distinct = new Set(found.map((h) => h.concept));
      const coverage = distinct.size / concepts.size;
      if (coverage < MARKET_COVERAGE || distinct.size < 2 || (concepts.size < 3 && coverage < 1)) continue;
      const words = [...new Map(found.map((h) => [h.concept, h])).values()].sort((a, b) => a.start - b.start);
      // A market's words and coverage: the more of its name, the surer; ties go to the longer name.
      const score = coverage * (0.8 + 0.05 * Math.min(distinct.size, 4));
      if (!bestMatch || score > bestMatch.score) {
        bestMatch = { entityId: e.id, start: words[0]!.start, end: words[words.length - 1]!.end, words: words.map((h) => h.words).join(" … "), score };
      }
    }
    if (bestMatch) out.push(bestMatch);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The subject of a figure at `figure` in the sentence `sentence`, for metric `metricId` (and
 * its EQUIVALENT metrics): see the file's comment. `mentions` are those of the whole text;
 * `events` the events it names, which are subjects only when the knowledge base has figures
 * of the metric about them (otherwise an event tells the time, not whom a figure is about).
 */
export function chooseSubject(
  figure: Span,
  sentence: Span,
  metricIds: readonly number[],
  mentions: readonly SubjectMention[],
  events: readonly SubjectMention[],
  vocab: ClaimVocabulary,
): SubjectReading {
  const inside = (m: SubjectMention) => m.start >= sentence.start && m.end <= sentence.end;
  const held = new Set(metricIds.flatMap((id) => (vocab.subjectsByMetric.get(id) ?? []).map((s) => s.subjectId)));
  const related = (id: number) => [...ancestors(id, vocab.partOf), ...[...vocab.partOf.keys()].filter((k) => ancestors(k, vocab.partOf).includes(id))];
  const rank = (m: SubjectMention) => (held.has(m.entityId) ? 0 : related(m.entityId).some((r) => held.has(r)) ? 1 : 2);
  const inSentence = [...mentions.filter(inside), ...events.filter((e) => inside(e) && rank(e) < 2)];
  const ordered = [...inSentence].sort((a, b) => rank(a) - rank(b) || b.score - a.score || distance(a, figure) - distance(b, figure));
  const name = (id: number) => vocab.entities.get(id)?.name ?? String(id);
  const chosen = ordered[0];
  if (chosen) {
    const others = ordered.filter((m) => m.entityId !== chosen.entityId && rank(m) === 2);
    const note =
      rank(chosen) === 2
        ? `The knowledge base has no figure of this metric about ${name(chosen.entityId)} or a market it belongs to.`
        : others.length > 0 && rank(chosen) === 0
          ? `Of the entities the sentence names, the knowledge base has figures of this metric about ${name(chosen.entityId)}.`
          : null;
    return { entityIds: [chosen.entityId], confidence: round2(chosen.score * (rank(chosen) === 2 ? 0.5 : 1)), words: [chosen.words], named: true, held: rank(chosen) < 2, direct: rank(chosen) === 0, note };
  }
  const subjects = metricIds.flatMap((id) => vocab.subjectsByMetric.get(id) ?? []);
  const distinct = [...new Set(subjects.map((s) => s.subjectId))];
  if (distinct.length === 1) {
    return { entityIds: distinct, confidence: 0.6, words: [], named: false, held: true, direct: true, note: `The sentence names no subject; every figure of this metric in the knowledge base is about ${name(distinct[0]!)}, so the claim is read as about it.` };
  }
  const markets = distinct.filter((id) => vocab.entities.get(id)?.type === "MARKET");
  const broadest = markets.filter((id) => !ancestors(id, vocab.partOf).some((a) => markets.includes(a)));
  if (broadest.length === 1) {
    return { entityIds: broadest, confidence: 0.5, words: [], named: false, held: true, direct: true, note: `The sentence names no subject: read as about the whole market, ${name(broadest[0]!)}.` };
  }
  return {
    entityIds: [],
    confidence: 0,
    words: [],
    named: false,
    held: false,
    direct: false,
    note:
      distinct.length === 0
        ? "The sentence names no subject, and the knowledge base has no figure of this metric."
        : `The sentence names no subject, and the knowledge base has figures of this metric about ${distinct.length} (${distinct.slice(0, 4).map(name).join(", ")}${distinct.length > 4 ? ", …" : ""}): name one.`,
  };
}

function bounded(text: string, start: number, end: number): boolean {
  const word = /[\p{L}\p{N}]/u;
  const latin = /[A-Za-z0-9]/;
  return !(latin.test(text[start]!) && word.test(text[start - 1] ?? "")) && !(latin.test(text[end - 1]!) && latin.test(text[end] ?? ""));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
