import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../fixtures/fixture-db.js";
import { sha256 } from "../fixtures/sha256.js";

/**
 * A minimal, valid knowledge base for build tests, as file contents keyed by path inside the
 * data directory. Tests change one file and check the exact problem the build reports.
 */
export const ARCHIVE = "Widget sales reached 5 billion yuan last year, according to Acme Research. Widgets held 12 percent of the market. That is about 13.7 million yuan a day. Widgets!\n";

/** The files of the minimal knowledge base. */
export function minimalFiles(): Record<string, string> {
  return {
    "registry/organizations.yaml": `- slug: acme-research
  name: Acme Research
  names: { zh-Hans: 艾克米研究 }
  kind: CONSULTANCY
  description: A research firm.
- slug: daily-news
  name: Daily News
  kind: NEWS_PUBLISHER
  description: A newspaper.
`,
    "registry/platforms.yaml": "[]\n",
    "registry/markets.yaml": `- slug: widget-market
  name: Widget market
  description: The market for widgets.
`,
    "registry/reports.yaml": `- slug: acme-2020-report
  title: Widgets in 2020
  kind: REPORT
  published: 2020-01-01
  authors: [acme-research]
  description: Acme's annual report on widgets.
`,
    "registry/metrics.yaml": `- slug: widget-sales
  name: Widget sales
  description: Value of widgets sold.
  quantity: MONEY
  units: [CNY]
- slug: widget-sales-per-day
  name: Widget sales per day
  description: Average value of widgets sold per day.
  quantity: MONEY
  units: [CNY/day]
- slug: widget-share
  name: Widget share
  description: Widgets' share of the market.
  quantity: SHARE
  units: [PERCENT]
`,
    "sources/daily-news-2020-widgets.txt": ARCHIVE,
    "sources/daily-news-2020-widgets.yaml": `slug: daily-news-2020-widgets
title: Widgets boom
url: https://news.example/widgets
urlStatus: ORIGINAL
publisher: daily-news
published: 2020-01-02
language: en
kind: NEWS_ARTICLE
archive:
  coverage: FULL
  file: daily-news-2020-widgets.txt
  sha256: ${sha256(ARCHIVE)}
statistics:
  - slug: widget-sales-2019
    metric: widget-sales
    subject: widget-market
    kind: ESTIMATE
    value: { amount: 5000000000, unit: CNY, comparator: EQUAL }
    period: 2019
    citations:
      - key: sales
        quote: { exact: "Widget sales reached 5 billion yuan", start: 0 }
        valueAsWritten: 5 billion yuan
        periodAsWritten: last year
        periodRelative: true
        attribution:
          asWritten: according to Acme Research
          report: acme-2020-report
          inferred: false
  - slug: widget-share-2019
    metric: widget-share
    subject: widget-market
    kind: ESTIMATE
    value: { amount: 12, unit: PERCENT, comparator: EQUAL }
    period: 2019
    citations:
      - key: share
        quote: { exact: "Widgets held 12 percent of the market" }
        attribution: null
  - slug: widget-sales-per-day-2019
    metric: widget-sales-per-day
    subject: widget-market
    kind: DERIVED
    value: { amount: 13700000, unit: CNY/day, comparator: APPROXIMATELY }
    period: 2019
    derivation:
      formula: sales / days
      inputs: { sales: widget-sales-2019 }
    citations:
      - key: sales-per-day
        quote: { exact: "about 13.7 million yuan a day" }
        attribution: { entity: acme-research, inferred: true, note: Follows the report's total. }
`,
  };
}

/**
 * Writes a data directory named `db` (so problems read `db/...`) in a fresh temp folder, with
 * the project's migrations and the given files; `null` removes a file. Returns its path.
 */
export function writeKb(changes: Record<string, string | null> = {}): string {
  const { dataDir: dir } = tempDataDir("kb-", "db");
  mkdirSync(join(dir, "registry"));
  mkdirSync(join(dir, "sources"));
  const files = { ...minimalFiles(), ...changes };
  for (const [path, text] of Object.entries(files)) if (text !== null) writeFileSync(join(dir, path), text);
  return dir;
}

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}

/** The minimal source file with `from` replaced by `to` (which must occur). */
export function editSource(from: string, to: string): Record<string, string> {
  const path = "sources/daily-news-2020-widgets.yaml";
  const text = minimalFiles()[path]!;
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return { [path]: text.replace(from, to) };
}
