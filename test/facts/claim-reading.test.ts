import { describe, expect, it } from "vitest";
import { readComparator } from "../../src/facts/claims/claim-comparators.js";
import { eventFamilies, eventMentions } from "../../src/facts/claims/claim-events.js";
import { chineseValue, numberMentions } from "../../src/facts/claims/claim-numbers.js";
import { periodMentions } from "../../src/facts/claims/claim-periods.js";
import { codePointIndex, sentences } from "../../src/facts/claims/claim-text.js";
import { phoneSpans } from "../../src/facts/claims/claim-traps.js";

/** The pieces of the claim reader, on words alone (the whole reading is tested through the API in test/claims/). */

const numbers = (text: string) => numberMentions(text).map((n) => [n.text, n.value, n.precision]);

describe("numberMentions", () => {
  it("reads digits with their scale words, in English and Chinese, with the precision of the digits", () => {
    expect(numbers("more than 1.73 million jobs, ¥1.2tn, 9,610亿元 and 3.5万亿")).toEqual([
      ["1.73 million", 1_730_000, 10_000],
      ["1.2tn", 1.2e12, 1e11],
      ["9,610亿", 961e9, 1e8],
      ["3.5万亿", 3.5e12, 1e11],
    ]);
    expect(numberMentions("170余万人")[0]).toMatchObject({ value: 1_700_000, moreThan: true });
  });

  it("reads number words, only with a scale word for 'a' and 'one'", () => {
    expect(numbers("nine of them, twenty-five hosts, two million views, a billion yuan, one of the best")).toEqual([
      ["nine", 9, 1],
      ["twenty-five", 25, 1],
      ["two million", 2e6, 1e6],
      ["a billion", 1e9, 1e9],
    ]);
  });

  it("reads Chinese numerals with a unit character, a decimal point, 百分之 or 倍, and words of multiples", () => {
    expect(numbers("一千七百三十万，三亿五千万，两倍，百分之四点一，销售额翻了一番，sales doubled")).toEqual([
      ["一千七百三十万", 17_300_000, 100_000],
      ["三亿五千万", 350_000_000, 10_000_000],
      ["两", 2, 1],
      ["四点一", 4.1, 0.1],
      ["翻了一番", 2, 1],
      ["doubled", 2, 1],
    ]);
  });

  it("leaves Chinese words that hold numerals alone (十分, 万一, 一些, 第一, 双十一)", () => {
    expect(numbers("十分重要，万一，一些，第一名，双十一")).toEqual([]);
  });
});

describe("chineseValue", () => {
  it.each([
    ["十", 10],
    ["十二万", 120_000],
    ["两千万", 20_000_000],
    ["一万亿", 1e12],
    ["三亿五千万", 350_000_000],
    ["一百零五", 105],
  ])("%s is %d", (run, value) => expect(chineseValue(run)).toBe(value));
});

describe("readComparator", () => {
  const comparator = (text: string, number: string) => {
    const start = text.indexOf(number);
    return readComparator(text, start, start + number.length, 0);
  };
  it.each([
    ["sector to top 1 trillion yuan", "1 trillion", "MORE_THAN", "top"],
    ["over 10 million sessions", "10 million", "MORE_THAN", "over"],
    ["nearly 50 billion views", "50 billion", "APPROXIMATELY", "nearly"],
    ["at least 100 percent", "100", "AT_LEAST", "at least"],
    ["up to 5 million", "5 million", "AT_MOST", "up to"],
    ["just under 3%", "3", "LESS_THAN", "just under"],
    ["more than US$5 billion", "5 billion", "MORE_THAN", "more than"],
    ["交易额超过1万亿元", "1万亿", "MORE_THAN", "超过"],
    ["交易额近1万亿元", "1万亿", "APPROXIMATELY", "近"],
    ["逾173万个岗位", "173万", "MORE_THAN", "逾"],
    ["约1.2万亿元", "1.2万亿", "APPROXIMATELY", "约"],
    ["1000万以上", "1000万", "AT_LEAST", "以上"],
    ["5 million or more", "5 million", "AT_LEAST", "or more"],
    ["turnover 5 billion", "5 billion", "EQUAL", ""],
  ])("%s", (text, number, expected, words) => expect(comparator(text, number)).toMatchObject({ comparator: expected, words }));
});

