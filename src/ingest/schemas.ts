import { z } from "zod";
import { COMPARATORS } from "../facts/interval.js";
import { REGISTRABLE_UNIT_KINDS } from "../facts/unit-catalog.js";

/**
 * The shapes of the curated files in db/ (documented in db/README.md). Structure, enums and
 * formats are checked here; references between files and the archived text are checked by
 * validate.ts once everything is read.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug: lower-case letters, digits and single hyphens");
const text = z.string().trim().min(1, "must not be empty");
/** A date written by an editor: YYYY, YYYY-MM or YYYY-MM-DD; YAML may read a bare year as a number. */
const partialDate = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"));
const fullDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const url = z.string().url("must be an absolute URL");
const langTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag such as en or zh-Hans");
const names = z.record(langTag, text).default({});

/** Kinds of organization. */
export const ORG_KINDS = ["COMPANY", "GOVERNMENT_AGENCY", "UNIVERSITY", "RESEARCH_INSTITUTE", "NEWS_PUBLISHER", "CONSULTANCY", "INDUSTRY_BODY", "OTHER"] as const;
/** Kinds of statistic. */
export const STATISTIC_KINDS = ["MEASUREMENT", "ESTIMATE", "FORECAST", "SURVEY", "DERIVED"] as const;
/** Kinds of report. */
export const REPORT_KINDS = ["REPORT", "STUDY", "DATASET", "SURVEY", "OFFICIAL_STATEMENT", "COMPANY_FILING", "PRESS_RELEASE"] as const;
/** Kinds of source document. */
export const SOURCE_KINDS = ["NEWS_ARTICLE", "PRESS_RELEASE", "REPORT_PAGE", "COMPANY_FILING", "BLOG_POST", "SOCIAL_MEDIA_POST", "ENCYCLOPEDIA_ARTICLE", "JOURNAL_ARTICLE"] as const;
/** What kind of quantity a metric is; SHARE values are percentages between 0 and 100. */
export const QUANTITIES = ["MONEY", "COUNT", "SHARE", "GROWTH_RATE", "RATIO", "DURATION", "PERCENTAGE_POINTS"] as const;
/** How much of a source's text is archived. */
export const COVERAGES = ["FULL", "EXCERPT", "NONE"] as const;
/** What a source's URL is. */
export const URL_STATUSES = ["ORIGINAL", "AS_SEEN", "REPOST", "INFERRED_ORIGINAL"] as const;

const entityBase = {
  slug,
  name: text,
  names,
  aliases: z.array(text).default([]),
  description: text,
  website: url.optional(),
};

/** The market an entity that is not a market belongs to (a platform's own figures are part of its market's totals). */
const marketOf = { partOf: slug.optional() };

/** db/registry/organizations.yaml: a list of these. */
export const OrganizationInput = z.strictObject({ ...entityBase, ...marketOf, kind: z.enum(ORG_KINDS), parent: slug.optional() });
/** db/registry/platforms.yaml. */
export const PlatformInput = z.strictObject({ ...entityBase, ...marketOf, operator: slug.optional(), parent: slug.optional() });
/** db/registry/mcns.yaml. */
export const McnInput = z.strictObject({ ...entityBase, ...marketOf, operator: slug.optional() });
/** db/registry/brands.yaml. */
export const BrandInput = z.strictObject({ ...entityBase, ...marketOf, owner: slug.optional() });
/** db/registry/people.yaml. */
export const PersonInput = z.strictObject({ ...entityBase, ...marketOf, affiliation: slug.optional() });
/** db/registry/markets.yaml. */
export const MarketInput = z.strictObject({ ...entityBase, partOf: slug.optional() });
/** db/registry/events.yaml. */
export const EventInput = z.strictObject({ ...entityBase, start: fullDate.optional(), end: fullDate.optional(), partOf: slug.optional() });

/** db/registry/reports.yaml. */
export const ReportInput = z.strictObject({
  slug,
  title: text,
  titleIsDescriptive: z.boolean().default(false),
  originalTitle: text.optional(),
  originalLanguage: langTag.optional(),
  kind: z.enum(REPORT_KINDS),
  published: partialDate.optional(),
  url: url.optional(),
  authors: z.array(slug).min(1, "a report needs at least one author"),
  basedOn: z
    .array(z.strictObject({ report: slug, relation: z.enum(["REPUBLISHES", "USES_DATA"]), inferred: z.boolean(), note: text.optional() }))
    .default([]),
  description: text,
});

/** db/registry/units.yaml: a countable unit (or another currency or unit of time) and its names. */
export const UnitInput = z.strictObject({
  slug: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/, "must be a unit as metrics write it: letters, digits and single hyphens (no '/': rates are read from their parts)"),
  kind: z.enum(REGISTRABLE_UNIT_KINDS).default("COUNT"),
  singular: text,
  plural: text,
  zh: text,
  symbol: text.optional(),
  description: text,
});

/** db/registry/metrics.yaml. */
export const MetricInput = z.strictObject({
  slug,
  name: text,
  description: text,
  quantity: z.enum(QUANTITIES),
  units: z.array(text).min(1, "list the units a value of this metric may have"),
  related: z
    .array(
      z.strictObject({
        metric: slug,
        relation: z.enum(["EQUIVALENT", "DIFFERENT_SCOPE"]),
        scale: z.number().optional(),
        offset: z.number().optional(),
        note: text,
      }),
    )
    .default([]),
});

