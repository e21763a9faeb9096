import type { Comparator } from "../facts/interval.js";
import type { Period } from "../facts/period.js";
import type { AnchoredQuote } from "../facts/anchor.js";
import type { EntityType } from "../db/entity.repo.js";
import type { UnitInfo } from "../facts/unit-catalog.js";

/**
 * The knowledge base after validation: every reference checked, every quote anchored, every
 * statistic merged across the documents that state it. References are by slug; the writer
 * turns them into row ids. Arrays are sorted by slug so that the same files always give the
 * same database.
 */
export interface Model {
  readonly entities: EntityRec[];
  readonly reports: ReportRec[];
  readonly metrics: MetricRec[];
  /** Every unit a metric is given in, and every registered unit, with its names; by code. */
  readonly units: UnitInfo[];
  readonly sources: SourceRec[];
  readonly statistics: StatisticRec[];
}

/** Any named thing: platform, organization, MCN, brand, person, market or event. */
export interface EntityRec {
  slug: string;
  type: EntityType;
  name: string;
  description: string;
  orgKind: string | null;
  website: string | null;
  operator: string | null;
  parent: string | null;
  /** The market a non-market entity is part of (`partOf` of platforms, organizations, ...). */
  partOf: string | null;
  start: string | null;
  end: string | null;
  names: { lang: string; name: string; alias: boolean }[];
  file: string;
}

/** A report, study, dataset or statement that produced figures. */
export interface ReportRec {
  slug: string;
  title: string;
  titleIsDescriptive: boolean;
  originalTitle: string | null;
  originalLanguage: string | null;
  kind: string;
  published: string | null;
  url: string | null;
  authors: string[];
  basedOn: { report: string; relation: "REPUBLISHES" | "USES_DATA"; inferred: boolean; note: string | null }[];
  description: string;
  file: string;
}

/** A metric: what is measured. */
export interface MetricRec {
  slug: string;
  name: string;
  description: string;
  quantity: string;
  units: string[];
  related: { metric: string; relation: "EQUIVALENT" | "DIFFERENT_SCOPE"; scale: number | null; offset: number | null; note: string }[];
  file: string;
}

/** A document that was read, with its archive when one is kept. */
export interface SourceRec {
  slug: string;
  title: string | null;
  titleIsDescriptive: boolean;
  url: string;
  urlStatus: string;
  publisher: string | null;
  publisherAsNamed: string | null;
  authors: string[];
  published: string | null;
  language: string;
  kind: string;
  retrieved: string | null;
  coverage: "FULL" | "EXCERPT" | "NONE";
  archiveText: string | null;
  sha256: string | null;
  length: number | null;
  note: string | null;
  file: string;
}

/** The attribution of a figure as one source states it. */
export interface AttributionRec {
  asWritten: string | null;
  report: string | null;
  entity: string | null;
  inferred: boolean;
  note: string | null;
  /** Intermediaries between the citing source and the producer, in order from the source. */
  via: ProducerRefRec[];
  /** The report or entity whose figure the credited producer is known to have copied, or null. */
  echoOf: ProducerRefRec | null;
  /** The editors' doubt about the attribution, in their words, or null. */
  doubt: string | null;
}

/** A report or an entity named by slug in an attribution's `via` or `echoOf`. */
export interface ProducerRefRec {
  kind: "report" | "entity";
  slug: string;
}

/** One source stating one statistic; its slug is `<source>.<key>`. */
export interface CitationRec {
  source: string;
  key: string;
  position: number;
  quote: AnchoredQuote | null;
  valueAsWritten: string | null;
  periodAsWritten: string | null;
  periodInferred: boolean;
  periodResolution: string | null;
  attribution: AttributionRec | null;
  /** Whether the quote was found in the archived text (the verification note is written from it). */
  verified: boolean;
  note: string | null;
}

/** One figure as stated, with all the citations that state it. */
export interface StatisticRec {
  slug: string;
  metric: string;
  subject: string;
  /** Every subject, `subject` first; one element for most figures. */
  subjects: string[];
  event: string | null;
  kind: string;
  amount: number;
  /** The top of a BETWEEN range; null otherwise. */
  upper: number | null;
  unit: string;
  comparator: Comparator;
  /** The place value of the last digit written (from the editor, the words as written, or the amount). */
  precision: number;
  period: Period | null;
  derivation: { formula: string; inputs: { name: string; statistic: string }[] } | null;
  note: string | null;
  citations: CitationRec[];
  file: string;
}
