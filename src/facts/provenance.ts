/**
 * The provenance chain of a figure: the path from where it was read to who produced it, as
 * ordered steps a reader can follow and check.
 *
 *   QUOTED_IN_SOURCE (or CITED_IN_SOURCE when no archived passage is quoted)
 *   → DERIVED_FROM (derived statistics: the formula and its input statistics)
 *   → RELAYED_BY hops (the attribution's `via`: intermediaries such as a wire agency that
 *     passed the figure on between the source and the producer, in order)
 *   → ATTRIBUTED_TO_REPORT or ATTRIBUTED_TO_ENTITY, or NO_ATTRIBUTION_STATED
 *   → REPUBLISHES hops (a report passing on another's figures, followed to the original)
 *   → USES_DATA hops of the producing report (whose data it computed from; provenance only,
 *     the producer stays the report)
 *   → AUTHORED_BY (the producing report's authors)
 *   → ECHOES (the editors know the credited producer copied another's figure), then that
 *     producer's REPUBLISHES, USES_DATA and AUTHORED_BY hops when it is a report
 *
 * Every step says whether the source (or the bibliographic record) states it, or whether it
 * is an editor's inference (`stated: false`). An unattributed figure ends with
 * NO_ATTRIBUTION_STATED: the chain never invents a producer. The editors' doubt about an
 * attribution is said in the attribution step.
 */
import type { Key } from "./key.js";
import type { BasedOnRelation } from "./producers.js";
import { joinNames, stripPeriod } from "./prose.js";

/** The kinds of step a chain is made of. */
export type ProvenanceStepKind =
  | "QUOTED_IN_SOURCE"
  | "CITED_IN_SOURCE"
  | "DERIVED_FROM"
  | "RELAYED_BY"
  | "ATTRIBUTED_TO_REPORT"
  | "ATTRIBUTED_TO_ENTITY"
  | "NO_ATTRIBUTION_STATED"
  | "REPUBLISHES"
  | "USES_DATA"
  | "AUTHORED_BY"
  | "ECHOES";

/** A thing a step is about, for the API to link to. */
export interface ProvenanceRef {
  readonly type: "SOURCE" | "REPORT" | "ENTITY" | "STATISTIC";
  readonly id: Key;
  readonly name: string;
}

/** One step of a chain. */
export interface ProvenanceStep {
  readonly kind: ProvenanceStepKind;
  /** False when the step is an editor's inference rather than the source's (or record's) words. */
  readonly stated: boolean;
  readonly description: string;
  /** What the step connects, in reading order (e.g. the republishing report, then the original). */
  readonly subjects: readonly ProvenanceRef[];
}

