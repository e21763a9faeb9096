import { createHash, type Hash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { readDataFile, type DataFile } from "./data-file.js";
import type { Problem } from "./problems.js";
import { type CuratedFiles, REGISTRIES, type RegistryName } from "./curated-files.js";

/**
 * Bump when the build's output changes for the same curated files (a new column, a new rule
 * for deriving a stored value), so that databases built by older code count as stale.
 */
export const BUILD_FORMAT = 1;

const DATA_FILE = /\.(ya?ml|json)$/;

/** The files of a data directory that the build reads, as paths relative to it, sorted. */
export function listCuratedFiles(dataDir: string): string[] {
  const out: string[] = [];
  for (const sub of ["migrations", "registry", "sources"]) {
    const dir = join(dataDir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (DATA_FILE.test(name) || name.endsWith(".txt") || name.endsWith(".sql")) out.push(`${sub}/${name}`);
    }
  }
  return out.sort();
}

/**
 * The data version: a SHA-256 over the build format and every curated file's path and bytes.
 * The same files always give the same version; any change to any of them gives another.
 */
export function dataVersion(dataDir: string): string {
  const reader = new VersionedReader(dataDir, listCuratedFiles(dataDir));
  return reader.version();
}

/**
 * Reads the files of a data directory for the build, hashing the bytes read into the data
 * version on the way, in the version's file order, so that a file read for the build is not
 * read again for the version. A file the order reaches before the build asks for it (a
 * registry asked for after one that sorts later; an archive that sorts before its source,
 * `x.txt` before `x.yaml`) is read for the hash then and read again when asked for; nothing
 * is held in memory for it.
 */
class VersionedReader {
  private readonly hash: Hash = createHash("sha256").update(`build-format:${BUILD_FORMAT}\n`);
  private readonly position = new Map<string, number>();
  private next = 0;
  private digest: string | undefined;

  constructor(
    private readonly dataDir: string,
    /** listCuratedFiles(dataDir): the version's order. */
    readonly files: readonly string[],
  ) {
    files.forEach((f, i) => this.position.set(f, i));
  }

  /** The bytes of a listed file (relative path), hashing every file up to it that is still unhashed. */
  read(rel: string): Buffer {
    const at = this.position.get(rel);
    if (at === undefined || at < this.next || this.digest !== undefined) return readFileSync(join(this.dataDir, rel));
    this.hashUpTo(at);
    const content = readFileSync(join(this.dataDir, rel));
    this.hashFile(rel, content);
    return content;
  }

  /** The data version, after hashing the files not read yet. */
  version(): string {
    if (this.digest === undefined) {
      this.hashUpTo(this.files.length);
      this.digest = this.hash.digest("hex");
    }
    return this.digest;
  }

  /** Reads and hashes the unhashed files before position `end`. */
  private hashUpTo(end: number): void {
    while (this.next < end) this.hashFile(this.files[this.next]!, readFileSync(join(this.dataDir, this.files[this.next]!)));
  }

  private hashFile(rel: string, content: Buffer): void {
    this.hash.update(`${rel}\n${content.length}\n`).update(content);
    this.next++;
  }
}

/** The curated files of a data directory, opened for one build, and the data version of what was read. */
export interface OpenedFiles extends CuratedFiles {
  /** The data version of the files read (reads and hashes whatever the build did not need). */
  dataVersion(): string;
}

/**
 * Opens the curated files of a data directory: registries are read now; source documents
 * and archived texts are read when the build reaches them, so that it holds one document's
 * raw data at a time. Unreadable files become problems.
 */
export function openCuratedFiles(dataDir: string, problems: Problem[]): OpenedFiles {
  const label = basename(dataDir);
  const rel = (p: string) => `${label}/${p}`;
  const reader = new VersionedReader(dataDir, listCuratedFiles(dataDir));
  const files = reader.files;
  const registries = new Map<RegistryName, DataFile>();
  for (const name of REGISTRIES) {
    const found = files.filter((f) => f.replace(DATA_FILE, "") === `registry/${name}`);
    if (found.length > 1) problems.push({ file: rel(found[1]!), path: "", reason: `two files for the ${name} registry (${found.join(", ")}); keep one` });
    if (found[0]) registries.set(name, readDataFile(join(dataDir, found[0]), rel(found[0]), problems, reader.read(found[0]).toString("utf8")));
  }
  for (const f of files.filter((f) => f.startsWith("registry/") && DATA_FILE.test(f))) {
    if (!(REGISTRIES as readonly string[]).includes(f.slice("registry/".length).replace(DATA_FILE, ""))) {
      problems.push({ file: rel(f), path: "", reason: `unknown registry; the registries are ${REGISTRIES.join(", ")}` });
    }
  }
  const sourceFiles = files.filter((f) => f.startsWith("sources/") && DATA_FILE.test(f));
  const archives = new Map<string, string>();
  for (const f of files) if (f.startsWith("sources/") && f.endsWith(".txt")) archives.set(rel(f), f);
  return {
    registries,
    sources: {
      *[Symbol.iterator]() {
        for (const f of sourceFiles) yield readDataFile(join(dataDir, f), rel(f), problems, reader.read(f).toString("utf8"));
      },
    },
    archive: (path) => {
      const f = archives.get(path);
      return f === undefined ? undefined : reader.read(f).toString("utf8");
    },
    dataVersion: () => reader.version(),
  };
}
