/**
 * Whether two statistics are about the same thing, before any value is looked at: the same
 * subjects (or one part of the other), the same event and period, the same metric (or a
 * related one). Each relation says SAME, a scope difference in words, or that the two are not
 * comparable at all; `agreement.ts` turns these into verdicts.
 */
import type { AgreementContext, ComparableStatistic, MetricConversion, MetricRelation } from "./agreement-types.js";
import type { Key } from "./key.js";
import { periodsOverlap } from "./period.js";
import { joinNames } from "./prose.js";

/** A relation of two statistics in one respect: the same, different in scope (with the words why), or not comparable. */
export type ScopeRelation = { readonly kind: "SAME"; readonly note?: string } | { readonly kind: "SCOPE"; readonly why: string } | null;

/** A period as compared: start and end dates (inclusive) and the label to show. */
export interface ComparedPeriod {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}

/**
 * How the subjects of two statistics relate: the same set; one a market (or entity) that is
 * part of the other; one set inside the other ("Viya" against "Viya and Li Jiaqi"), or sets
 * that share some subjects. Unrelated subjects are not comparable.
 */
export function subjectRelation(a: ComparableStatistic, b: ComparableStatistic, ctx: AgreementContext): ScopeRelation {
  const A = a.subjects;
  const B = b.subjects;
  const name = (k: Key) => ctx.names?.get(k) ?? String(k);
  if (A.length === B.length && A.every((k) => B.includes(k))) return { kind: "SAME" };
  if (A.length === 1 && B.length === 1) {
    if (isWithin(A[0]!, B[0]!, ctx.partOf)) return { kind: "SCOPE", why: `${name(A[0]!)} is part of ${name(B[0]!)}` };
    if (isWithin(B[0]!, A[0]!, ctx.partOf)) return { kind: "SCOPE", why: `${name(B[0]!)} is part of ${name(A[0]!)}` };
    return null;
  }
  const shared = A.filter((k) => B.includes(k));
  if (shared.length === 0) return null;
  const names = (ks: readonly Key[]) => joinNames(ks.map(name));
  return { kind: "SCOPE", why: `one is about ${names(A)}, the other about ${names(B)}` };
}

/** Whether `inner` is part of `outer` through a chain of `partOf` links (cycles stop). */
export function isWithin(inner: Key, outer: Key, partOf: ReadonlyMap<Key, Key>): boolean {
  return ancestors(inner, partOf).includes(outer);
}

/**
 * The broader markets (or parent events) `subject` is part of, following its chain of
 * `partOf` links nearest first; the walk stops at the first one already visited (a cycle).
 */
export function ancestors<K>(subject: K, partOf: ReadonlyMap<K, K>): K[] {
  const seen = new Set<K>();
  for (let k = partOf.get(subject); k !== undefined && !seen.has(k); k = partOf.get(k)) seen.add(k);
  return [...seen];
}

/**
 * The period a statistic is compared over: its stated period narrowed to its event's dates
 * when it belongs to an event (a figure "for 2021" about Singles' Day 2021 is about the
 * festival's days), the event's dates when it states no period, else its stated period.
 */
export function comparedPeriod(s: ComparableStatistic, ctx: AgreementContext): ComparedPeriod | null {
  const event = s.event === null ? undefined : ctx.events?.get(s.event);
  if (!event || event.start === null || event.end === null) return s.period;
  if (s.period === null) return { start: event.start, end: event.end, label: event.name };
  const start = s.period.start > event.start ? s.period.start : event.start;
  const end = s.period.end < event.end ? s.period.end : event.end;
  if (start > end) return s.period;
  const narrowed = start !== s.period.start || end !== s.period.end;
  return { start, end, label: narrowed ? `${event.name}, ${start === end ? start : `${start} to ${end}`}` : s.period.label };
}

/** The outcome of comparing periods and events: a relation, or a figure that cannot be judged (with the reason). */
export type TimeRelation = ScopeRelation | { readonly kind: "UNJUDGED"; readonly why: string };