/** One citation of a statistic, with the names the descriptions need. */
export interface ProvenanceCitation {
  readonly source: {
    readonly id: Key;
    /** The source's title, or its URL when it has none. */
    readonly name: string;
    readonly publisherName: string | null;
    /** Publication date as recorded (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
    readonly published: string | null;
  };
  /** The quoted passage, or null when the figure is cited at the level of the document. */
  readonly quote: string | null;
  /** Whether the source's text is archived, so the quote can be checked against it. */
  readonly archived: boolean;
  readonly attribution: {
    readonly report: { readonly id: number; readonly title: string } | null;
    readonly entity: { readonly id: number; readonly name: string } | null;
    readonly inferred: boolean;
    /** The source's own words of attribution, e.g. "Data from China’s Ministry of Commerce shows". */
    readonly asWritten: string | null;
    /** The editors' note on the attribution (why it was inferred). */
    readonly note: string | null;
    /** Intermediaries between the source and the producer, in order from the source (none when absent). */
    readonly via?: readonly ProvenanceProducer[];
    /** The report or entity whose figure the credited producer is known to have copied. */
    readonly echoOf?: ProvenanceProducer | null;
    /** The editors' doubt about the attribution. */
    readonly doubt?: string | null;
  };
}

/** A report (named by its title) or an entity (by its name) in an attribution's `via` or `echoOf`. */
export interface ProvenanceProducer {
  readonly type: "REPORT" | "ENTITY";
  readonly id: number;
  readonly name: string;
}

/** A report with its authors and the reports it is based on. */
export interface ProvenanceReport {
  readonly id: number;
  readonly title: string;
  readonly authors: readonly { readonly id: number; readonly name: string }[];
  readonly basedOn: readonly {
    readonly reportId: number;
    readonly relation: BasedOnRelation;
    readonly inferred: boolean;
    readonly note: string | null;
  }[];
}

/** The derivation of a derived statistic: its formula and named input statistics. */
export interface ProvenanceDerivation {
  readonly formula: string;
  readonly inputs: readonly { readonly name: string; readonly statistic: { readonly id: Key; readonly name: string } }[];
}

/** The chain of one citation, from the source read to the producer. */
export function citationProvenance(
  citation: ProvenanceCitation,
  reports: ReadonlyMap<number, ProvenanceReport>,
  derivation: ProvenanceDerivation | null = null,
): ProvenanceStep[] {
  const steps: ProvenanceStep[] = [sourceStep(citation)];
  if (derivation) steps.push(derivedStep(derivation));
  const { report, entity, inferred } = citation.attribution;
  if (report || entity) steps.push(...relaySteps(citation.attribution.via ?? [], inferred));
  if (entity) {
    steps.push({
      kind: "ATTRIBUTED_TO_ENTITY",
      stated: !inferred,
      description: attributionWords(entity.name, citation),
      subjects: [{ type: "ENTITY", id: entity.id, name: entity.name }],
    });
  } else if (report) {
    steps.push({
      kind: "ATTRIBUTED_TO_REPORT",
      stated: !inferred,
      description: attributionWords(`"${report.title}"`, citation),
      subjects: [{ type: "REPORT", id: report.id, name: report.title }],
    });
    steps.push(...reportSteps(report.id, reports, new Set()));
  }
  const echoed = citation.attribution.echoOf ?? null;
  if (echoed && (report || entity)) {
    const credited: ProvenanceProducer = entity ? { type: "ENTITY", ...entity } : { type: "REPORT", id: report!.id, name: report!.title };
    steps.push({
      kind: "ECHOES",
      stated: false,
      description: `the editors record that the figure credited to ${label(credited)} is copied from ${label(echoed)}, not measured anew`,
      subjects: [credited, echoed],
    });
    if (echoed.type === "REPORT") steps.push(...reportSteps(echoed.id, reports, new Set()));
  }
  if (!report && !entity) {
    steps.push({
      kind: "NO_ATTRIBUTION_STATED",
      stated: true,
      description: "no attribution stated: the source names no producer for this figure",
      subjects: [],
    });
  }
  return steps;
}

/** The chains of all a statistic's citations, in citation order. */
export function statisticProvenance(
  citations: readonly ProvenanceCitation[],
  reports: ReadonlyMap<number, ProvenanceReport>,
  derivation: ProvenanceDerivation | null = null,
): ProvenanceStep[][] {
  return citations.map((c) => citationProvenance(c, reports, derivation));
}

function sourceStep(c: ProvenanceCitation): ProvenanceStep {
  const where = `"${c.source.name}"${sourceDetails(c.source)}`;
  const subjects: ProvenanceRef[] = [{ type: "SOURCE", id: c.source.id, name: c.source.name }];
  if (c.quote !== null && c.archived) {
    return { kind: "QUOTED_IN_SOURCE", stated: true, description: `quoted in ${where}: "${c.quote}"`, subjects };
  }
  return { kind: "CITED_IN_SOURCE", stated: true, description: `stated in ${where}; no archived passage is quoted`, subjects };
}

function sourceDetails(s: ProvenanceCitation["source"]): string {
  const parts = [s.publisherName, s.published].filter((p): p is string => p !== null && p !== "");
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function derivedStep(d: ProvenanceDerivation): ProvenanceStep {
  const inputs = d.inputs.map((i) => `${i.name} = "${i.statistic.name}"`).join(", ");
  return {
    kind: "DERIVED_FROM",
    stated: true,
    description: `derived as ${d.formula} from ${inputs || "no recorded input"}`,
    subjects: d.inputs.map((i) => ({ type: "STATISTIC", id: i.statistic.id, name: i.statistic.name })),
  };
}

function attributionWords(producer: string, c: ProvenanceCitation): string {
  const { inferred, asWritten, note, doubt } = c.attribution;
  const doubted = doubt ? `; the editors doubt this attribution: ${stripPeriod(doubt)}` : "";
  if (!inferred) return `the source attributes the figure to ${producer}${asWritten ? `: "${asWritten}"` : ""}${doubted}`;
  return `the editors attribute the figure to ${producer}; the source does not say so${note ? ` (${stripPeriod(note)})` : ""}${doubted}`;
}

/** A report by its title in quotes, an entity by its name. */
function label(p: ProvenanceProducer): string {
  return p.type === "REPORT" ? `"${p.name}"` : p.name;
}

/** The intermediaries of an attribution, each passing the figure on from the next. */
function relaySteps(via: readonly ProvenanceProducer[], inferred: boolean): ProvenanceStep[] {
  return via.map((v, i) => {
    const previous = i === 0 ? null : via[i - 1]!;
    return {
      kind: "RELAYED_BY",
      stated: !inferred,
      description: `${previous ? label(previous) : "the source"} has the figure from ${label(v)}, which passes it on`,
      subjects: previous ? [previous, v] : [v],
    };
  });
}

/**
 * The hops below an attributed report: REPUBLISHES links are followed to the reports that
 * produced the figure; at a producing report, its USES_DATA links and its authors. Cycles stop.
 */
function reportSteps(reportId: number, reports: ReadonlyMap<number, ProvenanceReport>, seen: Set<number>): ProvenanceStep[] {
  const r = reports.get(reportId);
  if (!r || seen.has(reportId)) return [];
  seen.add(reportId);
  const ref = (x: ProvenanceReport): ProvenanceRef => ({ type: "REPORT", id: x.id, name: x.title });
  const inference = (inferred: boolean) => (inferred ? " (an editor's inference)" : "");
  const notes = (note: string | null) => (note ? `: ${stripPeriod(note)}` : "");
  const steps: ProvenanceStep[] = [];
  const republished = r.basedOn.filter((b) => b.relation === "REPUBLISHES");
  if (republished.length > 0) {
    for (const b of republished) {
      const original = reports.get(b.reportId);
      if (!original) continue;
      steps.push({
        kind: "REPUBLISHES",
        stated: !b.inferred,
        description: `"${r.title}" republishes the figures of "${original.title}"${inference(b.inferred)}${notes(b.note)}`,
        subjects: [ref(r), ref(original)],
      });
      steps.push(...reportSteps(b.reportId, reports, seen));
    }
    return steps;
  }
  for (const b of r.basedOn.filter((x) => x.relation === "USES_DATA")) {
    const data = reports.get(b.reportId);
    if (!data) continue;
    steps.push({
      kind: "USES_DATA",
      stated: !b.inferred,
      description: `"${r.title}" computed its figures from data of "${data.title}"${inference(b.inferred)}${notes(b.note)}`,
      subjects: [ref(r), ref(data)],
    });
  }
  if (r.authors.length > 0) {
    steps.push({
      kind: "AUTHORED_BY",
      stated: true,
      description: `"${r.title}" is by ${joinNames(r.authors.map((a) => a.name))}`,
      subjects: [ref(r), ...r.authors.map((a): ProvenanceRef => ({ type: "ENTITY", id: a.id, name: a.name }))],
    });
  }
  return steps;
}
