import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/cache/bounded-cache.js";
import { type TextBucket, TextKeyedCache, textBucketBytes } from "../../src/cache/text-keyed-cache.js";

/** A text-keyed cache over a BoundedCache with these bounds (as the catalog's createTextKeyedCache makes one). */
function textCache(maxEntries: number, maxBytes: number): TextKeyedCache<number> {
  return new TextKeyedCache(new BoundedCache<string | number, TextBucket<number>>("test", { maxEntries, maxBytes, sizeOf: textBucketBytes, maxEntryBytes: maxBytes / 8 }));
}

describe("a cache keyed by long texts without hashing them whole", () => {
  it("finds long texts that differ anywhere, and only the same text", () => {
    const cache = textCache(100, 1_000_000);
    const base = "a".repeat(5000);
    // Differences at the start, in the middle (where the sample may not look) and at the end.
    const texts = [base, `b${base.slice(1)}`, `${base.slice(0, 2500)}b${base.slice(2501)}`, `${base.slice(0, 2501)}b${base.slice(2502)}`, `${base.slice(0, -1)}b`, "short", ""];
    texts.forEach((t, i) => cache.set(t, i));
    texts.forEach((t, i) => expect(cache.get(`${t}`)).toBe(i));
    expect(cache.get(`${base.slice(0, 3000)}c${base.slice(3001)}`)).toBeUndefined();
    expect(cache.get(base.slice(1))).toBeUndefined();
  });

  it("replaces the value of a text it keeps", () => {
    const cache = textCache(10, 1_000_000);
    const long = "q".repeat(4000);
    cache.set(long, 1);
    cache.set(long, 2);
    expect(cache.get(long)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it("stays within its entries and bytes, the least recently used going first", () => {
    const cache = textCache(10, 100_000);
    for (let i = 0; i < 100; i++) cache.set(`${i}:${"x".repeat(3000)}`, i);
    const kept = Array.from({ length: 100 }, (_, i) => cache.get(`${i}:${"x".repeat(3000)}`)).filter((v) => v !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(cache.get(`99:${"x".repeat(3000)}`)).toBe(99);
    cache.set("y".repeat(10_000), 1); // over an eighth of the bytes: not kept
    expect(cache.get("y".repeat(10_000))).toBeUndefined();
  });
});
