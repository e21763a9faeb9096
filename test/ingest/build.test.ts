import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ArchiveText } from "../../src/facts/anchor.js";
import { parsePeriod } from "../../src/facts/period.js";
import { BuildError } from "../../src/ingest/problems.js";
import { buildKnowledgeBase, needsBuild, summarize } from "../../src/ingest/build.js";
import { dataVersion } from "../../src/ingest/load.js";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../../src/paths.js";
import { curatedCounts, readCuratedFiles } from "../invariants/curated-files.js";
import { editSource, writeKb } from "./kb.js";

const FOUNDING = "peoples-daily-2020-10-22-live-streaming-trillion";
const tmp = () => mkdtempSync(join(tmpdir(), "kb-build-"));

describe("building the project's knowledge base", () => {
  let db: Database.Database;
  let summary: string;

  beforeAll(() => {
    const path = join(tmp(), "kb.sqlite");
    summary = summarize(buildKnowledgeBase({ dataDir: DEFAULT_DATA_DIR, dbPath: path }));
    db = new Database(path, { readonly: true });
  });

  it("prints a one-line summary whose counts are those the curated files define", () => {
    // Counted from the files with a plain YAML parser, so adding a document changes both sides.
    const c = curatedCounts(readCuratedFiles(DEFAULT_DATA_DIR));
    expect(summary).toMatch(
      new RegExp(`^built knowledge base [0-9a-f]{12}: ${c.sources} documents, ${c.statistics} statistics, ${c.citations} citations, ${c.entities} entities, ${c.reports} reports, ${c.metrics} metrics in \\d+\\.\\d\\d s$`),
    );
  });

  it("archives the founding article in full with its SHA-256", () => {
    const text = readFileSync(join(DEFAULT_DATA_DIR, "sources", `${FOUNDING}.txt`), "utf8");
    const row = db.prepare("SELECT coverage, sha256, length, archive_text FROM source WHERE slug = ?").get(FOUNDING);
    expect(row).toEqual({ coverage: "FULL", sha256: "31f7d03ffc05ba0b29bc6ebd05e3c23f8af171fd374ac24d8aa92385f0d7e9ae", length: 2672, archive_text: text });
  });

  it("verifies every quote of the founding article at its recorded position", () => {
    const { archive_text } = db.prepare("SELECT archive_text FROM source WHERE slug = ?").get(FOUNDING) as { archive_text: string };
    const archive = new ArchiveText(archive_text);
    const rows = db.prepare("SELECT c.key, quote_exact, quote_start, quote_end, verified FROM citation c JOIN source s ON s.id = c.source_id WHERE s.slug = ?").all(FOUNDING) as {
      key: string; quote_exact: string; quote_start: number; quote_end: number; verified: number;
    }[];
    expect(rows).toHaveLength(18);
    for (const r of rows) {
      expect({ key: r.key, text: archive.slice(r.quote_start, r.quote_end), verified: r.verified }).toEqual({ key: r.key, text: r.quote_exact, verified: 1 });
    }
  });

  it("models the founding article's headline as an unattributed forecast of more than 1 trillion yuan", () => {
    const row = db.prepare(`SELECT s.kind, s.amount, s.unit, s.comparator, s.lower_bound, s.lower_closed, s.upper_bound, s.period_label, s.value_as_written,
        c.attribution_as_written, c.attributed_report_id, c.attributed_entity_id, (SELECT count(*) FROM statistic_producer p WHERE p.statistic_id = s.id) AS producers
      FROM statistic s JOIN citation c ON c.statistic_id = s.id WHERE s.slug = 'china-live-commerce-gmv-2020-over-1tn-forecast'`).get();
    expect(row).toEqual({
      kind: "FORECAST", amount: 1e12, unit: "CNY", comparator: "MORE_THAN", lower_bound: 1e12, lower_closed: 0, upper_bound: null,
      period_label: "2020", value_as_written: "top 1 trillion yuan", attribution_as_written: null, attributed_report_id: null, attributed_entity_id: null, producers: 0,
    });
  });

  it("resolves relative periods against the publication date and keeps the phrase", () => {
    const row = db.prepare("SELECT period_start, period_end, period_label, period_as_written, period_resolution FROM statistic WHERE slug = 'china-live-commerce-share-of-ecommerce-2019-4-1pct'").get();
    expect(row).toEqual({
      period_start: "2019-01-01", period_end: "2019-12-31", period_label: "2019", period_as_written: "last year",
      period_resolution: '"last year" read relative to the publication date 2020-10-22: 2019 (2019-01-01 to 2019-12-31)',
    });
  });

  it("credits the 1.73 million jobs to the Renmin University study and its university", () => {
    const row = db.prepare(`SELECT r.slug AS report, c.attribution_as_written AS asWritten, group_concat(e.slug) AS producers FROM statistic s
      JOIN citation c ON c.statistic_id = s.id JOIN report r ON r.id = c.attributed_report_id
      JOIN statistic_producer p ON p.statistic_id = s.id JOIN entity e ON e.id = p.entity_id WHERE s.slug = 'taobao-live-jobs-created-over-1-73m'`).get();
    expect(row).toEqual({ report: "ruc-taobao-live-jobs-study", asWritten: "According to a study from Renmin University of China", producers: "renmin-university" });
  });

  it("holds every figure of the secondary file as a citation of a statistic with the value stated there", () => {
    const oracle = parse(readFileSync(join(PROJECT_ROOT, "test", "oracle", "secondary-figures.yaml"), "utf8")) as {
      documents: { key: string; figures: { key: string; value: number; unit: string; comparator: string; kind: string; period: string | number | null }[] }[];
    };
    const rows = db.prepare(`SELECT s.slug AS source, c.key, st.amount, st.unit, st.comparator, st.kind, st.period_start, st.period_end, c.period_inferred
      FROM citation c JOIN source s ON s.id = c.source_id JOIN statistic st ON st.id = c.statistic_id WHERE s.coverage = 'NONE'`).all() as {
      source: string; key: string; amount: number; unit: string; comparator: string; kind: string; period_start: string | null; period_end: string | null; period_inferred: number;
    }[];
    const byKey = new Map(rows.map((r) => [`${r.source}/${r.key}`, r]));
    const figures = oracle.documents.flatMap((d) => d.figures.map((f) => ({ ...f, id: `${d.key}/${f.key}` })));
    // The brief's list is fixed; db/ may hold more unarchived figures than it lists, never fewer.
    expect(figures).toHaveLength(179);
    expect(rows).toHaveLength(curatedCounts(readCuratedFiles(DEFAULT_DATA_DIR)).unarchivedCitations);
    expect(byKey.size).toBe(rows.length);
    // Where the knowledge base models a figure differently from the brief's shorthand: averages per day carry
    // the unit X/day, and every other difference is explained in the citation's note.
    const modelled: Record<string, Partial<{ unit: string; comparator: string; period: string }>> = {
      "chinadaily-2020-10-22-trillion-market/mofcom-daily-sessions-h1-2020": { unit: "sessions/day" },
      "chinadaily-2020-10-22-trillion-market/mofcom-daily-views-h1-2020": { unit: "views/day" },
      "chinabankingnews-2020-10-22-trillion-market/mofcom-daily-sessions-h1-2020": { unit: "sessions/day" },
      "chinabankingnews-2020-10-22-trillion-market/mofcom-daily-views-h1-2020": { unit: "views/day" },
      "chinadaily-2020-10-22-trillion-market/taobao-live-618-brand-rooms": { unit: "sessions", period: "2020-06-01/2020-06-18" },
      "pandaily-2020-kpmg-aliresearch-report/mofcom-sessions": { period: "2020-H1" },
      "pandaily-2020-kpmg-aliresearch-report/mofcom-viewers": { unit: "views", comparator: "LESS_THAN", period: "2020-H1" },
      "peoplesdaily-2021-05-18-li-jiaqi/li-daily-streaming-hours": { unit: "hours/day" },
      "chinadaily-2019-09-04-feature-p3/taobao-daily-live-sessions-2018": { unit: "sessions/day" },
    };
    for (const f of figures) {
      const row = byKey.get(f.id);
      const m = modelled[f.id] ?? {};
      const label = m.period ?? (f.period === null ? null : String(f.period));
      const p = label === null ? null : parsePeriod(label);
      expect({ id: f.id, amount: row?.amount, unit: row?.unit, comparator: row?.comparator, kind: row?.kind, start: row?.period_start, end: row?.period_end }).toEqual({
        id: f.id, amount: f.value, unit: m.unit ?? f.unit, comparator: m.comparator ?? f.comparator, kind: f.kind,
        start: p && "start" in p ? p.start : null, end: p && "end" in p ? p.end : null,
      });
    }
  });
});

