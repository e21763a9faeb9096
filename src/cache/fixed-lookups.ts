/** A memory that is not a cache: a lookup whose size the code fixes, with why it stays bounded. */
export interface FixedLookup {
  /** The file that declares it. */
  readonly file: string;
  /** The variable or field. */
  readonly name: string;
  readonly holds: string;
  /** Why it cannot grow without bound. */
  readonly bounded: string;
}

/**
 * Lookups that are not caches and stay as plain Maps. Every module-level `new Map`/`new
 * WeakMap` of src/ that is not a constant table (typed ReadonlyMap) is listed here
 * (test/architecture/caches.test.ts checks it), beside the catalog of caches (caches.ts).
 */
export const FIXED_LOOKUPS: readonly FixedLookup[] = [
  {
    file: "src/db/database.ts",
    name: "KnowledgeDb.statements",
    holds: "One prepared statement per SQL text.",
    bounded: "The SQL texts come from the code: filters (entity types and search kinds deduplicated), orders and batch sizes (bucketed to 14) are closed sets.",
  },
  {
    file: "src/facts/number-format.ts",
    name: "FORMATS",
    holds: "One Intl.NumberFormat per number of decimals.",
    bounded: "The decimals come from the code (0 to 12, or a caller's constant).",
  },
  {
    file: "src/facts/human-number.ts",
    name: "FORMATS",
    holds: "One Intl.NumberFormat per language, notation, digits and rounding.",
    bounded: "Each option comes from a closed set (two languages, two notations, digits 1 to 21, the rounding modes).",
  },
  {
    file: "src/db/statistic-loaders.ts",
    name: "INPUT_STATISTICS",
    holds: "The statistic view of a derivation-input row (an association, not a cache).",
    bounded: "A WeakMap keyed by the row: an entry lives exactly as long as its row (a request's, or the row cache's).",
  },
  {
    file: "src/web/static-assets.ts",
    name: "StaticAssets.known",
    holds: "The files the web manifests list, by name.",
    bounded: "The files of the builds served since start (a few per build).",
  },
];
