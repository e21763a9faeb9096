import { BoundedCache, type CacheBounds } from "./bounded-cache.js";
import { type TextBucket, TextKeyedCache, textBucketBytes } from "./text-keyed-cache.js";

/** What the catalog says of one memory of the server. */
export interface CatalogEntry {
  /** What it holds. */
  readonly holds: string;
  /** What it is looked up by. */
  readonly key: string;
  /** What bounds it (caches: entries and bytes; analyses: one value per open database). */
  readonly bound: string;
  /** The setting that controls the bound, or how the bound is fixed in the code. */
  readonly setting: string;
  /** Who keeps it: one per process, per server, or per open knowledge base (dropped with it). */
  readonly scope: "process" | "server" | "knowledge base";
  /** The file that uses it. */
  readonly usedIn: string;
}

/**
 * Every cache of the server: a BoundedCache (least recently used out, bounded in entries and
 * optionally in bytes), made only by `createCache` below. A new memory is added here first.
 * Per-knowledge-base analyses are listed below (ANALYSES); Maps that are not caches, with why
 * they stay bounded, in fixed-lookups.ts.
 */
export const CACHES = {
  responses: {
    holds: "Successful GraphQL responses: body bytes, content type and ETag.",
    key: "The request key (data version, Accept, operation hash, operation name, variables), and the request exactly as sent (URL or body).",
    bound: "Entries and bytes (body, key and headers); one response may take at most a quarter of the bytes.",
    setting: "`--response-cache-entries` (2000; 0 turns it off), `--response-cache-mb` (64).",
    scope: "server",
    usedIn: "src/http/response-cache.ts",
  },
  documents: {
    holds: "Apollo's parsed and validated documents.",
    key: "The schema's hash and the query's SHA-256.",
    bound: "Bytes (two a character of query text and 240 a token) and 10,000 documents; one document may take at most an eighth of the bytes.",
    setting: "`--document-cache-mb` (32).",
    scope: "server",
    usedIn: "src/api/document-store.ts",
  },
  queryHashes: {
    holds: "The SHA-256 of operation texts (Apollo's document-store and APQ key), so a repeated operation is not hashed again.",
    key: "The operation text (long texts found by a sample of their characters, then compared whole: text-keyed-cache.ts).",
    bound: "1,000 keys and 4 MiB of text.",
    setting: "None: fixed in the code (CACHE_SIZES.queryHashes, queryHashBytes).",
    scope: "process",
    usedIn: "src/api/operation-params.ts",
  },
  sentRequestKeys: {
    holds: "The response cache's key of a request as sent (kind and Accept header, and the SHA-256 of the body or URL).",
    key: "The body (POST) or URL (GET) as sent (long texts by a sample of their characters, then compared whole).",
    bound: "2,000 keys and 8 MiB of text.",
    setting: "None: fixed in the code (CACHE_SIZES.sentRequestKeys, sentRequestBytes).",
    scope: "process",
    usedIn: "src/http/sent-request.ts",
  },
  preparedOperations: {
    holds: "Query texts Apollo has answered cleanly: their parsed document, and per operation name the cost function and graphql-jit compiled query of the lean path.",
    key: "The query text's SHA-256.",
    bound: "250 texts and 16 MiB (document-store.ts's estimate of the documents); one text at most an eighth.",
    setting: "`preparedOperations` of createServer (250; 0 turns the lean path off); none with `--executor graphql-js`.",
    scope: "server",
    usedIn: "src/api/prepared-store.ts",
  },
  responseHeads: {
    holds: "The headers Apollo answers a successful query with, learned from its answers.",
    key: "The request's Accept header.",
    bound: "64 Accept headers.",
    setting: "None: fixed in the code (MAX_ACCEPT_VALUES).",
    scope: "server",
    usedIn: "src/api/prepared-request.ts",
  },
  operationCosts: {
    holds: "The estimated cost of one parsed operation for given values of its cost variables (one cache per operation, kept as long as Apollo keeps the document).",
    key: "The values of the operation's `first`, `last` and `ids` variables.",
    bound: "1,000 sets of values per operation.",
    setting: "None: fixed in the code (MAX_COSTS_PER_OPERATION).",
    scope: "server",
    usedIn: "src/api/limits.ts (and src/api/prepared-cost.ts for the lean path)",
  },
  jitOperations: {
    holds: "Per parsed document, its operations' use counts and graphql-jit compiled code.",
    key: "The parsed document (Apollo hands every request of a document the same one).",
    bound: "250 documents (MAX_DOCUMENTS: each keeps its query text alive).",
    setting: "None: `jitExecutor`'s maxDocuments option; `--executor graphql-js` has none.",
    scope: "server",
    usedIn: "src/api/jit-executor.ts",
  },
  rows: {
    holds: "Results of repository reads (rows looked up by key, whole registries), deep-frozen; results of more than 500 rows are not kept.",
    key: "The read's name (`repository.method`) and its arguments, when they are primitives or lists of them.",
    bound: "Entries.",
    setting: "`--row-cache-entries` (10000; 0 turns it off); off in an in-process server unless asked.",
    scope: "server",
    usedIn: "src/db/row-cache.ts (consulted by src/db/statements.ts)",
  },
  globalIds: {
    holds: "Encoded global IDs (base64url of `Type:slug`).",
    key: "`Type:slug`.",
    bound: "50,000 IDs.",
    setting: "None: fixed in the code (CACHE_SIZES.globalIds).",
    scope: "process",
    usedIn: "src/schema/common/global-id.ts",
  },
  scalarOutputs: {
    holds: "Serialized outputs of the LocalDate and URL scalars (one cache per scalar).",
    key: "The value as read from the database.",
    bound: "50,000 values per scalar.",
    setting: "None: fixed in the code (CACHE_SIZES.scalarOutputs).",
    scope: "process",
    usedIn: "src/schema/common/scalars.ts",
  },
  renderedCards: {
    holds: "Rendered fact-card pages with their ETags.",
    key: "Slug, embedded or not, and the web build.",
    bound: "Bytes (two a character of the page, plus the key): 16 MiB; one page may take at most an eighth.",
    setting: "None: fixed in the code (CARD_CACHE_BYTES, src/web/routes.ts).",
    scope: "server",
    usedIn: "src/web/fact-card/rendered-cards.ts",
  },
  staticAssets: {
    holds: "Bodies of the built web assets (and their precompressed variants), read on first use.",
    key: "The file name under /assets/.",
    bound: "1,000 files and 64 MiB (the files of the manifests seen since start are far fewer).",
    setting: "None: fixed in the code (CACHE_SIZES.staticAsset*).",
    scope: "server",
    usedIn: "src/web/static-assets.ts",
  },
  archiveTexts: {
    holds: "Archived source texts with their stored and actual SHA-256.",
    key: "The source's row id.",
    bound: "256 texts.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/db/archives.ts",
  },
  searchTermFrequencies: {
    holds: "How many documents of the search index hold a term (bm25's document frequency).",
    key: "The term as the index stores it.",
    bound: "10,000 terms.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/db/search-corpus.ts",
  },
  statisticCitations: {
    holds: "A statistic's formatted citation (a promise while it is being computed).",
    key: "Statistic id, citation style and markup.",
    bound: "50,000 citations.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/schema/statistic/statistic-facts.resolver.ts",
  },
  statisticAgreements: {
    holds: "A statistic's agreement with the figures it can be compared with.",
    key: "Statistic id.",
    bound: "20,000 statistics.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/schema/statistic/statistic-facts.resolver.ts",
  },
  sourceCitations: {
    holds: "A source's formatted citation.",
    key: "Source id, citation style and markup.",
    bound: "20,000 citations.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/schema/source/source.resolver.ts",
  },
  derivationChecks: {
    holds: "The checked derivation of a DERIVED statistic (its recomputed interval and explanation).",
    key: "Statistic id.",
    bound: "20,000 statistics.",
    setting: "None: fixed in the code.",
    scope: "knowledge base",
    usedIn: "src/schema/derivation/statistic-derivation.ts",
  },
} as const satisfies Record<string, CatalogEntry>;

