/**
 * Bundling the browser assets in memory with esbuild: GraphiQL with React and Monaco (and
 * Monaco's three workers) as one script, the pages' styles, and the fonts they use, each under
 * a content-hashed name. Fonts and images that GraphiQL's stylesheet inlines as `data:` URLs
 * are taken out into files, so the pages' Content-Security-Policy needs no `data:` source.
 */
import { createHash } from "node:crypto";
import { basename, extname, join } from "node:path";
import { type BuildOptions, type OutputFile, build } from "esbuild";
import { PROJECT_ROOT } from "../../paths.js";
import type { WebManifest } from "../manifest.js";

/** The browser sources: the pages' scripts and stylesheets. */
export const BROWSER_DIR = join(PROJECT_ROOT, "src", "web", "browser");

/** The Monaco workers, by the label Monaco asks for them with. */
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
} as const;

/** What a bundling produced: every file by its (hashed) name, and the pages' entry points among them. */
export interface BundledAssets {
  readonly outputs: ReadonlyMap<string, Uint8Array>;
  readonly entries: WebManifest["entries"];
}

/** Bundles the explorer's and the fact card's scripts and styles, with the workers, fonts and images they use. */
export async function bundleAssets(): Promise<BundledAssets> {
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
  return { outputs, entries };
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
