/**
 * The web build as one call: whether anything changed since the last build (a digest of
 * every input), and if so bundling (bundle-assets.ts), writing (write-assets.ts) and the
 * manifest the server reads, written last.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../paths.js";
import { type WebManifest, WEB_DIST_DIR, readManifest } from "../manifest.js";
import { BROWSER_DIR, bundleAssets } from "./bundle-assets.js";
import { splitExamples } from "./examples.js";
import { allFilesPresent, removeUnlisted, writeAssets, writeAtomically } from "./write-assets.js";

/** What `buildWebAssets` needs; every field has the project's default. */
export interface BuildWebOptions {
  /** Where manifest.json and assets/ go (default dist/web). */
  readonly outDir?: string;
  /** The examples file the explorer opens with (default examples.graphql). */
  readonly examplesFile?: string;
  /** Rebuild even when the inputs have not changed. */
  readonly force?: boolean;
}

/** What a call did: the manifest in force, and whether it had to build. */
export interface BuildWebResult {
  readonly manifest: WebManifest;
  readonly built: boolean;
}

/**
 * Builds the explorer and fact-card assets with esbuild into `dist/web`: GraphiQL with React
 * and Monaco (and Monaco's three workers) as one script, the pages' styles, and the fonts
 * they use, each under a content-hashed name so it can be cached for a year. Fonts and
 * images that GraphiQL's stylesheet inlines as `data:` URLs are written out as files, so the
 * pages' Content-Security-Policy needs no `data:` source. Text files are precompressed
 * (brotli and gzip). The operations of examples.graphql are read now and kept in the
 * manifest, which the server reads to render the explorer page.
 *
 * Does nothing (and returns the existing manifest) when no input changed since the last
 * build. Safe to run while a server is serving an older build and while another build runs:
 * files are written under a temporary name and renamed into place, the manifest last, and
 * only files that neither the new nor the previous manifest names are removed.
 */
export async function buildWebAssets(options: BuildWebOptions = {}): Promise<BuildWebResult> {
  const outDir = options.outDir ?? WEB_DIST_DIR;
  const examplesFile = options.examplesFile ?? join(PROJECT_ROOT, "examples.graphql");
  const inputHash = hashInputs(examplesFile);
  const previous = readManifest(outDir);
  if (!options.force && previous && previous.inputHash === inputHash && allFilesPresent(outDir, previous)) {
    return { manifest: previous, built: false };
  }
  const examples = splitExamples(readFileSync(examplesFile, "utf8"));
  const { outputs, entries } = await bundleAssets();

  const assetsDir = join(outDir, "assets");
  mkdirSync(assetsDir, { recursive: true });
  const files = writeAssets(assetsDir, outputs);

  const manifest: WebManifest = { inputHash, builtAt: new Date().toISOString(), entries, files, examples };
  writeAtomically(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  removeUnlisted(assetsDir, manifest, previous);
  return { manifest, built: true };
}

/**
 * A digest of everything the build reads: the browser sources and this builder, the
 * lockfile (which pins GraphiQL, React, Monaco and esbuild) and the examples file.
 */
function hashInputs(examplesFile: string): string {
  const hash = createHash("sha256");
  const files = [
    ...listFiles(BROWSER_DIR),
    ...listFiles(join(PROJECT_ROOT, "src", "web", "build")),
    join(PROJECT_ROOT, "src", "web", "manifest.ts"),
    join(PROJECT_ROOT, "src", "web", "content-type.ts"),
    join(PROJECT_ROOT, "package-lock.json"),
    examplesFile,
  ];
  for (const file of files) {
    hash.update(relative(PROJECT_ROOT, file)).update("\0");
    hash.update(existsSync(file) ? readFileSync(file) : "").update("\0");
  }
  return hash.digest("hex");
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}
