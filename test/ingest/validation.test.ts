import { describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/ingest/build.js";
import type { Problem } from "../../src/ingest/problems.js";
import { sha256 } from "../fixtures/sha256.js";
import { addedAfter } from "../../src/ingest/added-later.js";
import { PERIOD_FORMS } from "../../src/ingest/period-issue.js";
import { editSource, lineOf, minimalFiles, writeKb } from "./kb.js";

const SOURCE = "db/sources/daily-news-2020-widgets.yaml";
const sourceText = (changes: Record<string, string>) => Object.values(changes)[0]!;

function problemsOf(changes: Record<string, string | null>): Problem[] {
  return checkKnowledgeBase(writeKb(changes)).problems;
}

describe("the build's validation", () => {
  it("accepts the minimal knowledge base", () => {
    expect(problemsOf({})).toEqual([]);
  });

  it("reports an unknown metric slug with file, path, line and a suggestion", () => {
    const changes = editSource("metric: widget-share\n", "metric: widget-shares\n");
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].metric", line: lineOf(sourceText(changes), "widget-shares"), reason: "unknown metric 'widget-shares' (did you mean 'widget-share'?)" },
    ]);
  });

  it("reports a slug used twice across entity registries", () => {
    const platforms = "- slug: daily-news\n  name: Daily News app\n  description: The paper's app.\n";
    expect(problemsOf({ "registry/platforms.yaml": platforms })).toEqual([
      { file: "db/registry/platforms.yaml", path: "[0].slug", line: 1, reason: "duplicate slug 'daily-news': already used by db/registry/organizations.yaml:6" },
    ]);
  });

  it("reports a statistic without a citation", () => {
    const changes = editSource(
      `    citations:
      - key: share
        quote: { exact: "Widgets held 12 percent of the market" }
        attribution: null
`,
      "    citations: []\n",
    );
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].citations", line: lineOf(sourceText(changes), "citations: []"), reason: "statistic 'widget-share-2019' has no citation: every figure must cite the passage or document that states it" },
    ]);
  });

  it("reports a quote that does not occur in the archived text", () => {
    const changes = editSource('exact: "Widgets held 12 percent of the market"', 'exact: "Widgets held 13 percent of the market"');
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].citations[0].quote.exact", line: lineOf(sourceText(changes), "13 percent"), reason: 'quote not found in the archived text: "Widgets held 13 percent of the market"' },
    ]);
  });

  it("reports a quote that occurs more than once when no position is recorded", () => {
    const changes = editSource('exact: "Widgets held 12 percent of the market"', 'exact: "Widget"');
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].citations[0].quote.exact", line: lineOf(sourceText(changes), 'exact: "Widget"'), reason: "quote occurs 3 times in the archived text (at 0, 75, 153); record its start to choose one" },
    ]);
  });

  it("reports a recorded position that does not match the quote", () => {
    const changes = editSource('exact: "Widget sales reached 5 billion yuan", start: 0', 'exact: "Widget sales reached 5 billion yuan", start: 3');
    expect(problemsOf(changes)).toEqual([
      {
        file: SOURCE,
        path: "statistics[0].citations[0].quote.start",
        line: lineOf(sourceText(changes), "start: 3"),
        reason: 'recorded position 3 does not match the quote: the archived text there reads "get sales reached 5 billion yuan la" (the quote occurs at 0)',
      },
    ]);
  });

  it("reports a period that ends before it starts", () => {
    const changes = editSource("    period: 2019\n    citations:\n      - key: share", "    period: { start: 2019-12-31, end: 2019-01-01, label: backwards }\n    citations:\n      - key: share");
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].period", line: lineOf(sourceText(changes), "backwards"), reason: "period ends (2019-01-01) before it starts (2019-12-31)" },
    ]);
  });

  it("reports a malformed period label", () => {
    const changes = editSource("    period: 2019\n    citations:\n      - key: share", "    period: 2019-H3\n    citations:\n      - key: share");
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].period", line: lineOf(sourceText(changes), "2019-H3"), reason: `period '2019-H3' is not written in an accepted form: ${PERIOD_FORMS}` },
    ]);
  });

  it("reports a comparator and a kind outside their enums", () => {
    const changes = editSource("kind: ESTIMATE\n    value: { amount: 12, unit: PERCENT, comparator: EQUAL }", "kind: GUESS\n    value: { amount: 12, unit: PERCENT, comparator: ROUGHLY }");
    const text = sourceText(changes);
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].kind", line: lineOf(text, "GUESS"), reason: "must be one of MEASUREMENT, ESTIMATE, FORECAST, SURVEY, DERIVED" },
      { file: SOURCE, path: "statistics[1].value.comparator", line: lineOf(text, "ROUGHLY"), reason: "must be one of EQUAL, APPROXIMATELY, MORE_THAN, AT_LEAST, LESS_THAN, AT_MOST, BETWEEN" },
    ]);
  });

  it("reports a derived statistic whose input does not exist", () => {
    const changes = editSource("inputs: { sales: widget-sales-2019 }", "inputs: { sales: widget-sales-2018 }");
    expect(problemsOf(changes)).toEqual([
      {
        file: SOURCE,
        path: "statistics[2].derivation.inputs.sales",
        line: lineOf(sourceText(changes), "widget-sales-2018"),
        reason: "derivation input 'sales' refers to unknown statistic 'widget-sales-2018' (did you mean 'widget-sales-2019'?)",
      },
    ]);
  });

  it("reports a percentage outside 0..100 for a share metric", () => {
    const changes = editSource("amount: 12, unit: PERCENT", "amount: 112, unit: PERCENT");
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].value.amount", line: lineOf(sourceText(changes), "amount: 112"), reason: "112 percent is outside 0..100, but metric 'widget-share' is a share" },
    ]);
  });

  it("reports an archived text that no longer matches its recorded SHA-256", () => {
    const changed = "Widget sales reached 6 billion yuan last year.\n";
    expect(problemsOf({ "sources/daily-news-2020-widgets.txt": changed })).toEqual([
      {
        file: SOURCE,
        path: "archive.sha256",
        line: lineOf(minimalFiles()["sources/daily-news-2020-widgets.yaml"]!, "sha256:"),
        reason: `the archived text's SHA-256 is ${sha256(changed)}, not the recorded ${sha256(minimalFiles()["sources/daily-news-2020-widgets.txt"]!)}: the text changed since it was archived`,
      },
    ]);
  });

  it("refuses quoted wording from a source whose text is not archived", () => {
    const changes = editSource("  coverage: FULL\n  file: daily-news-2020-widgets.txt\n  sha256: " + sha256(minimalFiles()["sources/daily-news-2020-widgets.txt"]!), "  coverage: NONE");
    const problems = problemsOf(changes);
    expect(problems.map((p) => `${p.path}: ${p.reason}`)).toContain(
      "statistics[0].citations[0].quote: this source's text is not archived (coverage NONE), so nothing can be quoted from it; describe it in a note in your own words",
    );
  });

  it("reports a YAML syntax error with its line", () => {
    const problems = problemsOf({ "registry/markets.yaml": "- slug: widget-market\n  name: [unclosed\n" });
    expect(problems[0]).toEqual({
      file: "db/registry/markets.yaml",
      path: "",
      line: 3,
      reason: "not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:",
    });
  });

  it("reports every problem of a run at once", () => {
    const a = editSource("metric: widget-share\n", "metric: widget-shares\n");
    const both = { "sources/daily-news-2020-widgets.yaml": sourceText(a).replace("inputs: { sales: widget-sales-2019 }", "inputs: { sales: nothing-here }") };
    expect(problemsOf(both).map((p) => p.path)).toEqual(["statistics[1].metric", "statistics[2].derivation.inputs.sales"]);
  });

  it("reports one statistic slug defined with two different values on the document added later", () => {
    // The copy sorts first ('-' before '.') and so is read first, but it was retrieved later:
    // the problem is its, and it is told to give its figure a slug of its own.
    const second = sourceText(editSource("slug: daily-news-2020-widgets", "slug: daily-news-2020-widgets-copy"))
      .replace("https://news.example/widgets", "https://news.example/widgets-copy")
      .replace("amount: 5000000000", "amount: 6000000000")
      .replace("daily-news-2020-widgets.txt", "daily-news-2020-widgets-copy.txt")
      .replace("published: 2020-01-02\n", "published: 2020-01-02\nretrieved: 2026-12-01\n");
    const original = sourceText(editSource("published: 2020-01-02\n", "published: 2020-01-02\nretrieved: 2026-11-25\n"));
    const problems = problemsOf({
      "sources/daily-news-2020-widgets.yaml": original,
      "sources/daily-news-2020-widgets-copy.yaml": second,
      "sources/daily-news-2020-widgets-copy.txt": minimalFiles()["sources/daily-news-2020-widgets.txt"]!,
    });
    expect(problems).toEqual([
      {
        file: COPY,
        path: "statistics[0].slug",
        line: lineOf(second, "slug: widget-sales-2019"),
        reason: `statistic 'widget-sales-2019' is already defined in ${SOURCE}:${lineOf(original, "slug: widget-sales-2019")}, the earlier document with a different amount 5000000000 (here 6000000000): a different figure needs a slug of its own, so give this one a new slug in this file (or, if it is the same figure, copy that definition)`,
      },
    ]);
  });
});

