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
  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(join(opts.outDir, "registry"), { recursive: true });
  mkdirSync(join(opts.outDir, "sources"), { recursive: true });
  cpSync(opts.migrationsDir, join(opts.outDir, "migrations"), { recursive: true });
  const out = new Output(opts.outDir);
  const random = new Random(opts.seed ?? 1);
  const metrics = writeRegistries(out, random);
  const sources = new SourceSynthesizer(out, random, metrics, opts.statistics);
  const perSource = opts.perSource ?? 50;
  const sourceCount = Math.max(1, Math.ceil(opts.statistics / perSource));
  for (let s = 0; s < sourceCount; s++) sources.write(s, perSource);
  return { sources: sourceCount, statistics: sources.made, citations: sources.citations, bytes: out.bytes };
}

/** The files written, and their size in bytes. */
class Output {
  bytes = 0;

  constructor(private readonly dir: string) {}

  /** Writes a file at `rel` inside the data directory. */
  write(rel: string, text: string): void {
    writeFileSync(join(this.dir, rel), text);
    this.bytes += Buffer.byteLength(text);
  }
}

/** A deterministic pseudo-random generator: mulberry32, small, fast and good enough to spread values. */
class Random {
  constructor(private seed: number) {}

  /** The next number in [0, 1). */
  next(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** One of `xs`. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

/** A synthetic metric as written to the registry. */
interface SynthMetric {
  readonly slug: string;
  readonly name: string;
  readonly units: readonly string[];
}

/** The metrics the statistics are of: METRICS plain ones, and one daily average derived from a session count. */
interface SynthMetrics {
  readonly plain: readonly SynthMetric[];
  readonly perDay: SynthMetric;
}

/** Writes every registry: organizations, markets, metrics, reports, events, units, and empty others. */
function writeRegistries(out: Output, random: Random): SynthMetrics {
  const orgs = Array.from({ length: ORGS }, (_, i) => ({
    slug: `org-${i}`,
    name: `Organization ${i}`,
    names: { "zh-Hans": `机构${i}` },
    kind: i % 5 === 0 ? "NEWS_PUBLISHER" : random.pick(["COMPANY", "CONSULTANCY", "RESEARCH_INSTITUTE", "GOVERNMENT_AGENCY"]),
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
  out.write("registry/organizations.json", JSON.stringify(orgs));
  out.write("registry/markets.json", JSON.stringify(markets));
  out.write("registry/metrics.json", JSON.stringify([...metrics, perDay]));
  out.write("registry/reports.json", JSON.stringify(reports));
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    slug: `event-${i}`,
    name: `Shopping festival ${i}`,
    description: `Synthetic shopping festival number ${i}.`,
    start: `${2015 + (i % 10)}-06-01`,
    end: `${2015 + (i % 10)}-06-18`,
  }));
  out.write("registry/events.json", JSON.stringify(events));
  for (const r of ["platforms", "mcns", "brands", "people"]) out.write(`registry/${r}.json`, "[]");
  out.write("registry/units.json", JSON.stringify(SYNTHETIC_UNITS));
  return { plain: metrics, perDay };
}

/** A synthetic statistic as written to a source file. */
type Stat = Record<string, unknown> & { slug: string };

/** A document being written: its text so far and its statistics. */
interface Draft {
  text: string;
  readonly stats: Stat[];
  readonly year: number;
}

/** Writes the source documents one by one, numbering the statistics across all of them. */
class SourceSynthesizer {
  /** Statistics written so far. */
  made = 0;
  /** Citations written so far. */
  citations = 0;
  private previous: { stat: Stat; sentence: string } | null = null;
  /** Two slugs for one figure are refused by the build, so identical figures are nudged apart. */
  private readonly identities = new Set<string>();

  constructor(
    private readonly out: Output,
    private readonly random: Random,
    private readonly metrics: SynthMetrics,
    private readonly total: number,
  ) {}

  /** Writes document number `s` with up to `perSource` new statistics, and its archived text. */
  write(s: number, perSource: number): void {
    const slug = `source-${s}`;
    const year = 2015 + (s % 10);
    const draft: Draft = { text: `Synthetic document ${s}, published ${year}.\n`, stats: [], year };
    // Every 10th document also states a figure of the one before it: one statistic, two citations.
    if (this.previous && s % 10 === 0) {
      const start = [...draft.text].length;
      draft.text += this.previous.sentence;
      draft.stats.push({ ...this.previous.stat, citations: [{ key: "shared", quote: { exact: this.previous.sentence.trimEnd(), start }, attribution: null }] });
      this.citations++;
    }
    let lastSessions: Stat | null = null;
    for (let k = 0; k < perSource && this.made < this.total; k++, this.made++) {
      lastSessions = this.statistic(draft, k, lastSessions);
    }
    const sha = createHash("sha256").update(draft.text, "utf8").digest("hex");
    this.out.write(`sources/${slug}.txt`, draft.text);
    this.out.write(
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
        statistics: draft.stats,
      }),
    );
  }

