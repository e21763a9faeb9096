import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { type BuildOptions, type OutputFile, build } from "esbuild";
import { PROJECT_ROOT } from "../../paths.js";
import { type AssetFile, type WebManifest, WEB_DIST_DIR, encodedName, listedFiles, readManifest } from "../manifest.js";
import { contentTypeOf } from "../content-type.js";
import { splitExamples } from "./examples.js";

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

const BROWSER_DIR = join(PROJECT_ROOT, "src", "web", "browser");

/** The Monaco workers, by the label Monaco asks for them with. */
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
} as const;

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

  const outputs = new Map<string, Uint8Array>();
  const add = (name: string, contents: Uint8Array) => outputs.set(name, contents);

  // Workers first: the explorer bundle needs their (hashed) URLs.
  const workerUrls: Record<string, string> = {};
  for (const [label, entry] of Object.entries(WORKERS)) {
    const [file] = await bundle({ entryPoints: { [`monaco-${label}.worker`]: entry } });
    const name = hashedName(`monaco-${label}.worker.js`, file!.contents);
    add(name, file!.contents);
    workerUrls[label] = `/assets/${name}`;
  }

  const explorer = await bundle({
    entryPoints: { explorer: join(BROWSER_DIR, "explorer.ts") },
    define: { __LSF_MONACO_WORKERS__: JSON.stringify(workerUrls) },
    // Monaco's modules import their stylesheets one by one; GraphiQL's style.css (imported
    // by explorer.css) already holds all of them, so the script's own copies are dropped.
    loader: { ".css": "empty" },
  });
  const explorerStyles = await bundle({ entryPoints: { "explorer-page": join(BROWSER_DIR, "explorer.css") } });
  const factCard = await bundle({ entryPoints: { "fact-card": join(BROWSER_DIR, "fact-card.ts") } });
  const factCardStyles = await bundle({ entryPoints: { "fact-card": join(BROWSER_DIR, "site.css") } });

  const entry = (files: OutputFile[], ext: string): string[] =>
    files
      .filter((f) => f.path.endsWith(ext))
      .map((f) => {
        const contents = ext === ".css" ? externalizeDataUrls(f.text, add) : f.contents;
        const name = hashedName(basename(f.path), contents);
        add(name, contents);
        return name;
      });
  const keepAssets = (files: OutputFile[]) => {
    for (const f of files) if (!f.path.endsWith(".js") && !f.path.endsWith(".css")) add(basename(f.path), f.contents);
  };
  for (const files of [explorer, explorerStyles, factCard, factCardStyles]) keepAssets(files);

  const entries = {
    explorerScript: entry(explorer, ".js")[0]!,
    explorerStyles: entry(explorerStyles, ".css"),
    factCardScript: entry(factCard, ".js")[0]!,
    factCardStyles: entry(factCardStyles, ".css"),
  };

  const assetsDir = join(outDir, "assets");
  mkdirSync(assetsDir, { recursive: true });
  const files: Record<string, AssetFile> = {};
  for (const [name, contents] of [...outputs].sort(([a], [b]) => a.localeCompare(b))) {
    const contentType = contentTypeOf(name);
    const encodings: ("br" | "gzip")[] = [];
    writeOnce(join(assetsDir, name), contents);
    if (isCompressible(contentType) && contents.byteLength > 1024) {
      const br = brotliCompressSync(contents, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: contents.byteLength } });
      const gz = gzipSync(contents, { level: 9 });
      if (br.byteLength < contents.byteLength * 0.9) {
        writeOnce(join(assetsDir, encodedName(name, "br")), br);
        encodings.push("br");
      }
      if (gz.byteLength < contents.byteLength * 0.9) {
        writeOnce(join(assetsDir, encodedName(name, "gzip")), gz);
        encodings.push("gzip");
      }
    }
    files[name] = { contentType, bytes: contents.byteLength, encodings };
  }

  const manifest: WebManifest = { inputHash, builtAt: new Date().toISOString(), entries, files, examples };
  writeAtomically(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  removeUnlisted(assetsDir, manifest, previous);
  return { manifest, built: true };
}

/** Bundles for the browser in memory: minified, React in production mode, fonts as files. */
async function bundle(options: Pick<BuildOptions, "entryPoints" | "define" | "loader">): Promise<OutputFile[]> {
  const result = await build({
    ...options,
    define: { "process.env.NODE_ENV": '"production"', ...options.define },
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    write: false,
    outdir: "/assets",
    platform: "browser",
    format: "iife",
    target: ["es2022", "chrome111", "firefox115", "safari16.4"],
    minify: true,
    legalComments: "eof",
    charset: "utf8",
    assetNames: "[name]-[hash]",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file", ...options.loader },
    logLevel: "silent",
  });
  return result.outputFiles;
}

/**
 * Writes every `url(data:…)` of a stylesheet to a hashed file beside it and points the URL
 * there, so fonts and icons load from 'self' like everything else.
 */
function externalizeDataUrls(css: string, add: (name: string, contents: Uint8Array) => void): Uint8Array {
  const out = css.replace(/url\(\s*(["']?)data:([\w.+/-]+)((?:;[\w=.-]+)*?)(;base64)?,([^"')]*)\1\s*\)/g, (_m, _q, mime: string, _params, base64, data: string) => {
    const bytes = base64 ? Buffer.from(data, "base64") : Buffer.from(decodeURIComponent(data), "utf8");
    const name = hashedName(`inline${extensionOf(mime)}`, bytes);
    add(name, bytes);
    return `url(./${name})`;
  });
  return Buffer.from(out, "utf8");
}

function extensionOf(mime: string): string {
  const known: Record<string, string> = {
    "font/woff2": ".woff2",
    "font/woff": ".woff",
    "font/ttf": ".ttf",
    "application/font-woff": ".woff",
    "image/png": ".png",
    "image/svg+xml": ".svg",
    "image/gif": ".gif",
  };
  const ext = known[mime];
  if (!ext) throw new Error(`web build: a stylesheet inlines a data: URL of type ${mime}, which the build does not know how to write out`);
  return ext;
}

/** `name.ext` → `name-<12 hex of SHA-256>.ext`. */
function hashedName(name: string, contents: Uint8Array): string {
  const ext = name.endsWith(".worker.js") ? ".worker.js" : extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return `${stem}-${createHash("sha256").update(contents).digest("hex").slice(0, 12)}${ext}`;
}

function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript)|image\/svg\+xml|font\/ttf)/.test(contentType);
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

function allFilesPresent(outDir: string, manifest: WebManifest): boolean {
  return listedFiles(manifest).every((name) => existsSync(join(outDir, "assets", name)));
}

/** Content-hashed files never change, so an existing one is left alone. */
function writeOnce(path: string, contents: Uint8Array): void {
  if (!existsSync(path)) writeAtomically(path, contents);
}

function writeAtomically(path: string, contents: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Removes files that neither this build nor the previous one names (a server may still serve the previous). */
function removeUnlisted(assetsDir: string, manifest: WebManifest, previous: WebManifest | null): void {
  const keep = new Set([manifest, previous].flatMap((m) => (m ? listedFiles(m) : [])));
  for (const name of readdirSync(assetsDir)) {
    if (!keep.has(name) && !name.includes(".tmp-")) rmSync(join(assetsDir, name), { force: true });
  }
}
