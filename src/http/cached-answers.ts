import type http from "node:http";
import { JSON_TYPE } from "./body.js";
import { csrfSafe, etagOf, matchesEtag } from "./caching.js";
import type { Cors } from "./cors.js";
import type { Exchange } from "./exchange.js";
import { REQUEST_ID_HEADER } from "./request-id.js";
import type { ResponseCache } from "./response-cache.js";
import { appendVary, send } from "./send.js";

/**
 * The answers kept for repeated operations (the response cache) as HTTP serves them: with
 * their ETag, `Cache-Control` and `Vary: Accept`, and as 304 to a matching `If-None-Match`.
 * An answer is kept under its request key (caching.ts) and under the request's key as sent
 * (sent-request.ts), and looked up by the second first, before anything is parsed.
 */
export class CachedAnswers {
  constructor(
    readonly store: ResponseCache,
    /** `Cache-Control` of a successful query answer. */
    readonly cacheControl: string,
    private readonly cors: Cors,
  ) {}

  /**
   * Answers a request by its key as sent: no JSON parsing, no hashing, one writeHead. Requests
   * that CSRF prevention would refuse are left to Apollo. Returns whether it answered.
   */
  answerAsSent(ex: Exchange, sentKey: string): boolean {
    const { req, res, method } = ex;
    // A POST with a JSON content type is CSRF-safe by that type (not one a form can send).
    if (method === "POST" ? !JSON_TYPE.test(req.headers["content-type"] ?? "") : !csrfSafe(req)) return false;
    const hit = this.store.lookup(sentKey);
    if (hit === undefined) return false;
    const cors = this.cors.rawHeaders(req);
    const headers = [REQUEST_ID_HEADER, ex.id, ...cors.headers, "etag", hit.etag, "cache-control", this.cacheControl, "vary", cors.varyOrigin ? "Accept, Origin" : "Accept"];
    if (method !== "POST" && matchesEtag(req.headers["if-none-match"], hit.etag)) {
      ex.note.cache = "not-modified";
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    ex.note.cache = "hit";
    headers.push("content-type", hit.contentType, "content-length", String(hit.body.length));
    res.writeHead(200, headers);
    res.end(method === "HEAD" ? undefined : hit.body);
    return true;
  }

  /**
   * Answers a request by its request key: 304 when its `If-None-Match` names the answer's ETag
   * (`*` only when an answer was made), else the kept answer. Returns whether it answered; a
   * miss is noted for the log. An answer found is kept under the request's key as sent too, so
   * that its repeats skip the parsing (a GET sending only an APQ hash hits the entry its
   * registering POST made, under a key it cannot send).
   */
  answerByKey(ex: Exchange, key: string, sentKey: string | undefined): boolean {
    const { req, res, method } = ex;
    const hit = this.store.enabled ? this.store.get(key) : undefined;
    const ifNoneMatch = req.headers["if-none-match"];
    if (method !== "POST" && ifNoneMatch !== undefined) {
      const etag = hit?.etag ?? etagOf(key);
      // `*` matches an answer that exists: only one already made (an invalid query has none).
      if (ifNoneMatch.trim() === "*" ? hit !== undefined : matchesEtag(ifNoneMatch, etag)) {
        ex.note.cache = "not-modified";
        res.statusCode = 304;
        this.setHeaders(res, etag);
        res.end();
        return true;
      }
    }
    if (hit) {
      ex.note.cache = "hit";
      if (sentKey !== undefined) this.store.set(sentKey, hit);
      this.setHeaders(res, hit.etag);
      send(res, 200, hit.contentType, hit.body);
      return true;
    }
    ex.note.cache = "miss";
    return false;
  }

  /** Keeps a successful answer under its request key and its key as sent, and sets its headers. */
  keep(res: http.ServerResponse, body: Buffer, key: string, sentKey: string | undefined): void {
    const etag = etagOf(key);
    this.setHeaders(res, etag);
    const entry = { body, contentType: String(res.getHeader("content-type") ?? "application/json; charset=utf-8"), etag };
    this.store.set(key, entry);
    if (sentKey !== undefined) this.store.set(sentKey, entry);
  }

  /** The headers of a cacheable answer (200 or 304): its ETag, Cache-Control, and Vary: Accept. */
  private setHeaders(res: http.ServerResponse, etag: string): void {
    res.setHeader("etag", etag);
    res.setHeader("cache-control", this.cacheControl);
    appendVary(res, "Accept");
  }
}
