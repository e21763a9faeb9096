import { describe, expect, it } from "vitest";
import { ArchiveText, anchorQuote } from "../../src/facts/anchor.js";

describe("anchorQuote", () => {
  it("counts code points as the archive does: a surrogate pair is one, a lone surrogate is one", () => {
    const text = "ab😀c\uD800de";
    const archive = new ArchiveText(text);
    expect(anchorQuote(archive, { exact: "😀c" })).toMatchObject({ start: 2, end: 4 });
    // A lone high surrogate before a letter is two code points, not one pair.
    expect(anchorQuote(archive, { exact: "\uD800d", prefix: "😀c", suffix: "e" })).toMatchObject({ start: 4, end: 6, prefix: "😀c", suffix: "e" });
    expect(anchorQuote(archive, { exact: "c", prefix: "\uD800", start: 3 })).toMatchObject({ field: "prefix" });
  });
});
