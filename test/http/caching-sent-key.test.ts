import { describe, expect, it } from "vitest";
import { queryHash } from "../../src/api/operation-params.js";
import { sentKeyOf as sentRequestKey } from "../../src/http/sent-request.js";
import { sha256 } from "../fixtures/sha256.js";
import { fixtureSuite } from "./helpers.js";

/**
 * The response cache's second key, the request as sent (sent-request.ts sentKeyOf): the SHA-256
 * of what was sent, computed once per distinct text and found again by the text-keyed cache (src/cache/text-keyed-cache.ts) without
 * hashing the text; and a request answered from the cache under its parsed key is kept under
 * the key it was sent as too, so its repeats are not parsed again.
 */
const suite = fixtureSuite();
const CSRF = { "apollo-require-preflight": "true" };

/** A query padded with a comment to `chars` characters. */
function padded(chars: number, name: string): string {
  const query = `query ${name} { platform(slug: "shoplive") { name } }\n#`;
  return query + "x".repeat(chars - query.length);
}

describe("the key of a request as sent", () => {
  it("keys what was sent by its SHA-256, with its kind and Accept header, the same string each time", () => {
    const body = padded(3000, "Sent");
    const key = sentRequestKey("P", "application/json", body);
    expect(key).toBe(`P\0application/json\0${Buffer.from(sha256(body), "hex").toString("base64")}`);
    expect(sentRequestKey("P", "application/json", `${body}`)).toBe(key);
    expect(sentRequestKey("G", "application/json", body)).not.toBe(key);
    expect(sentRequestKey("P", undefined, body)).not.toBe(key);
    expect(queryHash(`${body}`)).toBe(sha256(body));
  });
});

describe("the response cache's key of a request as sent", () => {
  it("holds a key of a few dozen bytes whatever the length of the request", async () => {
    const cache = suite.api.server.responseCache;
    const bytesAdded = async (query: string) => {
      const before = cache.sizeBytes;
      const res = await suite.api.post({ query });
      const answer = await res.text();
      expect(res.status).toBe(200);
      const again = await suite.api.post({ query });
      expect(await again.text()).toBe(answer);
      // The two entries (parsed key, sent key) hold the answer twice; the rest is keys and headers.
      return cache.sizeBytes - before - 2 * Buffer.byteLength(answer);
    };
    expect(await bytesAdded(padded(3000, "Short"))).toBeLessThan(1000);
    expect(await bytesAdded(padded(30_000, "Long"))).toBeLessThan(1000);
  });

  it("keeps an answer found under the parsed key under the key its request was sent as, too", async () => {
    const cache = suite.api.server.responseCache;
    const query = `query SentKey { platform(slug: "widgetmall") { name } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const registered = await suite.api.post({ query, extensions });
    const answer = await registered.text();
    const url = `${suite.api.base}graphql?${new URLSearchParams({ extensions: JSON.stringify(extensions) })}`;
    const entries = cache.size;
    const hits = cache.hits;
    const first = await fetch(url, { headers: CSRF });
    expect(await first.text()).toBe(answer);
    expect(cache.size).toBe(entries + 1);
    const second = await fetch(url, { headers: CSRF });
    expect(await second.text()).toBe(answer);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(cache.size).toBe(entries + 1);
    expect(cache.hits).toBe(hits + 2);
  });
});
