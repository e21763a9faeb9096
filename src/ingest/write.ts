import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { placeholders } from "../db/batch.js";
import type { SqlValue } from "../db/database.js";
import { nameKey } from "../db/name-key.js";
import { fromComparator } from "../facts/interval.js";
import { type ReportLinks, producerEntities } from "../facts/producers.js";
import type { AnchoredQuote } from "../facts/anchor.js";
import type { Model } from "./model.js";
import { PhaseTimer } from "./phases.js";
import { CONTENT_DIGEST_KEY, contentDigest } from "../db/integrity.js";
import { type SearchWriter, inlineSearchWriter, workerSearchWriter } from "./search-writer.js";

/** What the writer records about the build in the `meta` table. */
export interface BuildMeta {
  readonly dataVersion: string;
  readonly builtAt: string;
}

/** Counts of what a build wrote, for the one-line summary and the meta table. */
export interface BuildCounts {
  readonly sources: number;
  readonly statistics: number;
  readonly citations: number;
  readonly entities: number;
  readonly reports: number;
  readonly metrics: number;
}

/** How the writer works; the defaults suit every build. */
export interface WriteOptions {
  /**
   * Build the full-text index in a worker thread (see search-writer.ts): by default when the
   * model has at least SEARCH_WORKER_STATISTICS statistics, where it pays for the thread.
   */
  readonly searchInWorker?: boolean;
}

/** From this many statistics on, the full-text index is built by a worker thread. */
const SEARCH_WORKER_STATISTICS = 5000;

/**
 * Writes the model to a new SQLite file at `target`, atomically: everything goes to a
 * temporary file beside it, which replaces `target` only when complete. If anything fails,
 * the temporary file is removed and `target` is left exactly as it was.
 */
