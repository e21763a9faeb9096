import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/cache/bounded-cache.js";

describe("BoundedCache", () => {
  it("keeps at most maxEntries, dropping the least recently used (a get counts as use)", () => {
    const c = new BoundedCache<string, number>("test", { maxEntries: 2 });
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1); // a is now the most recent
    c.set("c", 3); // drops b
    expect([c.get("b"), c.get("a"), c.get("c"), c.size]).toEqual([undefined, 1, 3, 2]);
    c.set("a", 10); // replacing makes it the most recent
    c.set("d", 4); // drops c
    expect([c.get("c"), c.get("a"), c.get("d")]).toEqual([undefined, 10, 4]);
    expect(c.keys()).toEqual(["a", "d"]);
    expect({ hits: c.hits, misses: c.misses, evictions: c.evictions }).toEqual({ hits: 5, misses: 2, evictions: 2 });
  });

  it("keeps within maxBytes as sizeOf counts them, dropping the least recently used until it does", () => {
    const c = new BoundedCache<string, string>("test", { maxEntries: 100, maxBytes: 10, sizeOf: (_k, v) => v.length });
    c.set("a", "xxxx");
    c.set("b", "yyyy");
    expect(c.bytes).toBe(8);
    c.get("a");
    c.set("c", "zzzz"); // 12 bytes: drops b, the least recently used
    expect([c.has("a"), c.has("b"), c.has("c"), c.bytes, c.evictions]).toEqual([true, false, true, 8, 1]);
    c.set("d", "wwwwwwwww"); // 9 bytes: only it fits
    expect([c.keys(), c.bytes, c.evictions]).toEqual([["d"], 9, 3]);
    c.set("d", "w"); // replacing counts the new size only
    expect(c.bytes).toBe(1);
    expect(c.delete("d")).toBe(true);
    expect([c.size, c.bytes, c.evictions]).toEqual([0, 0, 3]);
  });

  it("does not keep a value over maxEntryBytes or maxBytes, and drops the old value of its key", () => {
    const c = new BoundedCache<string, string>("test", { maxEntries: 10, maxBytes: 100, sizeOf: (_k, v) => v.length, maxEntryBytes: 25 });
    c.set("a", "small");
    c.set("b", "x".repeat(30));
    expect([c.has("b"), c.size, c.bytes]).toEqual([false, 1, 5]);
    c.set("a", "y".repeat(26));
    expect([c.has("a"), c.size, c.bytes]).toEqual([false, 0, 0]);
  });

  it("keeps nothing with maxEntries 0, and refuses a byte bound without a size function", () => {
    const c = new BoundedCache<string, number>("test", { maxEntries: 0 });
    c.set("a", 1);
    expect([c.size, c.get("a")]).toEqual([0, undefined]);
    expect(() => new BoundedCache<string, number>("test", { maxEntries: 1, maxBytes: 1 })).toThrow(/sizeOf/);
  });

  it("computes a remembered value once per key while it stays, and not at all when computing throws", () => {
    const c = new BoundedCache<number, string>("test", { maxEntries: 1 });
    let computed = 0;
    const compute = (k: number) => () => `v${k}:${++computed}`;
    expect([c.remember(1, compute(1)), c.remember(1, compute(1))]).toEqual(["v1:1", "v1:1"]);
    expect(c.remember(2, compute(2))).toBe("v2:2"); // evicts 1
    expect(c.remember(1, compute(1))).toBe("v1:3");
    expect(() =>
      c.remember(3, () => {
        throw new Error("no");
      }),
    ).toThrow("no");
    expect(c.has(3)).toBe(false);
    expect(c.peek(1)).toBe("v1:3");
  });
});
