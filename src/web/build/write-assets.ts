/**
 * The build's output directory: bundled files written into `assets/` under their hashed names
 * with brotli and gzip copies of the text files, written under a temporary name and renamed
 * into place (so a server serving an older build, or another build running, never sees half a
 * file), and files that no manifest in force names removed.
 */
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { contentTypeOf } from "../content-type.js";
import { type AssetFile, type WebManifest, encodedName, listedFiles } from "../manifest.js";

/** Writes the files into `assetsDir` (an existing one is left alone) with their precompressed copies; returns the manifest's list of them. */
export function writeAssets(assetsDir: string, outputs: ReadonlyMap<string, Uint8Array>): Record<string, AssetFile> {
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
  return files;
}

/** True when every file the manifest names is in `outDir`'s assets. */
export function allFilesPresent(outDir: string, manifest: WebManifest): boolean {
  return listedFiles(manifest).every((name) => existsSync(join(outDir, "assets", name)));
}

/** Writes a file under a temporary name and renames it into place. */
export function writeAtomically(path: string, contents: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Removes files that neither this build nor the previous one names (a server may still serve the previous). */
export function removeUnlisted(assetsDir: string, manifest: WebManifest, previous: WebManifest | null): void {
  const keep = new Set([manifest, previous].flatMap((m) => (m ? listedFiles(m) : [])));
  for (const name of readdirSync(assetsDir)) {
    if (!keep.has(name) && !name.includes(".tmp-")) rmSync(join(assetsDir, name), { force: true });
  }
}

function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript)|image\/svg\+xml|font\/ttf)/.test(contentType);
}

/** Content-hashed files never change, so an existing one is left alone. */
function writeOnce(path: string, contents: Uint8Array): void {
  if (!existsSync(path)) writeAtomically(path, contents);
}