  /**
   * Adds the `k`th statistic of the document (number `made` overall) with its sentence and
   * citation; every 20th is the daily average of the document's last session count
   * (`lastSessions`). Returns the document's last session count after it.
   */
  private statistic(draft: Draft, k: number, lastSessions: Stat | null): Stat | null {
    const { random, metrics } = this;
    const n = this.made;
    const derive = lastSessions !== null && n % 20 === 19;
    const metric = derive ? metrics.perDay : metrics.plain[n % METRICS]!;
    const unit = metric.units[0]!;
    const comparator = derive ? "MORE_THAN" : random.pick(COMPARATORS);
    const kind = derive ? "DERIVED" : random.pick(KINDS);
    const half = random.pick(["H1", "H2"]);
    // A figure of an event is dated within the event (the build refuses one outside its dates).
    const ofEvent = !derive && n % EVENT_EVERY === 0;
    const period = derive ? String(lastSessions!.period) : n % 3 === 0 || ofEvent ? String(draft.year) : `${draft.year}-${half}`;
    const subject = `market-${n % SUBJECTS}`;
    let amount = unit === "PERCENT" ? Math.round(random.next() * 1000) / 10 : derive ? 1 + (n % 1000) : Math.round(random.next() * 1e9) / 100;
    const identityOf = () => `${metric.slug}|${subject}|${kind}|${amount}|${comparator}|${period}`;
    while (this.identities.has(identityOf())) amount = unit === "PERCENT" ? Math.round((amount + (amount < 99 ? 0.1 : -0.1)) * 1000) / 1000 : amount + 1;
    this.identities.add(identityOf());
    const statSlug = `stat-${n}`;
    const words = `${WORDS[comparator]}${amount} ${unit}`;
    const sentence = `${derive ? "That is an average of" : "In"} ${period}, ${subject} recorded ${words} of ${metric.name} (${statSlug}).\n`;
    const start = [...draft.text].length;
    draft.text += sentence;
    const stat: Stat = {
      slug: statSlug,
      metric: metric.slug,
      subject,
      // Events are numbered so that event i falls in 2015 + i % 10, the year of this document.
      ...(ofEvent ? { event: `event-${(draft.year - 2015) + 10 * ((n / EVENT_EVERY) % (EVENTS / 10))}` } : {}),
      kind,
      value: { amount, unit, comparator },
      period,
      ...(derive ? { derivation: { formula: "sessions / days", inputs: { sessions: lastSessions!.slug } } } : {}),
    };
    const attributed = n % 4;
    const attribution = attributed === 0 ? null : attributed === 1 ? { entity: `org-${n % ORGS}`, inferred: false } : { report: `report-${n % REPORTS}`, inferred: attributed === 3 };
    draft.stats.push({ ...stat, citations: [{ key: `c${k}`, quote: { exact: sentence.trimEnd(), start }, valueAsWritten: words, attribution }] });
    this.citations++;
    this.previous = { stat, sentence };
    return unit === "sessions" && !derive ? stat : lastSessions;
  }
}

/** The countable units the synthetic metrics use, registered as db/registry/units.yaml would. */
const SYNTHETIC_UNITS = [
  { slug: "sessions", singular: "session", plural: "sessions", zh: "场直播", description: "Live-streaming sessions." },
  { slug: "users", singular: "user", plural: "users", zh: "名用户", description: "Users, counted as people." },
];
