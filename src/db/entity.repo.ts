import { placeholders } from "./batch.js";
import type { KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** The kinds of entity the knowledge base holds, as stored in `entity.type`. */
export type EntityType = "PLATFORM" | "ORGANIZATION" | "MCN" | "BRAND" | "PERSON" | "MARKET" | "EVENT";

/** One entity: a platform, organization, MCN, brand, person, market or event. */
export interface EntityRow {
  readonly id: number;
  readonly slug: string;
  readonly type: EntityType;
  readonly name: string;
  readonly description: string;
  /** Organizations only. */
  readonly orgKind: string | null;
  readonly website: string | null;
  /** Platforms: the operating organization; brands and MCNs: the owner. */
  readonly operatorId: number | null;
  /** Organizations: parent; platforms: parent platform; markets/events: the broader one; people: affiliation. */
  readonly parentId: number | null;
  /** Events: first day. */
  readonly startDate: string | null;
  /** Events: last day. */
  readonly endDate: string | null;
}

/** A name of an entity in a language (BCP 47), or an alias. */
export interface EntityNameRow {
  readonly entityId: number;
  readonly lang: string;
  readonly name: string;
  readonly isAlias: 0 | 1;
}

/** A market that is part of a broader one (`partOf` in the registry), with both names. */
export interface MarketLinkRow {
  /** The market, or the platform, organization, MCN, brand or person, that is part of a market. */
  readonly marketId: number;
  readonly name: string;
  readonly parentId: number;
  readonly parentName: string;
}

/** What decides the scope of a comparison beyond metrics: which markets and entities are part of which, and the events with their dates. */
export interface ScopeLinks {
  readonly markets: readonly MarketLinkRow[];
  readonly events: readonly EventDatesRow[];
}

/** An event with its dates (when known) and the event it is part of. */
export interface EventDatesRow {
  readonly id: number;
  readonly name: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly parentId: number | null;
}

/** Conditions on a list of entities. */
export interface EntityCriteria {
  /** Only entities of these types; all types when absent. */
  readonly types?: readonly EntityType[] | undefined;
  /** Organizations of this kind. */
  readonly orgKind?: string | undefined;
}

/** The columns of an EntityRow, for repositories that join entities (alias `e`). */
export const ENTITY_COLUMNS = `e.id, e.slug, e.type, e.name, e.description, e.org_kind AS orgKind, e.website,
  e.operator_id AS operatorId, e.parent_id AS parentId, e.start_date AS startDate, e.end_date AS endDate`;

const BY_SLUG: KeysetOrder = { key: "e.slug", id: "e.id", nullable: false, descending: false };

/** Reads entities and their names. Plain SQL; statements are prepared once per database. */
export class EntityRepository {
  constructor(private readonly run: Statements) {}

  /** Entities by row id, in any order. */
  byIds(ids: readonly number[]): EntityRow[] {
    return this.run.byKeys("entities.byIds", (list) => `SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.id IN (${list})`, ids);
  }

  /** Entities by slug, in any order. */
  bySlugs(slugs: readonly string[]): EntityRow[] {
    return this.run.byKeys("entities.bySlugs", (list) => `SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.slug IN (${list})`, slugs);
  }

  /** Names in other languages and aliases of the given entities, by language then name. */
  names(entityIds: readonly number[]): EntityNameRow[] {
    return this.run.byKeys(
      "entities.names",
      (list) => `SELECT entity_id AS entityId, lang, name, is_alias AS isAlias FROM entity_name WHERE entity_id IN (${list}) ORDER BY entity_id, is_alias, lang, name`,
      entityIds,
    );
  }

  /**
   * Every market (or platform, organization, ...) that is part of a broader market, with both
   * names, and every event with its dates: what agreement needs to compare figures about a
   * market and its parts, and figures of events. These are registry entries, few and fixed,
   * so they are read whole rather than by key.
   */
  scopeLinks(): ScopeLinks {
    return this.run.cached("entities.scopeLinks", [], () => this.readScopeLinks());
  }

  private readScopeLinks(): ScopeLinks {
    // One statement for both (agreement reads them on every request that compares figures).
    const rows = this.run.all<{ kind: "M" | "E"; id: number; name: string; parentId: number | null; parentName: string | null; start: string | null; end: string | null }>(
      `SELECT 'M' AS kind, e.id, e.name, p.id AS parentId, p.name AS parentName, NULL AS start, NULL AS end
           FROM entity e JOIN entity p ON p.id = e.parent_id WHERE e.type = 'MARKET' AND p.type = 'MARKET'
         UNION ALL
         SELECT 'M', e.id, e.name, p.id, p.name, NULL, NULL FROM entity e JOIN entity p ON p.id = e.part_of_id
         UNION ALL
         SELECT 'E', id, name, parent_id, NULL, start_date, end_date FROM entity WHERE type = 'EVENT'
         ORDER BY 1, 2`,
    );
    const markets: MarketLinkRow[] = [];
    const events: EventDatesRow[] = [];
    for (const r of rows) {
      if (r.kind === "M") markets.push({ marketId: r.id, name: r.name, parentId: r.parentId!, parentName: r.parentName! });
      else events.push({ id: r.id, name: r.name, start: r.start, end: r.end, parentId: r.parentId });
    }
    return { markets, events };
  }

  /** A page of entities in slug order. */
  page(criteria: EntityCriteria, window: PageWindow): Page<EntityRow> {
    return readPage(this.run, this.listQuery(criteria), BY_SLUG, window);
  }

  /** How many entities meet the criteria. */
  count(criteria: EntityCriteria): number {
    return countRows(this.run, this.listQuery(criteria));
  }

  private listQuery(c: EntityCriteria) {
    const where: string[] = [];
    const params: string[] = [];
    if (c.types) {
      // Distinct types, so that the statement's text is one of a closed set (KnowledgeDb keeps one per text).
      const types = [...new Set(c.types)];
      where.push(types.length === 1 ? "e.type = ?" : `e.type IN (${placeholders(types.length)})`);
      params.push(...types);
    }
    if (c.orgKind !== undefined) {
      where.push("e.org_kind = ?");
      params.push(c.orgKind);
    }
    return { select: ENTITY_COLUMNS, from: "entity e", where, params };
  }
}