const COPY = "db/sources/daily-news-2020-widgets-copy.yaml";

/**
 * A second document stating the minimal knowledge base's widget share figure (12 percent of
 * the widget market in 2019) under the slug `widget-share-2019-again`, at `path`, with the
 * given extra fields.
 */
function twinDocument(slug: string, fields: string): string {
  return `slug: ${slug}
title: Widgets again
url: https://news.example/${slug}
urlStatus: ORIGINAL
publisher: daily-news
${fields}language: en
kind: NEWS_ARTICLE
archive: { coverage: NONE }
statistics:
  - slug: widget-share-2019-again
    metric: widget-share
    subject: widget-market
    kind: ESTIMATE
    value: { amount: 12, unit: PERCENT, comparator: EQUAL }
    period: 2019
    citations:
      - key: share
        attribution: null
        note: States the widget share.
`;
}

describe("a figure stated under two slugs", () => {
  const expected = (file: string, text: string, original = minimalFiles()["sources/daily-news-2020-widgets.yaml"]!) => [
    {
      file,
      path: "statistics[0].slug",
      line: lineOf(text, "slug: widget-share-2019-again"),
      reason: `statistic 'widget-share-2019-again' states the same figure as 'widget-share-2019' (${SOURCE}:${lineOf(original, "slug: widget-share-2019")}, the earlier document): use the existing slug 'widget-share-2019' in this file so that both documents cite one statistic`,
    },
  ];

  it("is reported on the document added later, though it is read first, and never asks to change the published slug", () => {
    // 'a-…' sorts (and is read) before 'daily-news-…', but was published later.
    const text = twinDocument("a-wire-2021-widgets", "published: 2021-03-01\n");
    const problems = problemsOf({ "sources/a-wire-2021-widgets.yaml": text });
    expect(problems).toEqual(expected("db/sources/a-wire-2021-widgets.yaml", text));
  });

  it("is reported on the document added later when it is read last", () => {
    const text = twinDocument("zz-wire-2021-widgets", "published: 2021-03-01\n");
    expect(problemsOf({ "sources/zz-wire-2021-widgets.yaml": text })).toEqual(expected("db/sources/zz-wire-2021-widgets.yaml", text));
  });

  it("takes the document retrieved later as the one added later, even when it was published earlier", () => {
    const text = twinDocument("a-wire-2019-widgets", "published: 2019-06-01\nretrieved: 2026-12-01\n");
    const original = editSource("published: 2020-01-02\n", "published: 2020-01-02\nretrieved: 2026-11-25\n");
    expect(problemsOf({ ...original, "sources/a-wire-2019-widgets.yaml": text })).toEqual(expected("db/sources/a-wire-2019-widgets.yaml", text, sourceText(original)));
  });

  it("orders documents by retrieval, then publication, then file name; dates decide only where both are precise enough", () => {
    const doc = (file: string, retrieved: string | null, published: string | null) => ({ file, retrieved, published });
    expect(addedAfter(doc("a", "2026-12-01", "2019"), doc("b", "2026-11-25", "2021"))).toBe(true);
    expect(addedAfter(doc("a", null, "2021"), doc("b", "2026-11-25", "2020-06-01"))).toBe(true);
    expect(addedAfter(doc("a", null, "2020"), doc("b", null, "2020-06-01"))).toBe(false);
    expect(addedAfter(doc("b", null, "2020"), doc("a", null, "2020-06-01"))).toBe(true);
    expect(addedAfter(doc("a", null, "2019"), doc("b", null, "2020-06"))).toBe(false);
    expect(addedAfter(doc("a", null, null), doc("b", null, null))).toBe(false);
  });
});

