import type { DataFile } from "./data-file.js";

/** The registry files, one per kind of record. */
export const REGISTRIES = ["organizations", "platforms", "mcns", "brands", "people", "markets", "events", "reports", "metrics", "units"] as const;

/** A registry file's name without extension. */
export type RegistryName = (typeof REGISTRIES)[number];

/** The curated files, opened but not yet checked. */
export interface CuratedFiles {
  /** Registry files by registry name (organizations, platforms, ...), each a list of records. */
  readonly registries: ReadonlyMap<RegistryName, DataFile>;
  /**
   * One file per source document, in path order. Iterated once: each file may be read when it
   * is reached, and is released (see DataFile.release) once checked.
   */
  readonly sources: Iterable<DataFile>;
  /** The archived text at a path relative to the project root, or undefined when there is no such file. */
  archive(path: string): string | undefined;
}
