import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { readDataFile, type DataFile } from "./data-file.js";
import type { Problem } from "./problems.js";
import { type CuratedFiles, REGISTRIES, type RegistryName } from "./validate.js";

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
  const h = createHash("sha256").update(`build-format:${BUILD_FORMAT}\n`);
  for (const rel of listCuratedFiles(dataDir)) {
    const content = readFileSync(join(dataDir, rel));
    h.update(`${rel}\n${content.length}\n`).update(content);
  }
  return h.digest("hex");
}

/** Reads every curated file of a data directory; unreadable files become problems. */
export function loadCuratedFiles(dataDir: string, problems: Problem[]): CuratedFiles {
  const label = basename(dataDir);
  const rel = (p: string) => `${label}/${p}`;
  const files = listCuratedFiles(dataDir);
  const registries = new Map<RegistryName, DataFile>();
  for (const name of REGISTRIES) {
    const found = files.filter((f) => f.replace(DATA_FILE, "") === `registry/${name}`);
    if (found.length > 1) problems.push({ file: rel(found[1]!), path: "", reason: `two files for the ${name} registry (${found.join(", ")}); keep one` });
    if (found[0]) registries.set(name, readDataFile(join(dataDir, found[0]), rel(found[0]), problems));
  }
  for (const f of files.filter((f) => f.startsWith("registry/") && DATA_FILE.test(f))) {
    if (!(REGISTRIES as readonly string[]).includes(f.slice("registry/".length).replace(DATA_FILE, ""))) {
      problems.push({ file: rel(f), path: "", reason: `unknown registry; the registries are ${REGISTRIES.join(", ")}` });
    }
  }
  const sources = files.filter((f) => f.startsWith("sources/") && DATA_FILE.test(f)).map((f) => readDataFile(join(dataDir, f), rel(f), problems));
  const archives = new Map<string, string>();
  for (const f of files.filter((f) => f.startsWith("sources/") && f.endsWith(".txt"))) archives.set(rel(f), readFileSync(join(dataDir, f), "utf8"));
  return { registries, sources, archives };
}
