import { describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/ingest/build.js";
import { writeScenario } from "../fixtures/scenario.js";
import { noneSource } from "../fixtures/scenario.js";

/**
 * The build's checks of what the file format can now say: ranges, precision, several subjects,
 * events and their nesting, a figure's few words and relative periods on sources without
 * archived text. Each check on a knowledge base made for it.
 */

const figure = (fields: Record<string, unknown>) => ({
  slug: "gadget-sales-2020",
  metric: "gadget-sales",
  subject: "gadget-market",
  kind: "ESTIMATE",
  value: { amount: 2e9, unit: "CNY", comparator: "EQUAL" },
  period: 2020,
  ...fields,
});

/** The problems the build reports for one source stating `statistics`, as [path, reason] pairs. */
function problems(statistics: Record<string, unknown>[], registries = {}): [string, string][] {
  const { dataDir } = writeScenario({ registries, sources: [noneSource("daily-news-2021-gadgets", statistics)] });
  return checkKnowledgeBase(dataDir).problems.map((p) => [p.path, p.reason]);
}

const FEST = {
  events: [
    { slug: "gadget-fest", name: "Gadget Fest", description: "A festival.", start: "2021-10-20", end: "2021-11-11" },
    { slug: "gadget-fest-presale", name: "Gadget Fest presale", description: "Its presale.", start: "2021-10-20", end: "2021-10-20", partOf: "gadget-fest" },
  ],
};

describe("values the build accepts and refuses", () => {
  it("accepts a range with its upper end, an explicit precision and a figure's few words on an unarchived source", () => {
    expect(
      problems([
        figure({ slug: "range", value: { amount: 30, upper: 60, unit: "PERCENT", comparator: "BETWEEN" }, metric: "gadget-share" }),
        figure({ slug: "precise", value: { amount: 961e9, unit: "CNY", comparator: "EQUAL", precision: 1e8 } }),
        figure({ slug: "words", period: 2019, citations: [{ key: "words", valueAsWritten: "2 billion yuan", attribution: null }] }),
      ]),
    ).toEqual([]);
  });

  it("refuses a range without its upper end, or with the ends reversed, and an upper end on a flat figure", () => {
    expect(
      problems([
        figure({ slug: "no-top", value: { amount: 30, unit: "CNY", comparator: "BETWEEN" } }),
        figure({ slug: "reversed", period: 2019, value: { amount: 60, upper: 30, unit: "CNY", comparator: "BETWEEN" } }),
        figure({ slug: "flat-top", period: 2018, value: { amount: 60, upper: 70, unit: "CNY", comparator: "EQUAL" } }),
      ]),
    ).toEqual([
      ["statistics[0].value.upper", "a BETWEEN value needs its upper end: amount is the lower end, upper the higher (30–60% is amount 30, upper 60)"],
      ["statistics[1].value.upper", "the upper end (30) must be above the lower end (60)"],
      ["statistics[2].value.upper", "only a BETWEEN value has an upper end; this one is EQUAL"],
    ]);
  });

  it("refuses a precision the amount is not a whole number of", () => {
    expect(problems([figure({ value: { amount: 2.03e9, unit: "CNY", comparator: "EQUAL", precision: 1e9 } })])).toEqual([
      ["statistics[0].value.precision", "2030000000 is not a whole number of 1000000000: the precision is the place value of the last digit written (2 billion: 1000000000; 8.6%: 0.1)"],
    ]);
  });

  it("refuses a sentence where a figure's few words belong", () => {
    const words = "Gadget sales reached two billion yuan in the year 2020, the paper says";
    expect(problems([figure({ citations: [{ key: "long", valueAsWritten: words, attribution: null }] })])).toEqual([
      ["statistics[0].citations[0].valueAsWritten", "must be the figure's few words (at most 40 characters), not a sentence"],
    ]);
  });
});

describe("subjects, events and relative periods", () => {
  it("accepts several subjects and refuses both forms at once, or none", () => {
    const people = { people: [{ slug: "host-a", name: "Host A", description: "A host." }, { slug: "host-b", name: "Host B", description: "A host." }] };
    const { subject: _, ...noSubject } = figure({});
    expect(
      problems(
        [
          { ...noSubject, slug: "pair", subjects: ["host-a", "host-b"] },
          figure({ slug: "both", period: 2019, subjects: ["host-a", "host-b"] }),
          { ...noSubject, slug: "none", period: 2018 },
        ],
        people,
      ),
    ).toEqual([
      ["statistics[1].subject", "give the figure's subject, or its subjects (a list of two or more) for a combined figure, not both"],
      ["statistics[2].subject", "give the figure's subject, or its subjects (a list of two or more) for a combined figure, not both"],
    ]);
  });

  it("refuses a figure of an event dated outside the event", () => {
    expect(problems([figure({ event: "gadget-fest", period: "2021-06" })], FEST)).toEqual([
      ["statistics[0].period", "the period 2021-06 (2021-06-01 to 2021-06-30) does not meet the dates of event 'gadget-fest' (2021-10-20 to 2021-11-11)"],
    ]);
  });

  it("refuses a sub-event outside its parent's dates, and a chain of partOf links that returns to its start", () => {
    const events = {
      events: [
        { slug: "fest", name: "Fest", description: "A festival.", start: "2021-10-20", end: "2021-11-11" },
        { slug: "early-bird", name: "Early bird", description: "Before the festival.", start: "2021-10-01", end: "2021-10-02", partOf: "fest" },
        { slug: "loop-a", name: "Loop A", description: "A loop.", partOf: "loop-b" },
        { slug: "loop-b", name: "Loop B", description: "A loop.", partOf: "loop-a" },
      ],
    };
    const reasons = problems([figure({})], events).map(([, reason]) => reason);
    expect(reasons).toEqual([
      "event 'early-bird' (2021-10-01 to 2021-10-02) lies outside the dates of 'fest', which it is part of (2021-10-20 to 2021-11-11)",
      "'loop-a' is part of itself through its chain of partOf links",
      "'loop-b' is part of itself through its chain of partOf links",
    ]);
  });

  it("accepts a relative period on an unarchived source when a note says what the source wrote, and refuses it without", () => {
    const relative = (note?: string) => [{ key: "rel", periodRelative: true, attribution: null, ...(note ? { note } : {}) }];
    expect(problems([figure({ citations: relative("The source says last Singles' Day; resolved against its date.") })])).toEqual([]);
    expect(problems([figure({ citations: relative() })])).toEqual([
      ["statistics[0].citations[0].periodRelative", "a relative period needs a note saying, in your own words, what the source calls the period and a resolved period on the statistic"],
    ]);
  });
});
