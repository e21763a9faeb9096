/**
 * A document's citations of a statistic: unique keys, the quote and the words as written found
 * in the archived text (or, for a document without one, nothing quoted), whom the source
 * credits with the figure, and how a relative or inferred period was read.
 */
import { type AnchoredQuote, type ArchiveText, anchorQuote } from "../facts/anchor.js";
import { precisionFromWords } from "../facts/precision.js";
import type { DataFile } from "./data-file.js";
import type { CitationRec, SourceRec, StatisticRec } from "./model.js";
import { describePeriod, formatLoc, suggest } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import type { CitationInput } from "./schemas.js";
import { type AttributionLinks, checkAttributionLinks } from "./validate-attribution.js";
import { PRODUCER_TYPES, checkEntity } from "./validate-entities.js";
import type { DefinedStatistic, ValidationContext } from "./validation-context.js";
import { quoteInArchive } from "./validation-memo.js";

/** The document a citation is in, and the statistic it cites. */
export interface CitingDocument {
  readonly file: DataFile;
  readonly source: SourceRec;
  /** The archived text, or null when there is none or it could not be read (already reported). */
  readonly archive: ArchiveText | null;
  readonly stat: DefinedStatistic;
  /** The citation keys used so far in the file, with where each was first used. */
  readonly keys: Map<string, PathSegment[]>;
}

const ATTRIBUTED_ENTITY: readonly PathSegment[] = ["attribution", "entity"];

/** The links of an attribution that records no intermediary, echo or doubt (most of them), shared. */
const NO_ATTRIBUTION_LINKS: AttributionLinks = Object.freeze({ via: [], echoOf: null, doubt: null });

/**
 * Checks a statistic's citations in one document (`sp`: the statistic's path) and adds those
 * without a problem to the statistic, refining its precision by the words they write.
 */
export function checkCitations(ctx: ValidationContext, doc: CitingDocument, citations: readonly (CitationInput | null)[], sp: PathSegment[]): void {
  const { file, stat, keys } = doc;
  citations.forEach((c, ci) => {
    if (c === null) return; // its schema problem is reported
    const cp: PathSegment[] = [...sp, "citations", ci];
    const seen = keys.get(c.key);
    if (seen) {
      ctx.report(file, [...cp, "key"], `duplicate citation key '${c.key}' in this file (first at ${formatLoc(file, seen)})`);
      return;
    }
    keys.set(c.key, cp);
    const cit = checkCitation(ctx, doc, c, cp);
    if (cit?.valueAsWritten && !stat.precisionStated) refinePrecision(stat, cit.valueAsWritten);
    // Most statistics have one citation: an array literal holds exactly it, where a push
    // onto an empty array would reserve room for seventeen.
    if (cit) {
      if (stat.citations.length === 0) stat.citations = [cit];
      else stat.citations.push(cit);
    }
  });
}

/** One citation checked: its record, or null when there was a problem (reported). */
function checkCitation(ctx: ValidationContext, doc: CitingDocument, c: CitationInput, cp: PathSegment[]): CitationRec | null {
  const quoted = checkQuote(ctx, doc, c, cp);
  if (!quoted) return null;
  let ok = quoted.ok;
  const links = checkAttribution(ctx, doc, c, cp);
  if (!links) ok = false;
  if (!checkPeriodWords(ctx, doc, c, cp)) ok = false;
  if (!ok) return null;
  return citationRecord(doc, c, quoted.quote, links!);
}

/**
 * The quote found in the archived text (null for a document without one), and whether the
 * quoted words are all right; or null when the citation cannot be checked further.
 */
function checkQuote(ctx: ValidationContext, doc: CitingDocument, c: CitationInput, cp: PathSegment[]): { quote: AnchoredQuote | null; ok: boolean } | null {
  const { file, archive } = doc;
  let ok = true;
  if (doc.source.coverage === "NONE") {
    for (const field of ["quote", "periodAsWritten"] as const) {
      if (c[field] !== undefined) {
        ctx.report(file, [...cp, field], `this source's text is not archived (coverage NONE), so nothing can be quoted from it; describe it in a note in your own words`);
        ok = false;
      }
    }
    if (c.attribution?.asWritten !== undefined) {
      ctx.report(file, [...cp, "attribution", "asWritten"], "this source's text is not archived (coverage NONE), so its wording cannot be quoted; use the attribution's note");
      ok = false;
    }
    return { quote: null, ok };
  }
  if (!archive) return null; // the archive problem is already reported
  if (!c.quote) {
    ctx.report(file, [...cp, "quote"], "a citation of an archived source must quote the passage that states the figure");
    return null;
  }
  const a = anchorQuote(archive, c.quote);
  if ("error" in a) {
    ctx.report(file, [...cp, "quote", a.field], a.error);
    return null;
  }
  for (const field of ["valueAsWritten", "periodAsWritten"] as const) {
    const w = c[field];
    // Words inside the quote, which was just found in the text, are in the text too; only
    // others need a search of the whole text.
    if (w !== undefined && !a.exact.includes(w) && !archive.text.includes(w)) {
      ctx.report(file, [...cp, field], `${JSON.stringify(w)} does not occur in the archived text`);
      ok = false;
    }
  }
  if (c.attribution?.asWritten !== undefined && !archive.text.includes(c.attribution.asWritten)) {
    ctx.report(file, [...cp, "attribution", "asWritten"], `${JSON.stringify(c.attribution.asWritten)} does not occur in the archived text`);
    ok = false;
  }
  return { quote: quoteInArchive(a, archive), ok };
}