/**
 * How two statistics relate in time. Figures of one event are the same measurement whatever
 * the precision of their dates (a day inside the month, both about one presale), as long as
 * their dates meet. Figures of two different events are different scope (the first day
 * against the whole festival). Otherwise the periods decide: equal is the same; overlapping
 * is different scope; disjoint is not comparable; one without a period cannot be judged.
 */
export function timeRelation(a: ComparableStatistic, b: ComparableStatistic, ctx: AgreementContext): TimeRelation {
  const pa = comparedPeriod(a, ctx);
  const pb = comparedPeriod(b, ctx);
  const meet = pa === null || pb === null || periodsOverlap(pa, pb);
  const name = (k: Key) => ctx.events?.get(k)?.name ?? ctx.names?.get(k) ?? String(k);
  if (a.event !== null && a.event === b.event) {
    if (!meet) return null;
    const labels = a.period && b.period && a.period.label !== b.period.label ? ` (${a.period.label} against ${b.period.label})` : "";
    return { kind: "SAME", note: labels && `both are about ${name(a.event)}, dated with different precision${labels}` };
  }
  if (a.event !== null && b.event !== null) {
    if (!meet) return null;
    const parents = ctx.eventParents ?? new Map<Key, Key>();
    const nested = isWithin(a.event, b.event, parents)
      ? `; ${name(a.event)} is part of ${name(b.event)}`
      : isWithin(b.event, a.event, parents)
        ? `; ${name(b.event)} is part of ${name(a.event)}`
        : "";
    return { kind: "SCOPE", why: `they are about different events (${name(a.event)} against ${name(b.event)}${nested})` };
  }
  if (pa === null && pb === null) return { kind: "SAME" };
  if (pa === null || pb === null) {
    const which = pa === null ? "this figure" : "the other figure";
    return { kind: "UNJUDGED", why: `${which} states no period: compare by hand, or record the period the source implies (periodInferred)` };
  }
  if (!periodsOverlap(pa, pb)) return null;
  if (pa.start === pb.start && pa.end === pb.end) return { kind: "SAME" };
  return { kind: "SCOPE", why: `the periods overlap without being the same (${pa.label} against ${pb.label})` };
}

/** How two statistics' metrics relate: the same, different scope (the relation's note), EQUIVALENT with a conversion, or unrelated (null). */
export type MetricLink = { kind: "SAME" } | { kind: "DIFFERENT_SCOPE"; note: string } | { kind: "EQUIVALENT"; conversion: MetricConversion };

/** The relation of metric `a` to metric `b`; a relation counts whichever side declared it. */
export function metricRelation(a: Key, b: Key, relations: readonly MetricRelation[]): MetricLink | null {
  if (a === b) return { kind: "SAME" };
  const forward = relations.find((r) => r.metric === b && r.related === a && usableEquivalence(r));
  if (forward) return { kind: "EQUIVALENT", conversion: { fromMetric: b, toMetric: a, scale: forward.scale!, offset: forward.offset ?? 0, note: forward.note } };
  const backward = relations.find((r) => r.metric === a && r.related === b && usableEquivalence(r));
  if (backward) {
    const s = backward.scale!;
    const o = backward.offset ?? 0;
    return { kind: "EQUIVALENT", conversion: { fromMetric: b, toMetric: a, scale: 1 / s, offset: -o / s, note: backward.note } };
  }
  const scope = relations.find((r) => r.relation === "DIFFERENT_SCOPE" && ((r.metric === a && r.related === b) || (r.metric === b && r.related === a)));
  return scope ? { kind: "DIFFERENT_SCOPE", note: scope.note } : null;
}

/** Whether a relation is an EQUIVALENT one that converts: a finite, non-zero scale. */
export function usableEquivalence(r: Pick<MetricRelation, "relation" | "scale">): boolean {
  return r.relation === "EQUIVALENT" && r.scale !== null && r.scale !== 0 && Number.isFinite(r.scale);
}