describe("periodMentions", () => {
  const periods = (text: string, publishedAt: string | null = "2020-10-22") => periodMentions(text, publishedAt).map((p) => [p.words, p.period?.label ?? null]);
  it("reads absolute periods in English and Chinese", () => {
    expect(periods("in 2019, in the first half of 2020, H1 2021, the third quarter of 2020, June 2019, 18 June 2020, the first three quarters of 2021")).toEqual([
      ["2019", "2019"],
      ["the first half of 2020", "2020-H1"],
      ["H1 2021", "2021-H1"],
      ["the third quarter of 2020", "2020-Q3"],
      ["June 2019", "2019-06"],
      ["18 June 2020", "2020-06-18"],
      ["the first three quarters of 2021", "2021-01/2021-09"],
    ]);
    expect(periods("2020年上半年，2021年第一季度，2020年6月18日，2019年6月，2020年1-9月，2018年")).toEqual([
      ["2020年上半年", "2020-H1"],
      ["2021年第一季度", "2021-Q1"],
      ["2020年6月18日", "2020-06-18"],
      ["2019年6月", "2019-06"],
      ["2020年1-9月", "2020-01/2020-09"],
      ["2018年", "2018"],
    ]);
  });

  it("resolves relative periods against the publication date, and leaves them unresolved without one", () => {
    expect(periods("last year, this year, the first half of the year, there are, 去年, 上半年")).toEqual([
      ["last year", "2019"],
      ["this year", "2020"],
      ["the first half of the year", "2020-H1"],
      ["there are", "2020-10"],
      ["去年", "2019"],
      ["上半年", "2020-H1"],
    ]);
    expect(periodMentions("last year", null)[0]!.resolution).toBe('"last year" is relative to the date of writing, and no publication date was given to resolve it');
  });
});

describe("eventMentions", () => {
  const families = eventFamilies([
    { id: 1, name: "Singles' Day 2021", names: ["2021年双十一", "Double 11 2021"], start: "2021-11-01", end: "2021-11-11", parentId: null },
    { id: 2, name: "Singles' Day 2020", names: ["2020年双十一"], start: "2020-11-01", end: "2020-11-11", parentId: null },
    { id: 3, name: "618 shopping festival 2020", names: [], start: "2020-06-01", end: "2020-06-18", parentId: null },
  ]);
  const events = (text: string, publishedAt: string | null = "2021-12-01") => eventMentions(text, families, publishedAt).map((e) => [e.words, e.eventId, e.firstDay]);

  it("finds editions by their names, by a year next to the festival's name, and by 'this year's'", () => {
    expect(events("Singles' Day 2021 and 2020年的双11")).toEqual([
      ["Singles' Day 2021", 1, false],
      ["2020年的双11", 2, false],
    ]);
    expect(events("during this year's Singles' Day")).toEqual([["this year's Singles' Day", 1, false]]);
    expect(events("the 618 festival", "2020-10-22")).toEqual([["618 festival", 3, false]]);
  });

  it("refers 'the festival' back to the event named before, and reads its first day", () => {
    expect(events("Singles' Day 2021 set records. On the first day of the festival, sales doubled.")).toEqual([
      ["Singles' Day 2021", 1, false],
      ["the festival", 1, true],
    ]);
  });
});

describe("the claim's text", () => {
  it("finds telephone numbers, not ranges of years", () => {
    const text = "Call +86 10 6512 3456 or 400-820-8820; sales rose in 2019-2020.";
    expect(phoneSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(["+86 10 6512 3456", "400-820-8820"]);
  });

  it("cuts sentences at full stops, not inside numbers, and counts code points", () => {
    const text = "Sales hit 4.1 percent. 销售额达1万亿元。Done";
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(["Sales hit 4.1 percent.", "销售额达1万亿元。", "Done"]);
    expect(codePointIndex("😀a")(3)).toBe(2);
  });
});
