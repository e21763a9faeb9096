import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.js";

/**
 * Where `npm run build:web` writes the browser assets and where the server reads them:
 * `dist/web/manifest.json` and `dist/web/assets/<name>-<hash>.<ext>`. Built, never committed.
 */
export const WEB_DIST_DIR = join(PROJECT_ROOT, "dist", "web");

/** The URL prefix under which the hashed assets are served. */
export const ASSET_PREFIX = "/assets/";

/** One example operation of examples.graphql, as the explorer opens it in a tab. */
export interface ExampleOperation {
  /** The operation's name (e.g. `TraceJobsFigure`). */
  readonly name: string;
  /** The comment lines above it, without their `#`. */
  readonly description: string;
  /** The comment and the operation, as written in the file. */
  readonly query: string;
}

/** One built file in `assets/`, with the precompressed variants written beside it. */
export interface AssetFile {
  readonly contentType: string;
  /** Size in bytes, uncompressed. */
  readonly bytes: number;
  /** Precompressed copies written beside it (named by `encodedName`), best first. */
  readonly encodings: readonly ("br" | "gzip")[];
}

/** The file name of a precompressed variant: `<name>.br` (brotli) or `<name>.gz` (gzip). */
export function encodedName(name: string, encoding: "br" | "gzip"): string {
  return `${name}.${encoding === "gzip" ? "gz" : "br"}`;
}

/**
 * What a web build produced: the hashed file names of each page's entry points, every
 * file that may be served, and the example operations read from examples.graphql. The
 * server serves only files named here, so no request path ever reaches the file system.
 */
export interface WebManifest {
  /** Hash of every input of the build (browser sources, lockfile, examples); an equal hash means nothing to rebuild. */
  readonly inputHash: string;
  readonly builtAt: string;
  readonly entries: {
    readonly explorerScript: string;
    readonly explorerStyles: readonly string[];
    readonly factCardScript: string;
    readonly factCardStyles: readonly string[];
  };
  /** Every file under assets/, by file name (no directory). */
  readonly files: Readonly<Record<string, AssetFile>>;
  readonly examples: readonly ExampleOperation[];
}

/** Reads the manifest of a web build; null when the assets have not been built. */
export function readManifest(dir: string = WEB_DIST_DIR): WebManifest | null {
  let text: string;
  try {
    text = readFileSync(join(dir, "manifest.json"), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  return JSON.parse(text) as WebManifest;
}

/** Every file under assets/ that a manifest names: each listed file and its precompressed variants. */
export function listedFiles(manifest: WebManifest): string[] {
  return Object.entries(manifest.files).flatMap(([name, f]) => [name, ...f.encodings.map((e) => encodedName(name, e))]);
}
