import { createHash } from "node:crypto";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Options of the synthetic knowledge base generator. */
export interface SynthOptions {
  /** Number of statistics to generate. */
  readonly statistics: number;
  /** Output data directory (replaced if it exists). */
  readonly outDir: string;
  /** Directory holding the migrations to copy (the project's db/migrations). */
  readonly migrationsDir: string;
  /** Statistics per source document (default 50). */
  readonly perSource?: number;
  /** Seed of the deterministic pseudo-random generator (default 1). */
  readonly seed?: number;
}

/** What the generator wrote. */
export interface SynthResult {
  readonly sources: number;
  readonly statistics: number;
  readonly citations: number;
  readonly bytes: number;
}

const COMPARATORS = ["EQUAL", "APPROXIMATELY", "MORE_THAN", "AT_LEAST", "LESS_THAN", "AT_MOST"] as const;
const WORDS: Record<(typeof COMPARATORS)[number], string> = {
  EQUAL: "",
  APPROXIMATELY: "about ",
  MORE_THAN: "more than ",
  AT_LEAST: "at least ",
  LESS_THAN: "less than ",
  AT_MOST: "at most ",
};
const KINDS = ["MEASUREMENT", "ESTIMATE", "FORECAST", "SURVEY"] as const;
const METRICS = 40;
const SUBJECTS = 400;
const ORGS = 200;
const REPORTS = 500;
const EVENTS = 20;
/** Every EVENT_EVERY-th statistic belongs to an event (so the event filter has figures to find). */
const EVENT_EVERY = 50;

/**
 * Writes a valid synthetic knowledge base of any size, in the same curated format as db/ (JSON
 * files, which the build parses fastest), so that scale benchmarks go through the real build:
 * sources with archived texts and verifiable quotes, entities, events, metrics, reports,
 * attributions, statistics shared by two documents, figures of events, and derived statistics
 * with inputs. Deterministic for a given seed.
 */
