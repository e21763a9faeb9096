import type { EntityType } from "../db/entity.repo.js";
import type { ProducerRefRec } from "./model.js";
import type { PathSegment } from "./problems.js";
import type { ProducerRefInput } from "./schemas.js";

/** Entity types that can produce a figure or pass it on: the same as may be credited with one. */
const LINK_TYPES: readonly EntityType[] = ["ORGANIZATION", "PLATFORM", "PERSON", "MCN", "BRAND"];

/** What the attribution checks need to know of the registries, and how they report. */
export interface AttributionLinkContext {
  /** Entities by slug (only the type is read). */
  readonly entities: ReadonlyMap<string, { readonly type: EntityType }>;
  /** Reports by slug. */
  readonly reports: ReadonlyMap<string, unknown>;
  /** " (did you mean 'x'?)" when a known slug is close to `slug`, else "". */
  suggest(slug: string, known: Iterable<string>): string;
  /** Records a problem at `tail` below the citation's path. */
  problem(tail: PathSegment[], reason: string): void;
}

/** The parts of a citation's attribution these checks read, as parsed from the file. */
export interface AttributionLinksInput {
  readonly report?: string | undefined;
  readonly entity?: string | undefined;
  readonly via?: readonly ProducerRefInput[] | undefined;
  readonly echoOf?: ProducerRefInput | undefined;
  readonly doubt?: string | undefined;
}

/** An attribution's `via`, `echoOf` and `doubt`, resolved. */
export interface AttributionLinks {
  readonly via: ProducerRefRec[];
  readonly echoOf: ProducerRefRec | null;
  readonly doubt: string | null;
}

/**
 * Checks what the editors record on an attribution beyond whom the source credits: `via` (the
 * intermediaries between the citing source and the producer, in order), `echoOf` (the producer
 * whose figure the credited one is known to have copied) and `doubt`. Each names a report or
 * an entity that must exist; a bare slug must name exactly one of them. All three need a
 * credited report or entity, since they say something about it. Reports every problem through
 * `ctx.problem`; returns the resolved links, or null when there was a problem.
 *
 * `publisher` is the citing source's publisher slug: a source does not pass a figure on to
 * itself, so its publisher is never an intermediary.
 */
export function checkAttributionLinks(att: AttributionLinksInput, publisher: string | null, ctx: AttributionLinkContext): AttributionLinks | null {
  let ok = true;
  const fail = (tail: PathSegment[], reason: string) => {
    ctx.problem(["attribution", ...tail], reason);
    ok = false;
  };
  const producer: ProducerRefRec | null =
    att.report !== undefined ? { kind: "report", slug: att.report } : att.entity !== undefined ? { kind: "entity", slug: att.entity } : null;
  const via = att.via ?? [];
  if (producer === null) {
    if (via.length > 0) fail(["via"], "via lists the intermediaries on the way to a producer: name the producer in the attribution's report or entity");
    if (att.echoOf !== undefined) fail(["echoOf"], "a known echo is about the producer the source credits: name it in the attribution's report or entity");
    if (att.doubt !== undefined) fail(["doubt"], "a doubt is about the producer the source credits: name it in the attribution's report or entity, or explain in the note");
    return ok ? { via: [], echoOf: null, doubt: null } : null;
  }

  const resolved: ProducerRefRec[] = [];
  via.forEach((item, i) => {
    const ref = resolveRef(item, ["via", i], "intermediary", ctx, fail);
    if (ref === null) return;
    if (sameRef(ref, producer)) fail(["via", i], `'${ref.slug}' is the attribution's producer: via lists only the intermediaries between the source and the producer`);
    else if (ref.kind === "entity" && ref.slug === publisher) fail(["via", i], `'${ref.slug}' publishes the citing source itself, so it is not an intermediary`);
    else if (resolved.some((r) => sameRef(r, ref))) fail(["via", i], `'${ref.slug}' is listed twice in via`);
    else resolved.push(ref);
  });

  let echoOf: ProducerRefRec | null = null;
  if (att.echoOf !== undefined) {
    echoOf = resolveRef(att.echoOf, ["echoOf"], "echoed producer", ctx, fail);
    if (echoOf !== null && sameRef(echoOf, producer)) fail(["echoOf"], `'${echoOf.slug}' is the attribution's producer: a producer cannot be an echo of itself`);
  }
  return ok ? { via: resolved, echoOf, doubt: att.doubt ?? null } : null;
}

/** The report or entity an item names, or null (with a problem) when it names none or both. */
function resolveRef(
  item: ProducerRefInput,
  at: PathSegment[],
  what: string,
  ctx: AttributionLinkContext,
  fail: (tail: PathSegment[], reason: string) => void,
): ProducerRefRec | null {
  if (typeof item !== "string") {
    if ("report" in item) {
      if (ctx.reports.has(item.report)) return { kind: "report", slug: item.report };
      fail([...at, "report"], `unknown report '${item.report}'${ctx.suggest(item.report, ctx.reports.keys())}`);
      return null;
    }
    return checkEntity(item.entity, [...at, "entity"], what, ctx, fail);
  }
  const isEntity = ctx.entities.has(item);
  const isReport = ctx.reports.has(item);
  if (isEntity && isReport) {
    fail(at, `'${item}' names both an entity and a report: write { entity: ${item} } or { report: ${item} }`);
    return null;
  }
  if (isReport) return { kind: "report", slug: item };
  if (isEntity) return checkEntity(item, at, what, ctx, fail);
  fail(at, `unknown ${what} '${item}': no entity or report has this slug${ctx.suggest(item, [...ctx.entities.keys(), ...ctx.reports.keys()])}`);
  return null;
}

function checkEntity(slug: string, at: PathSegment[], what: string, ctx: AttributionLinkContext, fail: (tail: PathSegment[], reason: string) => void): ProducerRefRec | null {
  const e = ctx.entities.get(slug);
  if (!e) {
    fail(at, `unknown ${what} '${slug}': no entity has this slug${ctx.suggest(slug, ctx.entities.keys())}`);
    return null;
  }
  if (!LINK_TYPES.includes(e.type)) {
    fail(at, `${what} '${slug}' is a ${e.type.toLowerCase()}, but must be a report, an organization, a platform, a person, an MCN or a brand`);
    return null;
  }
  return { kind: "entity", slug };
}

function sameRef(a: ProducerRefRec, b: ProducerRefRec): boolean {
  return a.kind === b.kind && a.slug === b.slug;
}
