import type { EntityRow, EntityType } from "../../db/entity.repo.js";
import type { NodeTypeName } from "../common/global-id.js";
import { Brand } from "../brand/brand.type.js";
import { Event } from "../event/event.type.js";
import { Market } from "../market/market.type.js";
import { MCN } from "../mcn/mcn.type.js";
import { Organization } from "../organization/organization.type.js";
import { Person } from "../person/person.type.js";
import { Platform } from "../platform/platform.type.js";
import type { Entity } from "./entity.type.js";

/** The GraphQL type name of each kind of entity. */
export const ENTITY_TYPE_NAMES: Readonly<Record<EntityType, NodeTypeName>> = {
  PLATFORM: "Platform",
  ORGANIZATION: "Organization",
  MCN: "MCN",
  BRAND: "Brand",
  PERSON: "Person",
  MARKET: "Market",
  EVENT: "Event",
};

/** The GraphQL object for an entity row: an instance of the class of its type. */
export function entityNode(row: EntityRow): Entity {
  switch (row.type) {
    case "PLATFORM":
      return new Platform(row);
    case "ORGANIZATION":
      return new Organization(row);
    case "MCN":
      return new MCN(row);
    case "BRAND":
      return new Brand(row);
    case "PERSON":
      return new Person(row);
    case "MARKET":
      return new Market(row);
    case "EVENT":
      return new Event(row);
  }
}

/** The object for a row when it is of the given class, else null (e.g. a publisher that is not an organization). */
export function entityOfClass<T extends Entity>(row: EntityRow | null, cls: abstract new (...args: never[]) => T): T | null {
  if (!row) return null;
  const node = entityNode(row);
  return node instanceof cls ? node : null;
}
