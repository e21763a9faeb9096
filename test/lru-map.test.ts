import { describe, expect, it } from "vitest";
import { LruMap } from "../src/lru-map.js";

describe("LruMap", () => {
  it("keeps at most its capacity, dropping the least recently used (a get counts as use)", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    expect(m.get("a")).toBe(1); // a is now the most recent
    m.set("c", 3); // drops b
    expect([m.get("b"), m.get("a"), m.get("c"), m.size]).toEqual([undefined, 1, 3, 2]);
    m.set("a", 10); // replacing makes it the most recent
    m.set("d", 4); // drops c
    expect([m.get("c"), m.get("a"), m.get("d")]).toEqual([undefined, 10, 4]);
  });
});
