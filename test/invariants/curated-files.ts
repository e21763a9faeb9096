import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** File names the build reads as data (YAML, or JSON, which YAML also parses). */
const DATA_FILE = /\.(ya?ml|json)$/;

/** The registries whose records are entities (everything but reports and metrics). */
export const ENTITY_REGISTRIES = ["organizations", "platforms", "mcns", "brands", "people", "markets", "events"] as const;

/** A statistic as a source file defines it: everything but its citations, and those. */
export interface CuratedStatistic {
  readonly slug: string;
  readonly kind: string;
  readonly definition: Record<string, unknown>;
  readonly citations: readonly Record<string, unknown>[];
}

/** One source document as written, with the file it came from. */
export interface CuratedSource {
  readonly file: string;
  readonly slug: string;
  readonly coverage: string;
  readonly statistics: readonly CuratedStatistic[];
}

/**
 * What a data directory defines, read straight from its files with a plain YAML parser (not
 * the build's code), so tests can compare the API with the files whatever data they hold.
 */
export interface CuratedFiles {
  readonly sources: readonly CuratedSource[];
  /** Records by registry name (organizations, ..., reports, metrics). */
  readonly registries: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

/** The counts a build of these files reports (BuildCounts), computed from the files alone. */
export interface CuratedCounts {
  readonly sources: number;
  readonly statistics: number;
  readonly citations: number;
  readonly entities: number;
  readonly reports: number;
  readonly metrics: number;
  /** Citations in documents without archived text (coverage NONE). */
  readonly unarchivedCitations: number;
}

/** The path of registry `name` in `dataDir` (any data extension), or undefined when there is none. */
export function registryFile(dataDir: string, name: string): string | undefined {
  const dir = join(dataDir, "registry");
  const found = readdirSync(dir).find((f) => DATA_FILE.test(f) && f.replace(DATA_FILE, "") === name);
  return found === undefined ? undefined : join(dir, found);
}

/** Reads every registry and source document of a data directory (layout in db/README.md). */
export function readCuratedFiles(dataDir: string): CuratedFiles {
  const registries: Record<string, Record<string, unknown>[]> = {};
  for (const name of [...ENTITY_REGISTRIES, "reports", "metrics"]) {
    const file = registryFile(dataDir, name);
    registries[name] = file === undefined ? [] : ((parse(readFileSync(file, "utf8")) as Record<string, unknown>[] | null) ?? []);
  }
  const dir = join(dataDir, "sources");
  const sources: CuratedSource[] = [];
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => DATA_FILE.test(f)).sort() : []) {
    const doc = parse(readFileSync(join(dir, file), "utf8")) as Record<string, any>;
    sources.push({
      file,
      slug: doc.slug,
      coverage: doc.archive?.coverage ?? "NONE",
      statistics: ((doc.statistics ?? []) as Record<string, any>[]).map(({ citations, ...definition }) => ({
        slug: definition.slug,
        kind: definition.kind,
        definition,
        citations: citations ?? [],
      })),
    });
  }
  return { sources, registries };
}

/** The counts a build of `files` must report; a statistic repeated by several documents counts once. */
export function curatedCounts(files: CuratedFiles): CuratedCounts {
  const all = files.sources.flatMap((s) => s.statistics);
  return {
    sources: files.sources.length,
    statistics: new Set(all.map((s) => s.slug)).size,
    citations: all.reduce((n, s) => n + s.citations.length, 0),
    entities: ENTITY_REGISTRIES.reduce((n, r) => n + (files.registries[r]?.length ?? 0), 0),
    reports: files.registries.reports?.length ?? 0,
    metrics: files.registries.metrics?.length ?? 0,
    unarchivedCitations: files.sources.filter((s) => s.coverage === "NONE").reduce((n, s) => n + s.statistics.reduce((m, st) => m + st.citations.length, 0), 0),
  };
}