/** The name of a cache in the catalog. */
export type CacheName = keyof typeof CACHES;

/** The bounds every cache of the catalog has in the code (those with a setting are given theirs by the caller). */
export const CACHE_SIZES = {
  queryHashes: 1_000,
  queryHashBytes: 4 * 1024 * 1024,
  sentRequestKeys: 2_000,
  sentRequestBytes: 8 * 1024 * 1024,
  globalIds: 50_000,
  scalarOutputs: 50_000,
  staticAssetFiles: 1_000,
  staticAssetBytes: 64 * 1024 * 1024,
} as const;

/** The caches each open knowledge base keeps (`kb.analyses.cache(name)`), with their entries at most. */
export const KNOWLEDGE_BASE_CACHE_ENTRIES = {
  archiveTexts: 256,
  searchTermFrequencies: 10_000,
  statisticCitations: 50_000,
  statisticAgreements: 20_000,
  sourceCitations: 20_000,
  derivationChecks: 20_000,
} as const satisfies Partial<Record<CacheName, number>>;

/** The name of a cache kept per open knowledge base. */
export type KnowledgeBaseCacheName = keyof typeof KNOWLEDGE_BASE_CACHE_ENTRIES;

/** Makes the cache `name` of the catalog with its bounds; the only place a BoundedCache is made. */
export function createCache<K, V>(name: CacheName, bounds: CacheBounds<K, V>): BoundedCache<K, V> {
  return new BoundedCache<K, V>(name, bounds);
}