describe("period problems", () => {
  const withPeriod = (period: string) => editSource("    period: 2019\n    citations:\n      - key: share", `    period: ${period}\n    citations:\n      - key: share`);
  const periodProblem = (period: string, needle: string, reason: string) => {
    const changes = withPeriod(period);
    expect(problemsOf(changes)).toEqual([{ file: SOURCE, path: "statistics[1].period", line: lineOf(sourceText(changes), needle), reason }]);
  };

  it("lists every accepted form for a malformed half of a span", () => {
    periodProblem("2019-03/2019-H3", "2019-H3", `period '2019-H3' is not written in an accepted form: ${PERIOD_FORMS}`);
  });

  it("says what the object form lacks, and lists every accepted form", () => {
    periodProblem("{ start: 2019-01-01, end: 2019-12-31, lable: whole year }", "lable", `the object form is not complete: label is required, unknown field 'lable'; a period is written ${PERIOD_FORMS}`);
  });

  it("lists every accepted form for a malformed date inside the object form, at the date", () => {
    const changes = withPeriod("{ start: 2019-1-1, end: 2019-12-31, label: whole year }");
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: "statistics[1].period.start", line: lineOf(sourceText(changes), "2019-1-1"), reason: `must be a date YYYY-MM-DD; a period is written ${PERIOD_FORMS}` },
    ]);
  });

  it("lists every accepted form for a value that is neither a label nor an object", () => {
    periodProblem("true", "period: true", `not a period; a period is written ${PERIOD_FORMS}`);
  });

  it("names spans and the object form among the accepted forms", () => {
    expect(PERIOD_FORMS).toBe("YYYY, YYYY-H1 or YYYY-H2, YYYY-Q1 to YYYY-Q4, YYYY-MM, YYYY-MM-DD, a span START/END of two of these (2020-03/2020-06), or { start: YYYY-MM-DD, end: YYYY-MM-DD, label }");
  });
});

