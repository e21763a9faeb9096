import type Database from "better-sqlite3";
import { fromComparator } from "../facts/interval.js";
import type { ReportLinks } from "../facts/producers.js";
import { BatchedInsert, rowsPerStatement } from "./batched-insert.js";
import type { CitationRec, Model, StatisticRec } from "./model.js";
import type { SearchWriter } from "./search-writer.js";
import { CitationRows } from "./write-citations.js";
import { type RowIds, bool, idOf } from "./write-ids.js";
import type { SourceFacts } from "./write-sources.js";

/** What the rows of statistics read besides the model and the row ids. */
export interface StatisticContext {
  readonly ids: RowIds;
  /** Names by slug, for the search text. */
  readonly entityName: ReadonlyMap<string, string>;
  readonly metricName: ReadonlyMap<string, string>;
  readonly sources: SourceFacts;
  /** Each report's links by row id, to find the producers of a figure. */
  readonly links: ReadonlyMap<number, ReportLinks>;
  readonly search: SearchWriter;
}

/**
 * Inserts the statistics with their subjects, derivation inputs, citations and producers, and
 * each one's row of the full-text index; returns the number of citations inserted.
 */
export function insertStatistics(db: Database.Database, m: Model, ctx: StatisticContext): number {
  const rows = new StatisticRows(db, ctx.ids, ctx.search);
  const citations = new CitationRows(db, ctx.ids, ctx.links, ctx.sources);
  const summary = new CitationSummary();
  const producers = new Set<number>();
  for (let i = 0; i < m.statistics.length; i++) {
    const s = m.statistics[i]!;
    const sid = i + 1;
    summary.read(s.citations, ctx.sources.published);
    rows.statistic(s, sid, summary);
    producers.clear();
    citations.insert(s, sid, producers);
    rows.producers(sid, producers);
    // The search text: non-empty parts joined, as [a, b, c].filter(Boolean).join(sep) would.
    const title = joinPresent(joinPresent(ctx.metricName.get(s.metric), ctx.entityName.get(s.subject), " · "), s.period?.label, " · ");
    const body = joinPresent(joinPresent(joinPresent(summary.valueAsWritten, summary.quotes, "\n"), s.note, "\n"), summary.notes, "\n");
    ctx.search.add("STATISTIC", sid, title, body);
  }
  rows.flush();
  return citations.count;
}

/**
 * What a statistic's row takes from its citations: the first value, period and resolution as
 * written, the earliest publication date, whether any quote verified, and the quotes and notes
 * for the search text. One object read again for each statistic, in one pass over its
 * citations without intermediate arrays: this runs a million times at scale.
 */
class CitationSummary {
  valueAsWritten: string | null = null;
  periodAsWritten: string | null = null;
  periodResolution: string | null = null;
  earliest: string | null = null;
  verified = false;
  quotes = "";
  notes = "";

  /** Reads a statistic's citations (`published`: each source's publication date by slug). */
  read(citations: readonly CitationRec[], published: ReadonlyMap<string, string | null>): void {
    this.valueAsWritten = this.periodAsWritten = this.periodResolution = this.earliest = null;
    this.verified = false;
    this.quotes = this.notes = "";
    for (const c of citations) {
      if (this.valueAsWritten === null) this.valueAsWritten = c.valueAsWritten;
      if (this.periodAsWritten === null) this.periodAsWritten = c.periodAsWritten;
      if (this.periodResolution === null) this.periodResolution = c.periodResolution;
      const date = published.get(c.source);
      if (date && (this.earliest === null || date < this.earliest)) this.earliest = date;
      if (c.verified) this.verified = true;
      if (c.quote?.exact) this.quotes = this.quotes === "" ? c.quote.exact : `${this.quotes}\n${c.quote.exact}`;
      if (c.note) this.notes = this.notes === "" ? c.note : `${this.notes}\n${c.note}`;
    }
  }
}

/** The rows of a statistic itself: the statistic, its subjects, its derivation inputs and its producers. */
class StatisticRows {
  private readonly insStat: BatchedInsert;
  private readonly insSubject: BatchedInsert;
  private readonly insInput: Database.Statement;
  private readonly insProducer: BatchedInsert;

  constructor(
    db: Database.Database,
    private readonly ids: RowIds,
    search: SearchWriter,
  ) {
    this.insStat = new BatchedInsert(
      db,
      `INSERT INTO statistic(id, slug, metric_id, subject_id, event_id, kind, amount, unit, comparator, lower_bound, lower_closed, upper_bound, upper_closed,
         value_as_written, period_start, period_end, period_label, period_days, period_as_written, period_resolution, derivation_formula, note,
         first_published, has_verified_quote, precision, subject_set) VALUES`,
      26,
      rowsPerStatement(search, 16),
    );
    this.insSubject = new BatchedInsert(db, "INSERT INTO statistic_subject(entity_id, statistic_id, position) VALUES", 3, rowsPerStatement(search, 64));
    this.insInput = db.prepare("INSERT INTO derivation_input(statistic_id, name, input_id, position) VALUES (?,?,?,?)");
    this.insProducer = new BatchedInsert(db, "INSERT INTO statistic_producer(statistic_id, entity_id) VALUES", 2, rowsPerStatement(search, 64));
  }

  /** The statistic's row (with what `c` read of its citations), its subjects and its derivation inputs. */
  statistic(s: StatisticRec, sid: number, c: CitationSummary): void {
    const { entity, metric, statistic } = this.ids;
    const interval = fromComparator(s.comparator, s.amount, s.upper);
    this.insStat.add(sid, s.slug, metric.get(s.metric)!, entity.get(s.subject)!, idOf(entity, s.event), s.kind, s.amount, s.unit, s.comparator,
      finite(interval.lo), bool(!interval.loOpen), finite(interval.hi), bool(!interval.hiOpen),
      c.valueAsWritten, s.period?.start ?? null, s.period?.end ?? null, s.period?.label ?? null, s.period?.days ?? null,
      c.periodAsWritten, c.periodResolution, s.derivation?.formula ?? null, s.note,
      c.earliest, bool(c.verified), s.precision, s.subjects.length > 1 ? s.subjects.map((x) => entity.get(x)!).join(",") : null);
    s.subjects.forEach((subject, position) => this.insSubject.add(entity.get(subject)!, sid, position));
    s.derivation?.inputs.forEach((input, i) => this.insInput.run(sid, input.name, statistic.get(input.statistic)!, i));
  }

  /** The entities that produced statistic `sid`, in id order. */
  producers(sid: number, producers: ReadonlySet<number>): void {
    if (producers.size === 1) for (const p of producers) this.insProducer.add(sid, p);
    else if (producers.size > 1) for (const p of [...producers].sort((x, y) => x - y)) this.insProducer.add(sid, p);
  }

  /** Inserts the rows still waiting in the batches. */
  flush(): void {
    this.insStat.flush();
    this.insSubject.flush();
    this.insProducer.flush();
  }
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** `a` and `b` joined by `sep`, leaving out whichever is null, undefined or empty. */
function joinPresent(a: string | null | undefined, b: string | null | undefined, sep: string): string {
  if (!a) return b || "";
  return b ? `${a}${sep}${b}` : a;
}
