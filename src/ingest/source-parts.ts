import { z } from "zod";
import { type CitationInput, SourceInput, type StatisticInput } from "./schemas.js";

/**
 * A source file checked against its schema part by part, so that a schema problem in one
 * part (a citation, a statistic's period) does not hide the checks of the others.
 *
 * The whole file is parsed with SourceInput first; when that succeeds (as it does for every
 * file of a good build) nothing more is done. Otherwise every problem the schema finds is
 * reported at its own path, as before, and the file is read again piece by piece: each field
 * of the document, each statistic without its citations, and each citation. What parses goes
 * on to the checks against the other files and the archived text; what does not is left out
 * of them (its problem is reported already):
 *
 * - a citation that does not parse is left out, its statistic and the others are checked;
 * - a statistic whose own fields do not parse is left out with its citations; other
 *   statistics that refer to it (derivation inputs) are not told it is unknown;
 * - a document field that does not parse is replaced by a neutral stand-in whose checks are
 *   skipped (no publisher, no authors, no date, the file name as slug); when it is the
 *   archive, the citations' quotes cannot be checked against the text and are not.
 *
 * Fields a statistic or document does not know are reported and otherwise ignored.
 */

/** A statistic's own fields: everything but its citations. */
export type StatisticDefinition = Omit<StatisticInput, "citations">;

/** A statistic as the checks get it: citations that did not parse are null (their place kept for paths). */
export type StatisticParts = StatisticDefinition & { readonly citations?: readonly (CitationInput | null)[] };

/** A source file as the checks get it. */
export interface SourceParts extends Omit<SourceInput, "statistics"> {
  /** The statistics in file order; one whose own fields did not parse is null. */
  readonly statistics: readonly (StatisticParts | null)[];
  /** Document fields that did not parse and hold a stand-in: their checks are skipped. */
  readonly unreadable: ReadonlySet<keyof Omit<SourceInput, "statistics">>;
  /** Slugs of the statistics that are null in `statistics` (when they have one). */
  readonly unreadableStatistics: readonly string[];
}

/** The outcome of reading a source file: its schema problems, and what can be checked further. */
export interface ReadSource {
  /** Every problem SourceInput finds, with its path in the file. */
  readonly issues: readonly z.core.$ZodIssue[];
  /** The parts to check further; null when the file is not a mapping of fields at all. */
  readonly source: SourceParts | null;
}

/** Reads a parsed source file (`file`: its path, whose name stands in for a slug that does not parse). */
export function readSource(data: unknown, file: string): ReadSource {
  const whole = SourceInput.safeParse(data);
  if (whole.success) return { issues: [], source: { ...whole.data, unreadable: NONE, unreadableStatistics: [] } };
  if (!isRecord(data)) return { issues: whole.error.issues, source: null };

  const unreadable = new Set<keyof Omit<SourceInput, "statistics">>();
  const stem = file.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "");
  const standIn: Omit<SourceInput, "statistics"> = { ...STAND_IN, slug: stem, url: `unreadable:${file}` };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(DOCUMENT_FIELDS) as (keyof typeof DOCUMENT_FIELDS)[]) {
    const r = DOCUMENT_FIELDS[key].safeParse(data[key]);
    if (r.success) fields[key] = r.data;
    else {
      unreadable.add(key);
      fields[key] = standIn[key];
    }
  }

  const unreadableStatistics: string[] = [];
  const statistics = Array.isArray(data.statistics)
    ? data.statistics.map((raw): StatisticParts | null => {
        const one = STATISTIC.safeParse(raw);
        if (one.success) return one.data;
        const { citations, ...own } = isRecord(raw) ? raw : { citations: undefined };
        const definition = STATISTIC_DEFINITION.safeParse(own);
        if (!definition.success) {
          if (isRecord(raw) && typeof raw.slug === "string") unreadableStatistics.push(raw.slug);
          return null;
        }
        return { ...definition.data, citations: readCitations(citations) };
      })
    : [];
  return { issues: whole.error.issues, source: { ...(fields as Omit<SourceInput, "statistics">), statistics, unreadable, unreadableStatistics } };
}

/** A statistic's citations, each parsed alone; a value that is not a list counts as one unreadable citation. */
function readCitations(raw: unknown): (CitationInput | null)[] | undefined {
  if (raw === undefined) return undefined;
  // Not a list: one unreadable entry, so that the statistic is not also said to cite nothing.
  if (!Array.isArray(raw)) return [null];
  return raw.map((c) => {
    const r = CITATION.safeParse(c);
    return r.success ? r.data : null;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const NONE: ReadonlySet<never> = new Set();

// The parts of SourceInput (schemas.ts defines them inside it).
const { statistics: STATISTICS, ...DOCUMENT_FIELDS } = SourceInput.shape;
const STATISTIC = STATISTICS.unwrap().element;
const { citations: CITATIONS, ...DEFINITION_FIELDS } = STATISTIC.shape;
/** A statistic's own fields, ignoring fields it does not know (reported by the whole file's parse). */
const STATISTIC_DEFINITION = z.object(DEFINITION_FIELDS);
const CITATION = CITATIONS.unwrap().element;

/** Neutral values for document fields that do not parse: none of them is checked further. */
const STAND_IN: Omit<SourceInput, "statistics" | "slug" | "url"> = {
  title: null,
  titleIsDescriptive: false,
  urlStatus: "ORIGINAL",
  publisher: null,
  authors: [],
  published: null,
  language: "und",
  kind: "NEWS_ARTICLE",
  archive: { coverage: "EXCERPT" },
};