describe("a schema problem in one part of a source file", () => {
  const text = () => minimalFiles()["sources/daily-news-2020-widgets.yaml"]!;
  const edit = (...pairs: [string, string][]) => {
    let out = text();
    for (const [from, to] of pairs) {
      if (!out.includes(from)) throw new Error(`fixture has no ${from}`);
      out = out.replace(from, to);
    }
    return out;
  };
  const problems = (source: string) => problemsOf({ "sources/daily-news-2020-widgets.yaml": source }).map((p) => `${p.path}: ${p.reason}`);

  it("does not hide the checks of the other statistics and citations, nor call a statistic left out unknown", () => {
    const source = edit(
      ["metric: widget-sales\n", "metric: widget-sale\n"],
      ['        quote: { exact: "Widgets held 12 percent of the market" }\n        attribution: null\n', '        quote: { exact: "Widgets held 12 percent of the market" }\n'],
      ['exact: "about 13.7 million yuan a day"', 'exact: "about 13.8 million yuan a day"'],
    );
    expect(problems(source)).toEqual([
      "statistics[1].citations[0].attribution: is required",
      "statistics[0].metric: unknown metric 'widget-sale' (did you mean 'widget-sales'?)",
      'statistics[2].citations[0].quote.exact: quote not found in the archived text: "about 13.8 million yuan a day"',
    ]);
  });

  it("does not hide the other checks of its own statistic when one citation is malformed", () => {
    const source = edit(["amount: 12, unit: PERCENT", "amount: 112, unit: PERCENT"], ["        attribution: null\n", "        attribution: null\n        quote_: typo\n"]);
    expect(problems(source)).toEqual([
      "statistics[1].citations[0]: unknown field 'quote_'",
      "statistics[1].value.amount: 112 percent is outside 0..100, but metric 'widget-share' is a share",
    ]);
  });

  it("leaves out a statistic whose period object is malformed without calling it unknown where another derives from it", () => {
    const source = edit(["    period: 2019\n    citations:\n      - key: sales", "    period: { start: 2019-01-01 }\n    citations:\n      - key: sales"], ["amount: 12, unit: PERCENT", "amount: 112, unit: PERCENT"]);
    expect(problems(source)).toEqual([
      `statistics[0].period: the object form is not complete: end is required, label is required; a period is written ${PERIOD_FORMS}`,
      "statistics[1].value.amount: 112 percent is outside 0..100, but metric 'widget-share' is a share",
    ]);
  });

  it("does not hide the statistics' checks when a document field is malformed", () => {
    const source = edit(["kind: NEWS_ARTICLE\n", "kind: NEWS\n"], ["published: 2020-01-02\n", "published: January 2020\n"], ['exact: "Widgets held 12 percent of the market"', 'exact: "Widgets held 13 percent of the market"']);
    expect(problems(source)).toEqual([
      "published: must be a date: YYYY, YYYY-MM or YYYY-MM-DD",
      "kind: must be one of NEWS_ARTICLE, PRESS_RELEASE, REPORT_PAGE, COMPANY_FILING, BLOG_POST, SOCIAL_MEDIA_POST, ENCYCLOPEDIA_ARTICLE, JOURNAL_ARTICLE",
      'statistics[1].citations[0].quote.exact: quote not found in the archived text: "Widgets held 13 percent of the market"',
    ]);
  });

  it("checks the statistics but not the quotes when the archive field is malformed", () => {
    const source = edit(["  file: daily-news-2020-widgets.txt\n", "  file: Widgets.TXT\n"], ["metric: widget-share\n", "metric: widget-shares\n"]);
    expect(problems(source)).toEqual([
      "archive.file: must be the name of a .txt file beside this one",
      "statistics[1].metric: unknown metric 'widget-shares' (did you mean 'widget-share'?)",
    ]);
  });

  it("does not also say a statistic cites nothing when its citations are not a list", () => {
    const source = edit([
      '    citations:\n      - key: share\n        quote: { exact: "Widgets held 12 percent of the market" }\n        attribution: null\n',
      "    citations: { key: share }\n",
    ]);
    expect(problems(source)).toEqual(["statistics[1].citations: expected array, received object"]);
  });
});

