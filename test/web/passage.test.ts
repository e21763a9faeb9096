import { describe, expect, it } from "vitest";
import { contextWindow, passageAround } from "../../src/web/fact-card/passage.js";

const TEXT = "First paragraph.\n\nThe sector has created jobs. According to a study, Taobao Live has created more than 1.73 million jobs. More follows here.\n\nLast paragraph.";

/** The window of TEXT that Source.text(start, end) would return (TEXT is all BMP, so code units = code points). */
const slice = (start: number, end: number) => TEXT.slice(start, end);

describe("a quote in its archived text", () => {
  const exact = "Taobao Live has created more than 1.73 million jobs";
  const start = TEXT.indexOf(exact);
  const quote = { exact, start, end: start + exact.length };

  it("is shown within its paragraph when the window reaches the paragraph's ends", () => {
    expect(passageAround(TEXT, 0, quote, TEXT.length)).toEqual({
      cutBefore: false,
      before: "The sector has created jobs. According to a study, ",
      quote: exact,
      after: ". More follows here.",
      cutAfter: false,
    });
  });

  it("is cut at whole words, and says so, when the window ends inside the paragraph", () => {
    const from = start - 12;
    const to = quote.end + 9;
    expect(passageAround(slice(from, to), from, quote, TEXT.length)).toEqual({ cutBefore: true, before: "a study, ", quote: exact, after: ". More", cutAfter: true });
  });

  it("counts positions in code points, so characters outside the BMP before the quote do not shift the mark", () => {
    const text = "𠀋𠀋 淘宝直播创造了173万个就业岗位。";
    const q = "淘宝直播创造了173万个就业岗位";
    const s = Array.from(text).indexOf("淘");
    expect(passageAround(text, 0, { exact: q, start: s, end: s + Array.from(q).length }, Array.from(text).length)).toEqual({
      cutBefore: false,
      before: "𠀋𠀋 ",
      quote: q,
      after: "。",
      cutAfter: false,
    });
  });

  it("is not marked when the text at its position is something else", () => {
    expect(passageAround(TEXT, 0, { ...quote, start: quote.start + 1, end: quote.end + 1 }, TEXT.length)).toBeNull();
  });

  it("asks for at most 5,000 code points around it, within the text", () => {
    expect(contextWindow(2191, 2292, 2672)).toEqual({ start: 1871, end: 2612 });
    expect(contextWindow(10, 4990, null)).toEqual({ start: 0, end: 5000 });
    expect(contextWindow(2600, 2650, 2672)).toEqual({ start: 2280, end: 2672 });
  });
});