/** A cache of the catalog keyed by texts that may be long (text-keyed-cache.ts), bounded by keys and by the bytes of its texts. */
export function createTextKeyedCache<V>(name: CacheName, bounds: { readonly maxEntries: number; readonly maxBytes: number }): TextKeyedCache<V> {
  return new TextKeyedCache(createCache<string | number, TextBucket<V>>(name, { ...bounds, sizeOf: textBucketBytes, maxEntryBytes: bounds.maxBytes / 8 }));
}

/**
 * Analyses of one open knowledge base: computed on first use from its rows, which never change
 * while it is served, and kept until it is closed (KnowledgeBaseAnalyses, owned by the
 * KnowledgeBase: `kb.analyses`). One value each, so they need no eviction.
 */
export const ANALYSES = {
  conflictIndex: {
    holds: "Every conflict group of the knowledge base and the agreement context their reasons are written in.",
    key: "None: one per open database.",
    bound: "One value; grows with the number of statistics.",
    setting: "None.",
    scope: "knowledge base",
    usedIn: "src/schema/conflict/conflict-index.ts",
  },
  unitCatalog: {
    holds: "The registered units by code.",
    key: "None: one per open database.",
    bound: "One value; the unit registry.",
    setting: "None.",
    scope: "knowledge base",
    usedIn: "src/schema/unit/unit-catalog.ts",
  },
  claimVocabulary: {
    holds: "The vocabulary claims are read against (metrics, names, events, units).",
    key: "None: one per open database.",
    bound: "One value; the registries.",
    setting: "None.",
    scope: "knowledge base",
    usedIn: "src/schema/claim/claim-vocabulary-index.ts",
  },
  longestStatisticPeriod: {
    holds: "The longest period of any statistic, in days (bounds period-overlap filters).",
    key: "None: one per open database.",
    bound: "One number.",
    setting: "None.",
    scope: "knowledge base",
    usedIn: "src/db/statistic.repo.ts",
  },
  searchTotals: {
    holds: "The search index's row count and average row length (bm25's N and avgdl).",
    key: "None: one per open database.",
    bound: "Two numbers.",
    setting: "None.",
    scope: "knowledge base",
    usedIn: "src/db/search-corpus.ts",
  },
} as const satisfies Record<string, CatalogEntry>;

/** The name of a per-knowledge-base analysis in the catalog. */
export type AnalysisName = keyof typeof ANALYSES;