describe("the build's validation of an attribution's via, echoOf and doubt", () => {
  const ORGS = `${minimalFiles()["registry/organizations.yaml"]!}- slug: wire-agency
  name: Wire Agency
  kind: NEWS_PUBLISHER
  description: A news agency.
- slug: bolt-data
  name: Bolt Data
  kind: CONSULTANCY
  description: Another research firm.
`;
  // A report sharing its slug with an organization, so that a bare slug is ambiguous.
  const REPORTS = `${minimalFiles()["registry/reports.yaml"]!}- slug: bolt-data
  title: Bolt Data's widget tracker
  kind: DATASET
  authors: [bolt-data]
  description: A dataset.
`;
  /** The minimal knowledge base with the first citation's attribution given `fields` (YAML lines at its indentation). */
  const withAttribution = (fields: string): Record<string, string> => ({
    "registry/organizations.yaml": ORGS,
    "registry/reports.yaml": REPORTS,
    ...editSource("          inferred: false\n", `          inferred: false\n${fields}`),
  });
  const at = "statistics[0].citations[0].attribution";

  it("accepts intermediaries, a known echo and a doubt naming known entities and reports", () => {
    expect(problemsOf(withAttribution("          via: [wire-agency, { report: bolt-data }]\n          echoOf: { entity: bolt-data }\n          doubt: Acme publishes no method.\n"))).toEqual([]);
  });

  it("reports an unknown intermediary and an unknown echoed report with a suggestion", () => {
    const changes = withAttribution("          via: [wire-agenc]\n          echoOf: { report: acme-2020-reprt }\n");
    const text = changes["sources/daily-news-2020-widgets.yaml"]!;
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: `${at}.via[0]`, line: lineOf(text, "wire-agenc]"), reason: "unknown intermediary 'wire-agenc': no entity or report has this slug (did you mean 'wire-agency'?)" },
      { file: SOURCE, path: `${at}.echoOf.report`, line: lineOf(text, "acme-2020-reprt"), reason: "unknown report 'acme-2020-reprt' (did you mean 'acme-2020-report'?)" },
    ]);
  });

  it("refuses a bare slug that names both an entity and a report", () => {
    const changes = withAttribution("          echoOf: bolt-data\n");
    expect(problemsOf(changes)).toEqual([
      {
        file: SOURCE,
        path: `${at}.echoOf`,
        line: lineOf(changes["sources/daily-news-2020-widgets.yaml"]!, "echoOf: bolt-data"),
        reason: "'bolt-data' names both an entity and a report: write { entity: bolt-data } or { report: bolt-data }",
      },
    ]);
  });

  it("refuses as intermediaries the producer itself, the source's own publisher, a repeat and a market", () => {
    const changes = withAttribution("          via: [{ report: acme-2020-report }, daily-news, wire-agency, wire-agency, widget-market]\n");
    expect(problemsOf(changes).map((p) => `${p.path}: ${p.reason}`)).toEqual([
      `${at}.via[0]: 'acme-2020-report' is the attribution's producer: via lists only the intermediaries between the source and the producer`,
      `${at}.via[1]: 'daily-news' publishes the citing source itself, so it is not an intermediary`,
      `${at}.via[3]: 'wire-agency' is listed twice in via`,
      `${at}.via[4]: intermediary 'widget-market' is a market, but must be a report, an organization, a platform, a person, an MCN or a brand`,
    ]);
  });

  it("refuses a producer recorded as an echo of itself", () => {
    const changes = withAttribution("          echoOf: { report: acme-2020-report }\n");
    expect(problemsOf(changes).map((p) => `${p.path}: ${p.reason}`)).toEqual([`${at}.echoOf: 'acme-2020-report' is the attribution's producer: a producer cannot be an echo of itself`]);
  });

  it("refuses via, echoOf and doubt on an attribution that names no producer", () => {
    const changes: Record<string, string> = {
      "registry/organizations.yaml": ORGS,
      ...editSource(
        "        attribution: { entity: acme-research, inferred: true, note: Follows the report's total. }",
        "        attribution: { inferred: false, note: Credits industry estimates., via: [wire-agency], echoOf: bolt-data, doubt: Unclear. }",
      ),
    };
    const line = lineOf(changes["sources/daily-news-2020-widgets.yaml"]!, "industry estimates");
    const cp = "statistics[2].citations[0].attribution";
    expect(problemsOf(changes)).toEqual([
      { file: SOURCE, path: `${cp}.via`, line, reason: "via lists the intermediaries on the way to a producer: name the producer in the attribution's report or entity" },
      { file: SOURCE, path: `${cp}.echoOf`, line, reason: "a known echo is about the producer the source credits: name it in the attribution's report or entity" },
      { file: SOURCE, path: `${cp}.doubt`, line, reason: "a doubt is about the producer the source credits: name it in the attribution's report or entity, or explain in the note" },
    ]);
  });

  it("refuses an empty doubt and an unknown field in a via item", () => {
    const changes = withAttribution("          via: [{ entity: wire-agency, as: wire }]\n          doubt: ''\n");
    expect(problemsOf(changes).map((p) => `${p.path}: ${p.reason}`)).toEqual([`${at}.via[0]: unknown field 'as'`, `${at}.doubt: must not be empty`]);
  });
});
