import { BULK_SOURCES, type BulkStatistic, bulkStatistics } from "../fixtures/bulk.js";
import { BULK_COUNT } from "./knowledge-bases.js";

/**
 * What the tests expect the fixture knowledge base to hold, written independently of the
 * API: the hand-written awkward rows of test/fixtures/kb and the generated ones. Orders and
 * filters are checked against this model.
 */
export interface ModelStatistic {
  readonly slug: string;
  readonly metric: string;
  readonly subject: string;
  readonly event: string | null;
  readonly kind: string;
  readonly amount: number;
  readonly unit: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly firstPublished: string | null;
  readonly sources: readonly string[];
  readonly producers: readonly string[];
  /** Whether a citation has a quote that verified at build time (its source is archived). */
  readonly verified: boolean;
}

const WIRE = "widget-wire-2021-01-05-widget-sales";
const DAILY = "fixture-daily-2020-12-widget-excerpt";
const year = (y: string) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
const none = { start: null, end: null };

const AWKWARD: ModelStatistic[] = [
  { slug: "shoplive-widget-gmv-2020-2-5bn", metric: "widget-gmv", subject: "shoplive", event: null, kind: "MEASUREMENT", amount: 2.5e9, unit: "CNY", ...year("2020"), firstPublished: "2020-12", sources: [DAILY, WIRE], producers: ["widget-institute"], verified: true },
  { slug: "shoplive-sessions-2020-12-over-40k", metric: "live-sessions", subject: "shoplive", event: null, kind: "MEASUREMENT", amount: 40000, unit: "sessions", start: "2020-12-01", end: "2020-12-31", firstPublished: "2021-01-05", sources: [WIRE], producers: ["shoplive"], verified: true },
  { slug: "shoplive-sessions-per-day-2020-12-over-1290", metric: "live-sessions-per-day", subject: "shoplive", event: null, kind: "DERIVED", amount: 1290, unit: "sessions/day", start: "2020-12-01", end: "2020-12-31", firstPublished: "2021-01-05", sources: [WIRE], producers: ["shoplive"], verified: true },
  { slug: "widget-market-gmv-2021-over-3bn-forecast", metric: "widget-gmv", subject: "widget-market", event: null, kind: "FORECAST", amount: 3e9, unit: "CNY", ...year("2021"), firstPublished: "2021-01-05", sources: [WIRE], producers: [], verified: true },
  { slug: "widget-market-hosts-growth-2020-minus-12-5pct", metric: "hosts-growth", subject: "widget-market", event: null, kind: "ESTIMATE", amount: -12.5, unit: "PERCENT", ...year("2020"), firstPublished: "2021-01-05", sources: [WIRE], producers: [], verified: true },
  { slug: "widget-market-streaming-hours-at-most-7", metric: "streaming-hours-per-day", subject: "widget-market", event: null, kind: "SURVEY", amount: 7, unit: "hours/day", ...none, firstPublished: "2021-01-05", sources: [WIRE], producers: [], verified: true },
  { slug: "widget-market-top-host-share-2020-under-1pct", metric: "top-host-share", subject: "widget-market", event: null, kind: "ESTIMATE", amount: 1, unit: "PERCENT", ...year("2020"), firstPublished: "2020-12", sources: [DAILY], producers: [], verified: true },
  { slug: "shoplive-widget-gmv-2020-about-2-4bn", metric: "widget-gmv", subject: "shoplive", event: "widget-fest-2020", kind: "ESTIMATE", amount: 2.4e9, unit: "CNY", ...year("2020"), firstPublished: "2021", sources: ["widget-blog-2021-roundup"], producers: ["widget-institute"], verified: false },
  { slug: "shoplive-sessions-per-day-2020-12-1000", metric: "live-sessions-per-day", subject: "shoplive", event: null, kind: "DERIVED", amount: 1000, unit: "sessions/day", start: "2020-12-01", end: "2020-12-31", firstPublished: "2021", sources: ["widget-blog-2021-roundup"], producers: [], verified: false },
  { slug: "shoplive-users-about-100m", metric: "users", subject: "shoplive", event: null, kind: "ESTIMATE", amount: 1e8, unit: "users", ...none, firstPublished: null, sources: ["undated-widget-notes"], producers: ["shoplive"], verified: false },
];

function fromBulk(b: BulkStatistic): ModelStatistic {
  const published = BULK_SOURCES.filter((s) => b.sources.includes(s.slug)).map((s) => s.published as string).sort();
  return {
    slug: b.slug,
    metric: "widget-index",
    subject: b.subject,
    event: null,
    kind: b.kind,
    amount: b.amount,
    unit: "units",
    ...(b.period ? year(b.period) : none),
    firstPublished: published[0]!,
    sources: b.sources,
    producers: b.attribution ? ["widget-institute"] : [],
    verified: true,
  };
}

/** Every statistic of the fixture, in slug order (the build numbers rows in slug order, so this is also id order). */
export const MODEL: readonly ModelStatistic[] = [...AWKWARD, ...bulkStatistics(BULK_COUNT).map(fromBulk)].sort((a, b) => (a.slug < b.slug ? -1 : 1));

const idOf = new Map(MODEL.map((s, i) => [s.slug, i]));

/** The sort keys of StatisticOrderField. */
export const SORT_KEYS = {
  PERIOD: (s: ModelStatistic) => s.start,
  VALUE: (s: ModelStatistic) => s.amount,
  PUBLISHED: (s: ModelStatistic) => s.firstPublished,
} as const;

/**
 * The documented order: by the key, ties by id in the same direction, statistics without the
 * key last whatever the direction (among themselves by id in the same direction).
 */
export function ordered(list: readonly ModelStatistic[], field: keyof typeof SORT_KEYS, direction: "ASC" | "DESC"): string[] {
  const key = SORT_KEYS[field];
  const sign = direction === "ASC" ? 1 : -1;
  return [...list]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) return sign * (ka < kb ? -1 : 1);
      return sign * (idOf.get(a.slug)! - idOf.get(b.slug)!);
    })
    .map((s) => s.slug);
}
