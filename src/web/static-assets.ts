import { readFileSync } from "node:fs";
import type http from "node:http";
import { join } from "node:path";
import type { BoundedCache } from "../cache/bounded-cache.js";
import { CACHE_SIZES, createCache } from "../cache/caches.js";
import { matchesEtag } from "../http/caching.js";
import { appendVary, send } from "../http/send.js";
import { type AssetFile, type WebManifest, encodedName } from "./manifest.js";
import { setCommonHeaders } from "./respond.js";

/** Served for a year and never revalidated: a hashed name changes whenever the content does. */
const IMMUTABLE = "public, max-age=31536000, immutable";

type Encoding = "br" | "gzip" | "identity";

/**
 * Serves the built files under /assets/ from memory. Only names listed in a manifest are
 * served (a request path never reaches the file system); each file is read once, on first
 * use, with its precompressed variants, and kept (the cache `staticAssets` of
 * src/cache/caches.ts). Files of every manifest seen since start stay servable, so a page
 * rendered before a rebuild still gets its scripts.
 */
export class StaticAssets {
  private readonly known = new Map<string, AssetFile>();
  private readonly cache: BoundedCache<string, Buffer> = createCache("staticAssets", {
    maxEntries: CACHE_SIZES.staticAssetFiles,
    maxBytes: CACHE_SIZES.staticAssetBytes,
    sizeOf: (name, body) => body.length + name.length,
  });

  constructor(private readonly assetsDir: string) {}

  /** Makes a manifest's files servable. */
  add(manifest: WebManifest): void {
    for (const [name, file] of Object.entries(manifest.files)) this.known.set(name, file);
  }

  /** Serves `name` and returns true, or returns false when no manifest lists it. */
  serve(req: http.IncomingMessage, res: http.ServerResponse, name: string): boolean {
    const file = this.known.get(name);
    if (!file) return false;
    const encoding = chooseEncoding(req.headers["accept-encoding"], file.encodings);
    const etag = `"${name}${encoding === "identity" ? "" : `.${encoding}`}"`;
    setCommonHeaders(res);
    res.setHeader("cache-control", IMMUTABLE);
    res.setHeader("etag", etag);
    if (file.encodings.length > 0) appendVary(res, "accept-encoding");
    if (matchesEtag(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const body = this.read(encoding === "identity" ? name : encodedName(name, encoding));
    if (encoding !== "identity") res.setHeader("content-encoding", encoding);
    send(res, 200, file.contentType, body);
    return true;
  }

  private read(fileName: string): Buffer {
    return this.cache.remember(fileName, () => readFileSync(join(this.assetsDir, fileName)));
  }
}

/**
 * Picks brotli, then gzip, among the variants a file has and the client accepts (q=0 means
 * refused), else the file as is.
 */
function chooseEncoding(acceptEncoding: string | undefined, available: readonly ("br" | "gzip")[]): Encoding {
  if (!acceptEncoding) return "identity";
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(token!, q ? Number(q.slice(2)) : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  for (const e of ["br", "gzip"] as const) if (available.includes(e) && ok(e)) return e;
  return "identity";
}