const QuoteInput = z.strictObject({
  exact: z.string().min(1, "must not be empty"),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

/**
 * A report or entity named in an attribution's `via` or `echoOf`: a bare slug (resolved by the
 * build; it must name exactly one of them), or `{ report: slug }` / `{ entity: slug }`.
 */
const ProducerRefInput = z.union([slug, z.strictObject({ report: slug }), z.strictObject({ entity: slug })]);

const AttributionInput = z
  .strictObject({
    asWritten: z.string().min(1).optional(),
    report: slug.optional(),
    entity: slug.optional(),
    inferred: z.boolean(),
    note: text.optional(),
    // Intermediaries from the citing source toward the producer (a wire agency between a
    // newspaper and a data firm); a known echo; the editors' doubt. Checked in validate-attribution.ts.
    via: z.array(ProducerRefInput).optional(),
    echoOf: ProducerRefInput.optional(),
    doubt: text.optional(),
  })
  .nullable();

/** An attribution's `via` item or `echoOf` as written in a source file. */
export type ProducerRefInput = z.infer<typeof ProducerRefInput>;

const CitationInput = z.strictObject({
  key: slug,
  quote: QuoteInput.optional(),
  // A figure's few words ("961亿元", "over 40%"), not a sentence: they give the digits as written.
  valueAsWritten: text.max(40, "must be the figure's few words (at most 40 characters), not a sentence").optional(),
  periodAsWritten: text.optional(),
  periodRelative: z.boolean().default(false),
  periodInferred: z.boolean().default(false),
  // Required, so that "no attribution stated" is always a decision, never an omission.
  attribution: AttributionInput,
  note: text.optional(),
});

const PeriodInput = z.union([
  z.union([z.string(), z.number().int()]).transform(String),
  z.strictObject({ start: fullDate, end: fullDate, label: text }),
]);

/** A stated value: amount, unit and comparator; `upper` ends a BETWEEN range; `precision` is the place value of the last digit written. */
const ValueInput = z.strictObject({
  amount: z.number().finite(),
  upper: z.number().finite().optional(),
  unit: text,
  comparator: z.enum(COMPARATORS as [string, ...string[]]),
  precision: z.number().positive("must be the place value of the last digit written, e.g. 100000000 for 961 billion written as 9610亿").finite().optional(),
});

const StatisticInput = z.strictObject({
  slug,
  metric: slug,
  // One subject, or several for a combined figure (two hosts' joint sales): give one of the two.
  subject: slug.optional(),
  subjects: z.array(slug).min(2, "list two or more subjects, or give one as subject").optional(),
  event: slug.optional(),
  kind: z.enum(STATISTIC_KINDS),
  value: ValueInput,
  period: PeriodInput.nullable(),
  derivation: z.strictObject({ formula: text, inputs: z.record(z.string(), slug) }).optional(),
  note: text.optional(),
  citations: z.array(CitationInput).optional(),
});

/** db/sources/<slug>.yaml: one document, its archive and the statistics it states. */
export const SourceInput = z.strictObject({
  slug,
  title: text.nullable(),
  titleIsDescriptive: z.boolean().default(false),
  url,
  urlStatus: z.enum(URL_STATUSES),
  publisher: slug.nullable(),
  publisherAsNamed: text.optional(),
  authors: z.array(slug).default([]),
  published: partialDate.nullable(),
  language: langTag,
  kind: z.enum(SOURCE_KINDS),
  retrieved: fullDate.optional(),
  archive: z.strictObject({
    coverage: z.enum(COVERAGES),
    file: z.string().regex(/^[a-z0-9-]+\.txt$/, "must be the name of a .txt file beside this one").optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be a lower-case hex SHA-256").optional(),
  }),
  note: text.optional(),
  statistics: z.array(StatisticInput).default([]),
});

/** A record of registry/organizations.yaml, as parsed. */
export type OrganizationInput = z.infer<typeof OrganizationInput>;
/** A record of registry/platforms.yaml, as parsed. */
export type PlatformInput = z.infer<typeof PlatformInput>;
/** A record of registry/mcns.yaml, as parsed. */
export type McnInput = z.infer<typeof McnInput>;
/** A record of registry/brands.yaml, as parsed. */
export type BrandInput = z.infer<typeof BrandInput>;
/** A record of registry/people.yaml, as parsed. */
export type PersonInput = z.infer<typeof PersonInput>;
/** A record of registry/markets.yaml, as parsed. */
export type MarketInput = z.infer<typeof MarketInput>;
/** A record of registry/events.yaml, as parsed. */
export type EventInput = z.infer<typeof EventInput>;
/** A record of registry/reports.yaml, as parsed. */
export type ReportInput = z.infer<typeof ReportInput>;
/** A record of registry/metrics.yaml, as parsed. */
export type MetricInput = z.infer<typeof MetricInput>;
/** A source file (sources/<slug>.yaml), as parsed. */
export type SourceInput = z.infer<typeof SourceInput>;
/** A statistic of a source file, with its citations, as parsed. */
export type StatisticInput = z.infer<typeof StatisticInput>;
/** A citation of a statistic in a source file, as parsed. */
export type CitationInput = z.infer<typeof CitationInput>;
