import type Database from "better-sqlite3";
import type { AnchoredQuote } from "../facts/anchor.js";
import { type ReportLinks, producerEntities } from "../facts/producers.js";
import type { ProducerRefRec, StatisticRec } from "./model.js";
import { type RowIds, bool, idOf } from "./write-ids.js";
import type { SourceFacts } from "./write-sources.js";

/**
 * The rows of citations: one per citation, with its quote, words as written and attribution;
 * the rarer echo, doubt and intermediaries of an attribution; and, for the statistic, the
 * entities that produced the figure as its citations attribute it.
 */
export class CitationRows {
  /** Citations inserted so far. */
  count = 0;
  private readonly insCitation: Database.Statement;
  // What the editors record on an attribution beyond whom it credits (migration 007): rare, so
  // written only for the citations that have it, after the citation's own row.
  private readonly setEcho: Database.Statement;
  private readonly insVia: Database.Statement;
  /** Producers depend only on the attribution; a million citations share a few thousand. */
  private readonly producersOf = new Map<string, number[]>();

  constructor(
    db: Database.Database,
    private readonly ids: RowIds,
    private readonly links: ReadonlyMap<number, ReportLinks>,
    private readonly sources: SourceFacts,
  ) {
    this.insCitation = db.prepare(
      `INSERT INTO citation(slug, statistic_id, source_id, key, position, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end,
         value_as_written, period_as_written, period_inferred, attribution_as_written, attributed_report_id, attributed_entity_id,
         attribution_inferred, attribution_note, verified, verification_note, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    this.setEcho = db.prepare("UPDATE citation SET echo_of_report_id = ?, echo_of_entity_id = ?, attribution_doubt = ? WHERE id = ?");
    this.insVia = db.prepare("INSERT INTO citation_via(citation_id, position, report_id, entity_id) VALUES (?,?,?,?)");
  }

  /** Inserts the citations of statistic `s` (row id `sid`), adding the entities they credit with producing it to `producers`. */
  insert(s: StatisticRec, sid: number, producers: Set<number>): void {
    const { ids } = this;
    for (const c of s.citations) {
      const a = c.attribution;
      const q = c.quote;
      const row = this.insCitation.run(`${c.source}.${c.key}`, sid, ids.source.get(c.source)!, c.key, c.position, q?.exact ?? null, q?.prefix ?? null, q?.suffix ?? null,
        q?.start ?? null, q?.end ?? null, c.valueAsWritten, c.periodAsWritten, bool(c.periodInferred), a?.asWritten ?? null,
        idOf(ids.report, a?.report ?? null), idOf(ids.entity, a?.entity ?? null), bool(a?.inferred ?? false), a?.note ?? null,
        bool(c.verified), verificationNote(q, this.sources.sha256.get(c.source)!), c.note);
      if (a && (a.echoOf !== null || a.doubt !== null)) this.setEcho.run(...this.refIds(a.echoOf), a.doubt, row.lastInsertRowid);
      if (a && a.via.length > 0) a.via.forEach((v, i) => this.insVia.run(row.lastInsertRowid, i, ...this.refIds(v)));
      this.count++;
      if (a) for (const p of this.attributionProducers(a.report, a.entity)) producers.add(p);
    }
  }

  /** A report or entity as the two columns (report id, entity id) that name it. */
  private refIds(r: ProducerRefRec | null): [number | null, number | null] {
    return r === null ? [null, null] : r.kind === "report" ? [this.ids.report.get(r.slug)!, null] : [null, this.ids.entity.get(r.slug)!];
  }

  /** The entities that produced a figure attributed to a report or an entity. */
  private attributionProducers(report: string | null, entity: string | null): number[] {
    const key = report !== null ? `r:${report}` : `e:${entity}`;
    let found = this.producersOf.get(key);
    if (!found) this.producersOf.set(key, (found = producerEntities({ reportId: idOf(this.ids.report, report), entityId: idOf(this.ids.entity, entity) }, this.links)));
    return found;
  }
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
