import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import type { ProducerRef } from "../../facts/corroboration-citation.js";
import type { Comparator } from "../../facts/interval.js";
import { describeAmount } from "../../facts/number-format.js";
import {
  type ProvenanceCitation,
  type ProvenanceDerivation,
  type ProvenanceProducer,
  type ProvenanceReport,
  statisticProvenance as chains,
} from "../../facts/provenance.js";
import { Citation } from "../citation/citation.type.js";
import { loadAll, loadPresent } from "../common/load-all.js";
import { ProvenanceChain } from "./provenance-chain.type.js";
import { ProvenanceStep } from "./provenance-step.type.js";

/**
 * The provenance chains of a statistic, one per citation in citation order (`statisticProvenance`
 * of src/facts): the citations, their sources, the report graph behind the attributions, the
 * derivation's inputs, the intermediaries (`via`) and known echoes, and the entities named,
 * each read in one batched statement per page.
 */
export async function statisticProvenance(row: StatisticRow, ctx: RequestContext): Promise<ProvenanceChain[]> {
  const l = ctx.loaders;
  const [citations, graph, inputs] = await Promise.all([l.citationsByStatistic.load(row.id), l.reportGraph.load(row.id), l.derivationInputs.load(row.id)]);
  const [sources, via] = await Promise.all([loadAll(l.sourceById.loadMany(citations.map((c) => c.sourceId))), loadAll(l.citationVia.loadMany(citations.map((c) => c.id)))]);
  const refs: ProducerRef[] = [...via.flat(), ...citations.map((c) => ({ reportId: c.echoOfReportId, entityId: c.echoOfEntityId }))];
  const entityIds = [
    ...citations.flatMap((c) => (c.attributedEntityId === null ? [] : [c.attributedEntityId])),
    ...sources.flatMap((s) => (s?.publisherId == null ? [] : [s.publisherId])),
    ...refs.flatMap((r) => (r.entityId === null ? [] : [r.entityId])),
  ];
  const [entityRows, viaReports] = await Promise.all([
    loadPresent(l.entityById, entityIds),
    loadPresent(l.reportById, refs.flatMap((r) => (r.reportId === null || graph.reports.has(r.reportId) ? [] : [r.reportId]))),
  ]);
  const entities = new Map(entityRows.map((e) => [e.id, e]));
  const reportTitles = new Map([...graph.reports.values(), ...viaReports].map((r) => [r.id, r.title]));
  // A via item or echo as provenance names it; null when its row is missing.
  const producer = (r: ProducerRef): ProvenanceProducer | null => {
    if (r.reportId !== null) {
      const title = reportTitles.get(r.reportId);
      return title === undefined ? null : { type: "REPORT", id: r.reportId, name: title };
    }
    const e = r.entityId === null ? undefined : entities.get(r.entityId);
    return e ? { type: "ENTITY", id: e.id, name: e.name } : null;
  };

  const provenanceCitations: ProvenanceCitation[] = citations.map((c, i) => {
    const source = sources[i]!;
    const report = c.attributedReportId === null ? null : graph.reports.get(c.attributedReportId) ?? null;
    const entity = c.attributedEntityId === null ? null : entities.get(c.attributedEntityId) ?? null;
    return {
      source: {
        id: source.id,
        name: source.title ?? source.url,
        publisherName: source.publisherAsNamed ?? (source.publisherId === null ? null : entities.get(source.publisherId)?.name ?? null),
        published: source.published,
      },
      quote: c.quoteExact,
      archived: source.coverage !== "NONE",
      attribution: {
        report: report && { id: report.id, title: report.title },
        entity: entity && { id: entity.id, name: entity.name },
        inferred: c.attributionInferred === 1,
        asWritten: c.attributionAsWritten,
        note: c.attributionNote,
        via: via[i]!.flatMap((v) => producer(v) ?? []),
        echoOf: producer({ reportId: c.echoOfReportId, entityId: c.echoOfEntityId }),
        doubt: c.attributionDoubt,
      },
    };
  });
  const reports = new Map<number, ProvenanceReport>(
    [...graph.reports.values()].map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        authors: (graph.authors.get(r.id) ?? []).map((a) => ({ id: a.id, name: a.name })),
        basedOn: (graph.basedOn.get(r.id) ?? []).map((b) => ({ reportId: b.basedOnId, relation: b.relation, inferred: b.inferred === 1, note: b.note })),
      },
    ]),
  );
  const derivation: ProvenanceDerivation | null =
    row.kind === "DERIVED" && row.derivationFormula !== null
      ? {
          formula: row.derivationFormula,
          inputs: inputs.map((i) => ({
            name: i.inputName,
            statistic: { id: i.id, name: `${describeAmount(i.comparator as Comparator, i.amount, i.unit)}${i.periodLabel ? ` in ${i.periodLabel}` : ""}` },
          })),
        }
      : null;
  return chains(provenanceCitations, reports, derivation).map((steps, i) => new ProvenanceChain(new Citation(citations[i]!), steps.map((s) => new ProvenanceStep(s))));
}