export function synthesize(opts: SynthOptions): SynthResult {
  const perSource = opts.perSource ?? 50;
  let seed = opts.seed ?? 1;
  const rand = () => {
    // mulberry32: small, fast and good enough to spread values.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(join(opts.outDir, "registry"), { recursive: true });
  mkdirSync(join(opts.outDir, "sources"), { recursive: true });
  cpSync(opts.migrationsDir, join(opts.outDir, "migrations"), { recursive: true });
  let bytes = 0;
  const write = (rel: string, text: string) => {
    writeFileSync(join(opts.outDir, rel), text);
    bytes += Buffer.byteLength(text);
  };

  const orgs = Array.from({ length: ORGS }, (_, i) => ({
    slug: `org-${i}`,
    name: `Organization ${i}`,
    names: { "zh-Hans": `机构${i}` },
    kind: i % 5 === 0 ? "NEWS_PUBLISHER" : pick(["COMPANY", "CONSULTANCY", "RESEARCH_INSTITUTE", "GOVERNMENT_AGENCY"]),
    description: `Synthetic organization number ${i}.`,
  }));
  const markets = Array.from({ length: SUBJECTS }, (_, i) => ({
    slug: `market-${i}`,
    name: `Market ${i}`,
    description: `Synthetic market number ${i}.`,
    ...(i >= 10 ? { partOf: `market-${i % 10}` } : {}),
  }));
  const units = ["CNY", "sessions", "users", "PERCENT"];
  // Countable units must be registered with their names (db/README.md, "Units").
  const metrics = Array.from({ length: METRICS }, (_, i) => {
    const unit = units[i % units.length]!;
    return {
      slug: `metric-${i}`,
      name: `Metric ${i}`,
      description: `Synthetic metric number ${i}, measured in ${unit}.`,
      quantity: unit === "CNY" ? "MONEY" : unit === "PERCENT" ? "SHARE" : "COUNT",
      units: [unit],
    };
  });
  const perDay = { slug: "metric-per-day", name: "Metric per day", description: "Synthetic daily average of a session count.", quantity: "COUNT", units: ["sessions/day"] };
  const reports = Array.from({ length: REPORTS }, (_, i) => ({
    slug: `report-${i}`,
    title: `Report ${i}`,
    kind: "REPORT",
    published: `20${10 + (i % 12)}`,
    authors: [`org-${(i * 7) % ORGS}`],
    ...(i % 10 === 9 ? { basedOn: [{ report: `report-${i - 1}`, relation: "REPUBLISHES", inferred: false }] } : {}),
    description: `Synthetic report number ${i}.`,
  }));
  write("registry/organizations.json", JSON.stringify(orgs));
  write("registry/markets.json", JSON.stringify(markets));
  write("registry/metrics.json", JSON.stringify([...metrics, perDay]));
  write("registry/reports.json", JSON.stringify(reports));
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    slug: `event-${i}`,
    name: `Shopping festival ${i}`,
    description: `Synthetic shopping festival number ${i}.`,
    start: `${2015 + (i % 10)}-06-01`,
    end: `${2015 + (i % 10)}-06-18`,
  }));
  write("registry/events.json", JSON.stringify(events));
  for (const r of ["platforms", "mcns", "brands", "people"]) write(`registry/${r}.json`, "[]");
  write("registry/units.json", JSON.stringify(SYNTHETIC_UNITS));

  type Stat = Record<string, unknown> & { slug: string };
  const sourceCount = Math.max(1, Math.ceil(opts.statistics / perSource));
  let made = 0;
  let citations = 0;
  let previous: { stat: Stat; sentence: string } | null = null;
  // Two slugs for one figure are refused by the build, so identical figures are nudged apart.
  const identities = new Set<string>();
  for (let s = 0; s < sourceCount; s++) {
    const slug = `source-${s}`;
    const year = 2015 + (s % 10);
    let text = `Synthetic document ${s}, published ${year}.\n`;
    const stats: Stat[] = [];
    // Every 10th document also states a figure of the one before it: one statistic, two citations.
    if (previous && s % 10 === 0) {
      const start = [...text].length;
      text += previous.sentence;
      stats.push({ ...previous.stat, citations: [{ key: "shared", quote: { exact: previous.sentence.trimEnd(), start }, attribution: null }] });
      citations++;
    }
    let lastSessions: Stat | null = null;
    for (let k = 0; k < perSource && made < opts.statistics; k++, made++) {
      const n = made;
      const derive = lastSessions !== null && n % 20 === 19;
      const metric = derive ? perDay : metrics[n % METRICS]!;
      const unit = metric.units[0]!;
      const comparator = derive ? "MORE_THAN" : pick(COMPARATORS);
      const kind = derive ? "DERIVED" : pick(KINDS);
      const half = pick(["H1", "H2"]);
      // A figure of an event is dated within the event (the build refuses one outside its dates).
      const ofEvent = !derive && n % EVENT_EVERY === 0;
      const period = derive ? String(lastSessions!.period) : n % 3 === 0 || ofEvent ? String(year) : `${year}-${half}`;
      const subject = `market-${n % SUBJECTS}`;
      let amount = unit === "PERCENT" ? Math.round(rand() * 1000) / 10 : derive ? 1 + (n % 1000) : Math.round(rand() * 1e9) / 100;
      const identityOf = () => `${metric.slug}|${subject}|${kind}|${amount}|${comparator}|${period}`;
      while (identities.has(identityOf())) amount = unit === "PERCENT" ? Math.round((amount + (amount < 99 ? 0.1 : -0.1)) * 1000) / 1000 : amount + 1;
      identities.add(identityOf());
      const statSlug = `stat-${n}`;
      const words = `${WORDS[comparator]}${amount} ${unit}`;
      const sentence = `${derive ? "That is an average of" : "In"} ${period}, ${subject} recorded ${words} of ${metric.name} (${statSlug}).\n`;
      const start = [...text].length;
      text += sentence;
      const stat: Stat = {
        slug: statSlug,
        metric: metric.slug,
        subject,
        // Events are numbered so that event i falls in 2015 + i % 10, the year of this document.
        ...(ofEvent ? { event: `event-${(year - 2015) + 10 * ((n / EVENT_EVERY) % (EVENTS / 10))}` } : {}),
        kind,
        value: { amount, unit, comparator },
        period,
        ...(derive ? { derivation: { formula: "sessions / days", inputs: { sessions: lastSessions!.slug } } } : {}),
      };
      const attributed = n % 4;
      stats.push({
        ...stat,
        citations: [
          {
            key: `c${k}`,
            quote: { exact: sentence.trimEnd(), start },
            valueAsWritten: words,
            attribution: attributed === 0 ? null : attributed === 1 ? { entity: `org-${n % ORGS}`, inferred: false } : { report: `report-${n % REPORTS}`, inferred: attributed === 3 },
          },
        ],
      });
      citations++;
      if (unit === "sessions" && !derive) lastSessions = stat;
      previous = { stat, sentence };
    }
    const sha = createHash("sha256").update(text, "utf8").digest("hex");
    write(`sources/${slug}.txt`, text);
    write(
      `sources/${slug}.json`,
      JSON.stringify({
        slug,
        title: `Synthetic document ${s}`,
        url: `https://synthetic.example/${s}`,
        urlStatus: "ORIGINAL",
        publisher: `org-${(s % (ORGS / 5)) * 5}`,
        published: `${year}-${String(1 + (s % 12)).padStart(2, "0")}-01`,
        language: "en",
        kind: "NEWS_ARTICLE",
        archive: { coverage: "FULL", file: `${slug}.txt`, sha256: sha },
        statistics: stats,
      }),
    );
  }
  return { sources: sourceCount, statistics: made, citations, bytes };
}

/** The countable units the synthetic metrics use, registered as db/registry/units.yaml would. */
const SYNTHETIC_UNITS = [
  { slug: "sessions", singular: "session", plural: "sessions", zh: "场直播", description: "Live-streaming sessions." },
  { slug: "users", singular: "user", plural: "users", zh: "名用户", description: "Users, counted as people." },
];