export function writeDatabase(model: Model, target: string, migrationsDir: string, meta: BuildMeta, timer = new PhaseTimer(), options: WriteOptions = {}): BuildCounts {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  let db: Database.Database | undefined;
  let search: SearchWriter | undefined;
  try {
    db = openForBuild(tmp);
    for (const f of readdirSync(migrationsDir).filter((n) => n.endsWith(".sql")).sort()) {
      db.exec(readFileSync(join(migrationsDir, f), "utf8"));
    }
    // Secondary indexes are dropped during the bulk insert and rebuilt after it: building an
    // index from sorted data is several times faster than updating it row by row.
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
    if (options.searchInWorker ?? model.statistics.length >= SEARCH_WORKER_STATISTICS) {
      const createSql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'").get() as { sql: string }).sql;
      search = workerSearchWriter(`${tmp}-search`, createSql);
    } else {
      search = inlineSearchWriter(db);
    }
    timer.end("create schema");
    const writer = search;
    const building = db;
    const counts = db.transaction(() => insertModel(building, model, writer))();
    timer.end("insert rows");
    // Index builds sort; SQLite sorts in runs of the cache's size and merges them, and with a
    // small cache the runs stay in the CPU's caches and are sorted by several threads.
    db.pragma("cache_size = -8000");
    db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    for (const ix of indexes) db.exec(ix.sql);
    db.pragma(`cache_size = ${BUILD_CACHE}`);
    timer.end("create indexes");
    const metaRows: [string, string][] = [
      ["data_version", meta.dataVersion],
      ["built_at", meta.builtAt],
      ["counts", JSON.stringify(counts)],
    ];
    const putMeta = db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    for (const row of metaRows) putMeta.run(...row);
    search.finish(db);
    search = undefined;
    timer.end("wait for and copy search index");
    // A fresh connection, so that FTS5 reads the index as it now is on disk.
    db.close();
    db = openForBuild(tmp);
    // Merges the index into one segment (already done by the worker, if it built it).
    db.exec("INSERT INTO search_index(search_index) VALUES ('optimize')");
    timer.end("optimize search index");
    db.exec("ANALYZE");
    timer.end("analyze");
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(fk.slice(0, 5))}`);
    timer.end("check foreign keys");
    // What the database serves, as built: open.ts refuses it if it changes afterwards.
    db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)").run(CONTENT_DIGEST_KEY, contentDigest(db));
    timer.end("content digest");
    db.close();
    // The build writes without syncing; the file must be on disk before it replaces the old
    // one, and the rename itself (the directory) after, or a crash could leave a torn file.
    syncFile(tmp);
    renameSync(tmp, target);
    syncFile(dirname(target));
    timer.end("close and rename");
    return counts;
  } catch (e) {
    search?.abort();
    if (db?.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
}

const BUILD_CACHE = -200000;

/** fsync of a file or a directory (directories cannot be synced everywhere: then it is skipped). */
function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch (e) {
    if (!statSync(path).isDirectory()) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A connection for building: no journal, no syncing (the file is renamed into place only when complete). */
function openForBuild(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma(`cache_size = ${BUILD_CACHE}`);
  // References are checked once, over the whole database, by foreign_key_check (the
  // validation has already resolved every one); checking each row as it is inserted costs a
  // lookup per reference per row.
  db.pragma("foreign_keys = OFF");
  return db;
}

function insertModel(db: Database.Database, m: Model, search: SearchWriter): BuildCounts {
  const entityId = new Map(m.entities.map((e, i) => [e.slug, i + 1]));
  const reportId = new Map(m.reports.map((r, i) => [r.slug, i + 1]));
  const metricId = new Map(m.metrics.map((x, i) => [x.slug, i + 1]));
  const sourceId = new Map(m.sources.map((s, i) => [s.slug, i + 1]));
  const statisticId = new Map(m.statistics.map((s, i) => [s.slug, i + 1]));
  const id = (map: Map<string, number>, slug: string | null) => (slug === null ? null : map.get(slug)!);
  const bool = (b: boolean) => (b ? 1 : 0);

  const insEntity = db.prepare(
    "INSERT INTO entity(id, slug, type, name, description, org_kind, website, operator_id, parent_id, part_of_id, start_date, end_date, file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
  );
  const insName = db.prepare("INSERT INTO entity_name(entity_id, lang, name, is_alias) VALUES (?,?,?,?)");
  const insNameKey = db.prepare("INSERT INTO entity_name_key(key, entity_id, search_rowid) VALUES (?,?,?)");
  for (const e of m.entities) {
    const eid = entityId.get(e.slug)!;
    insEntity.run(eid, e.slug, e.type, e.name, e.description, e.orgKind, e.website, id(entityId, e.operator), id(entityId, e.parent), id(entityId, e.partOf), e.start, e.end, e.file);
    for (const n of e.names) insName.run(eid, n.lang, n.name, bool(n.alias));
    const row = search.add("ENTITY", eid, [e.name, ...e.names.map((n) => n.name)].join(" · "), e.description);
    for (const key of new Set([e.name, ...e.names.map((n) => n.name)].map(nameKey))) insNameKey.run(key, eid, row);
  }

  const insReport = db.prepare(
    "INSERT INTO report(id, slug, title, title_is_descriptive, original_title, original_language, kind, published_on, url, description, file) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
  );
  const insAuthor = db.prepare("INSERT INTO report_author(report_id, entity_id, position) VALUES (?,?,?)");
  const insBasedOn = db.prepare("INSERT INTO report_based_on(report_id, based_on_id, relation, inferred, note) VALUES (?,?,?,?,?)");
  const links = new Map<number, ReportLinks>();
  const entityName = new Map(m.entities.map((e) => [e.slug, e.name]));
  for (const r of m.reports) {
    const rid = reportId.get(r.slug)!;
    insReport.run(rid, r.slug, r.title, bool(r.titleIsDescriptive), r.originalTitle, r.originalLanguage, r.kind, r.published, r.url, r.description, r.file);
    r.authors.forEach((a, i) => insAuthor.run(rid, entityId.get(a)!, i));
    for (const b of r.basedOn) insBasedOn.run(rid, reportId.get(b.report)!, b.relation, bool(b.inferred), b.note);
    links.set(rid, {
      authors: r.authors.map((a) => entityId.get(a)!),
      basedOn: r.basedOn.map((b) => ({ reportId: reportId.get(b.report)!, relation: b.relation, inferred: b.inferred })),
    });
    search.add("REPORT", rid, [r.title, r.originalTitle].filter(Boolean).join(" · "), [r.description, ...r.authors.map((a) => entityName.get(a))].join(" "));
  }

  const insMetric = db.prepare("INSERT INTO metric(id, slug, name, description, quantity, file) VALUES (?,?,?,?,?,?)");
  const insUnit = db.prepare("INSERT INTO metric_unit(metric_id, unit) VALUES (?,?)");
  const insRelated = db.prepare("INSERT INTO metric_related(metric_id, related_id, relation, scale, offset, note) VALUES (?,?,?,?,?,?)");
  for (const x of m.metrics) {
    const mid = metricId.get(x.slug)!;
    insMetric.run(mid, x.slug, x.name, x.description, x.quantity, x.file);
    for (const u of x.units) insUnit.run(mid, u);
    for (const r of x.related) insRelated.run(mid, metricId.get(r.metric)!, r.relation, r.scale, r.offset, r.note);
    search.add("METRIC", mid, x.name, x.description);
  }
  const insUnitName = db.prepare("INSERT INTO unit(code, kind, singular, plural, symbol, zh, description) VALUES (?,?,?,?,?,?,?)");
  for (const u of m.units) insUnitName.run(u.code, u.kind, u.singular, u.plural, u.symbol, u.zh, u.description);

  const insSource = db.prepare(
    `INSERT INTO source(id, slug, title, title_is_descriptive, url, url_status, publisher_id, publisher_as_named, published_on, language, kind,
       coverage, archive_text, sha256, length, retrieved_at, note, file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insSourceAuthor = db.prepare("INSERT INTO source_author(source_id, entity_id, position) VALUES (?,?,?)");
  const published = new Map<string, string | null>();
  const sha256 = new Map<string, string | null>();
  for (const s of m.sources) {
    const sid = sourceId.get(s.slug)!;
    insSource.run(sid, s.slug, s.title, bool(s.titleIsDescriptive), s.url, s.urlStatus, id(entityId, s.publisher), s.publisherAsNamed, s.published, s.language, s.kind,
      s.coverage, s.archiveText, s.sha256, s.length, s.retrieved, s.note, s.file);
    s.authors.forEach((a, i) => insSourceAuthor.run(sid, entityId.get(a)!, i));
    published.set(s.slug, s.published);
    sha256.set(s.slug, s.sha256);
    const by = [s.publisher && entityName.get(s.publisher), s.publisherAsNamed, ...s.authors.map((a) => entityName.get(a))].filter(Boolean).join(" ");
    search.add("SOURCE", sid, s.title ?? s.slug, [by, s.note, s.archiveText].filter(Boolean).join("\n"));
  }

  const insStat = new BatchedInsert(
    db,
    `INSERT INTO statistic(id, slug, metric_id, subject_id, event_id, kind, amount, unit, comparator, lower_bound, lower_closed, upper_bound, upper_closed,
       value_as_written, period_start, period_end, period_label, period_days, period_as_written, period_resolution, derivation_formula, note,
       first_published, has_verified_quote, precision, subject_set) VALUES`,
    26,
    rowsPerStatement(search, 16),
  );
  const insSubject = new BatchedInsert(db, "INSERT INTO statistic_subject(entity_id, statistic_id, position) VALUES", 3, rowsPerStatement(search, 64));
  const insInput = db.prepare("INSERT INTO derivation_input(statistic_id, name, input_id, position) VALUES (?,?,?,?)");
  const insCitation = db.prepare(
    `INSERT INTO citation(slug, statistic_id, source_id, key, position, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end,
       value_as_written, period_as_written, period_inferred, attribution_as_written, attributed_report_id, attributed_entity_id,
       attribution_inferred, attribution_note, verified, verification_note, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  // What the editors record on an attribution beyond whom it credits (migration 007): rare, so
  // written only for the citations that have it, after the citation's own row.
  const setEcho = db.prepare("UPDATE citation SET echo_of_report_id = ?, echo_of_entity_id = ?, attribution_doubt = ? WHERE id = ?");
  const insVia = db.prepare("INSERT INTO citation_via(citation_id, position, report_id, entity_id) VALUES (?,?,?,?)");
  const refIds = (r: { kind: "report" | "entity"; slug: string } | null) =>
    r === null ? [null, null] : r.kind === "report" ? [reportId.get(r.slug)!, null] : [null, entityId.get(r.slug)!];
  const insProducer = new BatchedInsert(db, "INSERT INTO statistic_producer(statistic_id, entity_id) VALUES", 2, rowsPerStatement(search, 64));
  const metricName = new Map(m.metrics.map((x) => [x.slug, x.name]));
  // Producers depend only on the attribution; a million citations share a few thousand.
  const producersOf = new Map<string, number[]>();
  const attributionProducers = (report: string | null, entity: string | null): number[] => {
    const key = report !== null ? `r:${report}` : `e:${entity}`;
    let found = producersOf.get(key);
    if (!found) producersOf.set(key, (found = producerEntities({ reportId: id(reportId, report), entityId: id(entityId, entity) }, links)));
    return found;
  };
  const producers = new Set<number>();
  let citations = 0;
  // One pass per statistic over its citations computes what the rows need (the first value and
  // period as written, the earliest publication date, whether any quote verified, the search
  // text) without building intermediate arrays: this loop runs a million times at scale.
  for (let i = 0; i < m.statistics.length; i++) {
    const s = m.statistics[i]!;
    const sid = i + 1;
    let valueAsWritten: string | null = null;
    let periodAsWritten: string | null = null;
    let periodResolution: string | null = null;
    let earliest: string | null = null;
    let verified = false;
    let quotes = "";
    let notes = "";
    for (const c of s.citations) {
      if (valueAsWritten === null) valueAsWritten = c.valueAsWritten;
      if (periodAsWritten === null) periodAsWritten = c.periodAsWritten;
      if (periodResolution === null) periodResolution = c.periodResolution;
      const date = published.get(c.source);
      if (date && (earliest === null || date < earliest)) earliest = date;
      if (c.verified) verified = true;
      if (c.quote?.exact) quotes = quotes === "" ? c.quote.exact : `${quotes}\n${c.quote.exact}`;
      if (c.note) notes = notes === "" ? c.note : `${notes}\n${c.note}`;
    }
    const interval = fromComparator(s.comparator, s.amount, s.upper);
    insStat.add(sid, s.slug, metricId.get(s.metric)!, entityId.get(s.subject)!, id(entityId, s.event), s.kind, s.amount, s.unit, s.comparator,
      finite(interval.lo), bool(!interval.loOpen), finite(interval.hi), bool(!interval.hiOpen),
      valueAsWritten, s.period?.start ?? null, s.period?.end ?? null, s.period?.label ?? null, s.period?.days ?? null,
      periodAsWritten, periodResolution, s.derivation?.formula ?? null, s.note,
      earliest, bool(verified), s.precision, s.subjects.length > 1 ? s.subjects.map((x) => entityId.get(x)!).join(",") : null);
    s.subjects.forEach((subject, position) => insSubject.add(entityId.get(subject)!, sid, position));
    s.derivation?.inputs.forEach((input, i) => insInput.run(sid, input.name, statisticId.get(input.statistic)!, i));
    producers.clear();
    for (const c of s.citations) {
      const a = c.attribution;
      const q = c.quote;
      const row = insCitation.run(`${c.source}.${c.key}`, sid, sourceId.get(c.source)!, c.key, c.position, q?.exact ?? null, q?.prefix ?? null, q?.suffix ?? null,
        q?.start ?? null, q?.end ?? null, c.valueAsWritten, c.periodAsWritten, bool(c.periodInferred), a?.asWritten ?? null,
        id(reportId, a?.report ?? null), id(entityId, a?.entity ?? null), bool(a?.inferred ?? false), a?.note ?? null,
        bool(c.verified), verificationNote(q, sha256.get(c.source)!), c.note);
      if (a && (a.echoOf !== null || a.doubt !== null)) setEcho.run(...refIds(a.echoOf), a.doubt, row.lastInsertRowid);
      if (a && a.via.length > 0) a.via.forEach((v, i) => insVia.run(row.lastInsertRowid, i, ...refIds(v)));
      citations++;
      if (a) for (const p of attributionProducers(a.report, a.entity)) producers.add(p);
    }
    if (producers.size === 1) for (const p of producers) insProducer.add(sid, p);
    else if (producers.size > 1) for (const p of [...producers].sort((x, y) => x - y)) insProducer.add(sid, p);
    // The search text: non-empty parts joined, as [a, b, c].filter(Boolean).join(sep) would.
    const title = joinPresent(joinPresent(metricName.get(s.metric), entityName.get(s.subject), " · "), s.period?.label, " · ");
    const body = joinPresent(joinPresent(joinPresent(valueAsWritten, quotes, "\n"), s.note, "\n"), notes, "\n");
    search.add("STATISTIC", sid, title, body);
  }
  insStat.flush();
  insSubject.flush();
  insProducer.flush();
  return {
    sources: m.sources.length,
    statistics: m.statistics.length,
    citations,
    entities: m.entities.length,
    reports: m.reports.length,
    metrics: m.metrics.length,
  };
}

/**
 * Inserts rows several at a time, with one multi-row INSERT per `perStatement` rows (the rest
 * one by one at `flush`): the same rows in the same order, with a fraction of the calls into
 * SQLite and of its per-statement work, which count at a million rows.
 */
class BatchedInsert {
  private readonly values: SqlValue[] = [];
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(
    db: Database.Database,
    /** `INSERT INTO table(columns) VALUES`, without the placeholders. */
    head: string,
    private readonly columns: number,
    private readonly perStatement: number,
  ) {
    const row = `(${placeholders(columns)})`;
    this.many = db.prepare(`${head} ${Array.from({ length: perStatement }, () => row).join(",")}`);
    this.one = db.prepare(`${head} ${row}`);
  }

  add(...row: SqlValue[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === this.columns * this.perStatement) {
      this.many.run(...this.values);
      this.values.length = 0;
    }
  }

  /** Inserts the rows still waiting. */
  flush(): void {
    for (let i = 0; i < this.values.length; i += this.columns) this.one.run(...this.values.slice(i, i + this.columns));
    this.values.length = 0;
  }
}

/**
 * Rows per INSERT. A multi-row INSERT runs in a statement savepoint, at which FTS5 writes out
 * the index entries it buffers: on the connection that also fills search_index, that would cut
 * the index into many small segments (a different index, slower to build), so rows go one at
 * a time there.
 */
function rowsPerStatement(search: SearchWriter, rows: number): number {
  return search.separate ? rows : 1;
}

/**
 * Why a citation verified when the database was built: the quote's position and the archive's
 * digest, or that the source's text is not archived (then there is no quote).
 */
function verificationNote(quote: AnchoredQuote | null, sha256: string | null): string {
  return quote
    ? `The quote occurs at code points ${quote.start}–${quote.end} of the archived text, whose SHA-256 is ${sha256}.`
    : "Not verifiable: the source's text is not archived here (coverage NONE), so the figure is cited at the level of the document's URL.";
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** `a` and `b` joined by `sep`, leaving out whichever is null, undefined or empty. */
function joinPresent(a: string | null | undefined, b: string | null | undefined, sep: string): string {
  if (!a) return b || "";
  return b ? `${a}${sep}${b}` : a;
}
