/**
 * The knowledge base's own words, prepared once for reading claims: each metric's name and
 * description as concepts (with how rare each concept is among metrics, so "live", in almost
 * every name, weighs little and "penetration" much), its units and EQUIVALENT metrics; each
 * entity's names in every language; the events grouped by the names their editions share;
 * the units the knowledge base counts in; and which subjects each metric has figures about.
 */
import { conceptSet, conceptsIn } from "./claim-concepts.js";
import { type EventFamilies, eventFamilies } from "./claim-events.js";
import { fold } from "./claim-text.js";

/** A metric as the vocabulary reads it (the columns of the registry it needs). */
export interface MetricWords {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly quantity: string;
  /** Units, comma-separated. */
  readonly units: string;
}

/** One name of an entity (its own name, a name in another language or an alias). */
export interface EntityName {
  readonly id: number;
  readonly slug: string;
  readonly type: string;
  readonly name: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  /** For events: the event it is part of. */
  readonly parentId: number | null;
}

/** A relation between metrics, as the registry records it. */
export interface MetricLinkWords {
  readonly metricId: number;
  readonly relatedId: number;
  readonly relation: string;
}

/** What the vocabulary is built from. */
export interface VocabularySource {
  readonly metrics: readonly MetricWords[];
  /** Every name of every entity; an entity's own name comes first among its rows. */
  readonly names: readonly EntityName[];
  readonly metricSubjects: readonly { readonly metricId: number; readonly subjectId: number; readonly count: number }[];
  readonly relations: readonly MetricLinkWords[];
  /** Each entity's broader market (`partOf`). */
  readonly partOf: ReadonlyMap<number, number>;
}

/** A metric ready for scoring against a claim's words. */
export interface VocabularyMetric {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly quantity: string;
  readonly units: readonly string[];
  readonly nameConcepts: ReadonlySet<string>;
  /** Concepts of the description that are not in the name. */
  readonly descriptionConcepts: ReadonlySet<string>;
  /** Metrics EQUIVALENT to this one (converted exactly), by id. */
  readonly equivalents: readonly number[];
  /** For a share, the concept of what it is a share of ("Share of sessions run by merchants": session); null otherwise. */
  readonly shareOf: string | null;
}

/** An entity with every name it goes by. */
export interface VocabularyEntity {
  readonly id: number;
  readonly slug: string;
  readonly type: string;
  readonly name: string;
  readonly names: readonly string[];
  /** For markets: the concepts of each name, for reading "China's live-streaming e-commerce sector" as the market. */
  readonly nameConcepts: readonly ReadonlySet<string>[];
}

/** Everything a claim is read against. */
export interface ClaimVocabulary {
  readonly metrics: readonly VocabularyMetric[];
  readonly metricById: ReadonlyMap<number, VocabularyMetric>;
  /** How telling each concept is: log(metrics / metrics whose name or description has it). */
  readonly idf: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<number, VocabularyEntity>;
  /** Every name (folded) of every entity but events, longest first, with the entity. */
  readonly names: readonly (readonly [string, number])[];
  readonly events: EventFamilies;
  /** Every unit any metric is given in. */
  readonly units: ReadonlySet<string>;
  /** For each metric, the subjects it has figures about and how many. */
  readonly subjectsByMetric: ReadonlyMap<number, readonly { readonly subjectId: number; readonly count: number }[]>;
  readonly partOf: ReadonlyMap<number, number>;
}

/**
 * What a share metric's name says it is a share of: the last concept of the words after
 * "share of" (or "percentage of", "proportion of") up to a preposition. "Share of live-streaming
 * sales from merchant-run sessions" is a share of sales (gmv); "Share of sessions run by
 * merchants" a share of sessions.
 */
export function shareOf(name: string): string | null {
  const m = /\b(?:share|percentage|proportion|portion)\s+of\s+(.+?)(?=\s+(?:from|by|in|on|for|among|with|that|which|run|held)\b|$)/i.exec(name);
  if (!m) return null;
  const concepts = conceptsIn(m[1]!);
  return concepts[concepts.length - 1]?.concept ?? null;
}

/** Builds the vocabulary of a knowledge base. */
export function buildVocabulary(src: VocabularySource): ClaimVocabulary {
  const equivalents = new Map<number, number[]>();
  for (const r of src.relations) {
    if (r.relation !== "EQUIVALENT") continue;
    equivalents.set(r.metricId, [...(equivalents.get(r.metricId) ?? []), r.relatedId]);
    equivalents.set(r.relatedId, [...(equivalents.get(r.relatedId) ?? []), r.metricId]);
  }
  const metrics = src.metrics.map((m): VocabularyMetric => {
    const nameConcepts = conceptSet(m.name);
    const descriptionConcepts = new Set([...conceptSet(m.description)].filter((c) => !nameConcepts.has(c)));
    const units = m.units === "" ? [] : m.units.split(",");
    return { id: m.id, slug: m.slug, name: m.name, quantity: m.quantity, units, nameConcepts, descriptionConcepts, equivalents: [...new Set(equivalents.get(m.id) ?? [])], shareOf: shareOf(m.name) };
  });
  const df = new Map<string, number>();
  for (const m of metrics) for (const c of new Set([...m.nameConcepts, ...m.descriptionConcepts])) df.set(c, (df.get(c) ?? 0) + 1);
  const idf = new Map([...df].map(([c, n]) => [c, Math.log((metrics.length + 1) / n)]));

  const entities = new Map<number, { id: number; slug: string; type: string; name: string; names: string[]; start: string | null; end: string | null; parentId: number | null }>();
  for (const n of src.names) {
    const e = entities.get(n.id);
    if (e) e.names.push(n.name);
    else entities.set(n.id, { id: n.id, slug: n.slug, type: n.type, name: n.name, names: [], start: n.startDate, end: n.endDate, parentId: n.parentId });
  }
  const names: [string, number][] = [];
  const vocabularyEntities = new Map<number, VocabularyEntity>();
  for (const e of entities.values()) {
    const all = [e.name, ...e.names];
    vocabularyEntities.set(e.id, { id: e.id, slug: e.slug, type: e.type, name: e.name, names: e.names, nameConcepts: e.type === "MARKET" ? all.map(conceptSet) : [] });
    if (e.type === "EVENT") continue;
    for (const n of new Set(all.map(fold))) if ([...n].length >= 2) names.push([n, e.id]);
  }
  names.sort((a, b) => b[0].length - a[0].length);
  const events = eventFamilies([...entities.values()].filter((e) => e.type === "EVENT").map((e) => ({ id: e.id, name: e.name, names: e.names, start: e.start, end: e.end, parentId: e.parentId })));

  const subjectsByMetric = new Map<number, { subjectId: number; count: number }[]>();
  for (const r of src.metricSubjects) subjectsByMetric.set(r.metricId, [...(subjectsByMetric.get(r.metricId) ?? []), { subjectId: r.subjectId, count: r.count }]);
  return {
    metrics,
    metricById: new Map(metrics.map((m) => [m.id, m])),
    idf,
    entities: vocabularyEntities,
    names,
    events,
    units: new Set(metrics.flatMap((m) => m.units)),
    subjectsByMetric,
    partOf: src.partOf,
  };
}