/** The attribution's links when it is all right (NO_ATTRIBUTION_LINKS when it records none), else null. */
function checkAttribution(ctx: ValidationContext, doc: CitingDocument, c: CitationInput, cp: PathSegment[]): AttributionLinks | null {
  const { file } = doc;
  const att = c.attribution;
  let ok = true;
  if (att) {
    if (att.report !== undefined && att.entity !== undefined) {
      ctx.report(file, [...cp, "attribution"], "an attribution names a report or an entity, not both (a report's authors are known from the registry)");
      ok = false;
    } else if (att.report !== undefined && !ctx.reports.has(att.report)) {
      ctx.report(file, [...cp, "attribution", "report"], `unknown report '${att.report}'${suggest(att.report, ctx.reports.keys())}`);
      ok = false;
    } else if (att.entity !== undefined && !checkEntity(ctx, file, cp, ATTRIBUTED_ENTITY, att.entity, PRODUCER_TYPES, "attributed entity")) {
      ok = false;
    } else if (att.report === undefined && att.entity === undefined && att.note === undefined) {
      ctx.report(file, [...cp, "attribution"], "an attribution without a report or entity must say in a note whom the source credits; use null when it credits nobody");
      ok = false;
    }
  }
  let links: AttributionLinks | null = NO_ATTRIBUTION_LINKS;
  if (att && (att.via !== undefined || att.echoOf !== undefined || att.doubt !== undefined)) {
    links = checkAttributionLinks(att, doc.source.publisher, { entities: ctx.entities, reports: ctx.reports, suggest, problem: (tail, reason) => ctx.report(file, [...cp, ...tail], reason) });
  }
  return ok ? links : null;
}

/** Whether a relative or inferred period has what it needs (reporting what it lacks). */
function checkPeriodWords(ctx: ValidationContext, doc: CitingDocument, c: CitationInput, cp: PathSegment[]): boolean {
  const { file, source, stat } = doc;
  let ok = true;
  // Without archived text the phrase cannot be quoted, so the editors' note says what the source wrote.
  const phrase = source.coverage === "NONE" ? c.note : c.periodAsWritten;
  if (c.periodRelative && (phrase === undefined || stat.period === null)) {
    const words = source.coverage === "NONE" ? "a note saying, in your own words, what the source calls the period" : "the period as written";
    ctx.report(file, [...cp, "periodRelative"], `a relative period needs ${words} and a resolved period on the statistic`);
    ok = false;
  }
  if (c.periodInferred && stat.period === null) {
    ctx.report(file, [...cp, "periodInferred"], "an inferred period needs a period on the statistic");
    ok = false;
  }
  return ok;
}

/** The model's record of a citation that has no problem. */
function citationRecord(doc: CitingDocument, c: CitationInput, quote: AnchoredQuote | null, links: AttributionLinks): CitationRec {
  const { source, stat } = doc;
  const att = c.attribution;
  return {
    source: source.slug,
    key: c.key,
    position: stat.citations.length,
    quote,
    valueAsWritten: c.valueAsWritten ?? null,
    periodAsWritten: c.periodAsWritten ?? null,
    periodInferred: c.periodInferred,
    periodResolution: periodResolution(stat, source, c),
    attribution: att
      ? { asWritten: att.asWritten ?? null, report: att.report ?? null, entity: att.entity ?? null, inferred: att.inferred, note: att.note ?? null, via: links.via, echoOf: links.echoOf, doubt: links.doubt }
      : null,
    verified: quote !== null,
    note: c.note ?? null,
  };
}

/** How a relative or inferred period was read, in words; null for a period the source states. */
function periodResolution(stat: StatisticRec, source: SourceRec, c: CitationInput): string | null {
  if (stat.period && c.periodRelative) {
    const said = c.periodAsWritten !== undefined ? `"${c.periodAsWritten}"` : "The period the source gives (see the citation's note)";
    return `${said} read relative to the publication date ${source.published ?? "(undated)"}: ${describePeriod(stat.period)}`;
  }
  if (stat.period && c.periodInferred) return `No period stated in the source; the editor inferred ${describePeriod(stat.period)}.`;
  return null;
}

/**
 * Narrows a statistic's precision to what a citation's words write: the finest precision any
 * of its sources writes the amount to ("9610亿", 961 billion, gives 1e8 where the amount alone gives 1e9).
 * Words that do not write the amount ("doubled") leave it as it is.
 */
function refinePrecision(stat: DefinedStatistic, words: string): void {
  const p = precisionFromWords(words, stat.amount);
  if (p !== null && p < stat.precision) stat.precision = p;
}
