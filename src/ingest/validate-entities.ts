/**
 * The entity registries (organizations, platforms, MCNs, brands, people, markets, events):
 * one slug namespace across all of them, the references between entities (operator, owner,
 * parent, `partOf`), event dates, and the market and event hierarchies. Also the check every
 * other record's reference to an entity goes through.
 */
import type { z } from "zod";
import type { EntityType } from "../db/entity.repo.js";
import type { CuratedFiles } from "./curated-files.js";
import type { DataFile } from "./data-file.js";
import type { Located } from "./located.js";
import type { EntityRec } from "./model.js";
import { suggest, where } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import { BrandInput, EventInput, MarketInput, McnInput, OrganizationInput, PersonInput, PlatformInput } from "./schemas.js";
import type { ValidationContext } from "./validation-context.js";
import { checkHierarchies } from "./value-checks.js";

/** Entity types that can be credited with producing a figure. */
export const PRODUCER_TYPES: readonly EntityType[] = ["ORGANIZATION", "PLATFORM", "PERSON", "MCN", "BRAND"];
/** Entity types a figure can be about. */
export const SUBJECT_TYPES: readonly EntityType[] = ["PLATFORM", "ORGANIZATION", "MCN", "BRAND", "PERSON", "MARKET", "EVENT"];
/** Entity types a figure can be of as its event. */
export const EVENT_TYPES: readonly EntityType[] = ["EVENT"];

/** The entity registries in the order they are read, with the type of their records and their schema. */
const ENTITY_REGISTRIES = [
  ["organizations", "ORGANIZATION", OrganizationInput],
  ["platforms", "PLATFORM", PlatformInput],
  ["mcns", "MCN", McnInput],
  ["brands", "BRAND", BrandInput],
  ["people", "PERSON", PersonInput],
  ["markets", "MARKET", MarketInput],
  ["events", "EVENT", EventInput],
] as const satisfies readonly (readonly [string, EntityType, z.ZodType])[];

/** A reference from one entity to another, checked once every entity is known. */
interface EntityRef {
  readonly from: Located<unknown>;
  readonly field: string;
  readonly slug: string;
  readonly types: readonly EntityType[];
}

/**
 * Reads the entity registries into `ctx.entities`, reporting duplicate slugs, events that end
 * before they start, references to unknown entities or entities of the wrong type, and
 * hierarchies that loop or sub-events outside their parent's dates.
 */
export function checkEntityRegistries(ctx: ValidationContext, registries: CuratedFiles["registries"]): void {
  const refs: EntityRef[] = [];
  for (const [name, type, schema] of ENTITY_REGISTRIES) {
    for (const loc of ctx.records(registries.get(name), schema as z.ZodType) as Located<Record<string, any>>[]) {
      const v = loc.value;
      const prev = ctx.entityAt.get(v.slug);
      if (prev) {
        ctx.report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
        continue;
      }
      const rec = entityRecord(v, type, loc.file.file);
      ctx.entities.set(rec.slug, rec);
      ctx.entityAt.set(rec.slug, loc);
      refs.push(...referencesOf(loc, type));
      if (type === "EVENT" && rec.start && rec.end && rec.end < rec.start) {
        ctx.report(loc.file, [...loc.path, "end"], `event ends (${rec.end}) before it starts (${rec.start})`);
      }
    }
  }
  for (const r of refs) checkEntity(ctx, r.from.file, r.from.path, [r.field], r.slug, r.types, r.field);
  checkHierarchies(ctx.entities, (slug, field, reason) => ctx.report(ctx.entityAt.get(slug)!.file, [...ctx.entityAt.get(slug)!.path, field], reason));
}

/**
 * Whether `slug` names an entity of one of `types`; if not, reports that at `path` followed by
 * `tail` (put together only when there is a problem: this runs for every subject, event and
 * attribution of every statistic). `what` names the reference in the problem ("subject").
 */
export function checkEntity(
  ctx: ValidationContext,
  file: DataFile,
  path: readonly PathSegment[],
  tail: readonly PathSegment[],
  slug: string,
  types: readonly EntityType[],
  what: string,
): boolean {
  const e = ctx.entities.get(slug);
  if (!e) {
    ctx.report(file, [...path, ...tail], `unknown ${what} '${slug}': no entity has this slug${suggest(slug, ctx.entities.keys())}`);
    return false;
  }
  if (!types.includes(e.type)) {
    ctx.report(file, [...path, ...tail], `${what} '${slug}' is a ${e.type.toLowerCase()}, but must be ${types.map((t) => `a ${t.toLowerCase()}`).join(" or ")}`);
    return false;
  }
  return true;
}

/** The model's record of an entity as parsed from its registry. */
function entityRecord(v: Record<string, any>, type: EntityType, file: string): EntityRec {
  const nested = type === "MARKET" || type === "EVENT";
  return {
    slug: v.slug,
    type,
    name: v.name,
    description: v.description,
    orgKind: v.kind ?? null,
    website: v.website ?? null,
    operator: v.operator ?? v.owner ?? null,
    parent: nested ? (v.partOf ?? null) : (v.parent ?? v.affiliation ?? null),
    partOf: nested ? null : (v.partOf ?? null),
    start: v.start ?? null,
    end: v.end ?? null,
    names: [
      ...Object.entries(v.names as Record<string, string>).map(([lang, n]) => ({ lang, name: n, alias: false })),
      ...(v.aliases as string[]).map((n) => ({ lang: "en", name: n, alias: true })),
    ],
    file,
  };
}

/** The references an entity of `type` makes to other entities, with the types each must have. */
function referencesOf(loc: Located<Record<string, any>>, type: EntityType): EntityRef[] {
  const v = loc.value;
  const out: EntityRef[] = [];
  const ref = (field: string, types: readonly EntityType[]) => {
    if (v[field] !== undefined) out.push({ from: loc, field, slug: v[field], types });
  };
  if (type === "ORGANIZATION") ref("parent", ["ORGANIZATION"]);
  if (type === "PLATFORM") {
    ref("operator", ["ORGANIZATION"]);
    ref("parent", ["PLATFORM"]);
  }
  if (type === "MCN") ref("operator", ["ORGANIZATION"]);
  if (type === "BRAND") ref("owner", ["ORGANIZATION"]);
  if (type === "PERSON") ref("affiliation", ["ORGANIZATION"]);
  if (type !== "EVENT") ref("partOf", ["MARKET"]);
  if (type === "EVENT") ref("partOf", ["EVENT"]);
  return out;
}
