/**
 * The rows of the registries: entities with their names and name keys, reports with their
 * authors and the reports they are based on, metrics with their units and relations, and the
 * units' names; each entity, report and metric also gets its row of the full-text index.
 */
import type Database from "better-sqlite3";
import { nameKey } from "../db/name-key.js";
import type { ReportLinks } from "../facts/producers.js";
import type { Model } from "./model.js";
import type { SearchWriter } from "./search-writer.js";
import { type RowIds, bool, idOf } from "./write-ids.js";

/** Inserts the entities, their names, and the keys of their names for the exact-name lookup. */
export function insertEntities(db: Database.Database, m: Model, ids: RowIds, search: SearchWriter): void {
  const insEntity = db.prepare(
    "INSERT INTO entity(id, slug, type, name, description, org_kind, website, operator_id, parent_id, part_of_id, start_date, end_date, file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
  );
  const insName = db.prepare("INSERT INTO entity_name(entity_id, lang, name, is_alias) VALUES (?,?,?,?)");
  const insNameKey = db.prepare("INSERT INTO entity_name_key(key, entity_id, search_rowid) VALUES (?,?,?)");
  for (const e of m.entities) {
    const eid = ids.entity.get(e.slug)!;
    insEntity.run(eid, e.slug, e.type, e.name, e.description, e.orgKind, e.website, idOf(ids.entity, e.operator), idOf(ids.entity, e.parent), idOf(ids.entity, e.partOf), e.start, e.end, e.file);
    for (const n of e.names) insName.run(eid, n.lang, n.name, bool(n.alias));
    const row = search.add("ENTITY", eid, [e.name, ...e.names.map((n) => n.name)].join(" · "), e.description);
    for (const key of new Set([e.name, ...e.names.map((n) => n.name)].map(nameKey))) insNameKey.run(key, eid, row);
  }
}

/**
 * Inserts the reports, their authors and what they are based on; returns each report's links
 * by row id, from which the producers of a figure are found.
 */
export function insertReports(db: Database.Database, m: Model, ids: RowIds, entityName: ReadonlyMap<string, string>, search: SearchWriter): Map<number, ReportLinks> {
  const insReport = db.prepare(
    "INSERT INTO report(id, slug, title, title_is_descriptive, original_title, original_language, kind, published_on, url, description, file) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
  );
  const insAuthor = db.prepare("INSERT INTO report_author(report_id, entity_id, position) VALUES (?,?,?)");
  const insBasedOn = db.prepare("INSERT INTO report_based_on(report_id, based_on_id, relation, inferred, note) VALUES (?,?,?,?,?)");
  const links = new Map<number, ReportLinks>();
  for (const r of m.reports) {
    const rid = ids.report.get(r.slug)!;
    insReport.run(rid, r.slug, r.title, bool(r.titleIsDescriptive), r.originalTitle, r.originalLanguage, r.kind, r.published, r.url, r.description, r.file);
    r.authors.forEach((a, i) => insAuthor.run(rid, ids.entity.get(a)!, i));
    for (const b of r.basedOn) insBasedOn.run(rid, ids.report.get(b.report)!, b.relation, bool(b.inferred), b.note);
    links.set(rid, {
      authors: r.authors.map((a) => ids.entity.get(a)!),
      basedOn: r.basedOn.map((b) => ({ reportId: ids.report.get(b.report)!, relation: b.relation, inferred: b.inferred })),
    });
    search.add("REPORT", rid, [r.title, r.originalTitle].filter(Boolean).join(" · "), [r.description, ...r.authors.map((a) => entityName.get(a))].join(" "));
  }
  return links;
}

/** Inserts the metrics with their units and relations, then every unit's names. */
export function insertMetrics(db: Database.Database, m: Model, ids: RowIds, search: SearchWriter): void {
  const insMetric = db.prepare("INSERT INTO metric(id, slug, name, description, quantity, file) VALUES (?,?,?,?,?,?)");
  const insUnit = db.prepare("INSERT INTO metric_unit(metric_id, unit) VALUES (?,?)");
  const insRelated = db.prepare("INSERT INTO metric_related(metric_id, related_id, relation, scale, offset, note) VALUES (?,?,?,?,?,?)");
  for (const x of m.metrics) {
    const mid = ids.metric.get(x.slug)!;
    insMetric.run(mid, x.slug, x.name, x.description, x.quantity, x.file);
    for (const u of x.units) insUnit.run(mid, u);
    for (const r of x.related) insRelated.run(mid, ids.metric.get(r.metric)!, r.relation, r.scale, r.offset, r.note);
    search.add("METRIC", mid, x.name, x.description);
  }
  const insUnitName = db.prepare("INSERT INTO unit(code, kind, singular, plural, symbol, zh, description) VALUES (?,?,?,?,?,?,?)");
  for (const u of m.units) insUnitName.run(u.code, u.kind, u.singular, u.plural, u.symbol, u.zh, u.description);
}