describe("the build as a whole", () => {
  it("gives the same data version for the same files and another for changed files", () => {
    const a = writeKb();
    const b = writeKb();
    expect(dataVersion(a)).toBe(dataVersion(b));
    expect(dataVersion(writeKb(editSource("amount: 12, unit", "amount: 13, unit")))).not.toBe(dataVersion(a));
  });

  it("leaves the previous database byte-identical when a build fails", () => {
    const dbPath = join(tmp(), "kb.sqlite");
    buildKnowledgeBase({ dataDir: writeKb(), dbPath });
    const before = readFileSync(dbPath);
    const broken = writeKb(editSource("metric: widget-share\n", "metric: no-such-metric\n"));
    expect(() => buildKnowledgeBase({ dataDir: broken, dbPath })).toThrow(BuildError);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it("says a database needs building when it is missing or from other files", () => {
    const dir = writeKb();
    const dbPath = join(tmp(), "kb.sqlite");
    expect(needsBuild(dir, dbPath)).toBe(true);
    buildKnowledgeBase({ dataDir: dir, dbPath });
    expect(needsBuild(dir, dbPath)).toBe(false);
    writeFileSync(join(dir, "registry", "platforms.yaml"), "[] # edited\n");
    expect(needsBuild(dir, dbPath)).toBe(true);
  });

  it("exits non-zero from the command line and lists every problem", () => {
    const broken = writeKb(editSource("metric: widget-share\n", "metric: no-such-metric\n"));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "main.ts"), "db", "build", "--data", broken, "--db", join(tmp(), "x.sqlite")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("1 problem in the curated files:\ndb/sources/daily-news-2020-widgets.yaml:31: statistics[1].metric: unknown metric 'no-such-metric'");
  });
});

