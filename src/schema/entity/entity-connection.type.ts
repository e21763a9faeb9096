import { connectionType } from "../common/connection.js";
import { Entity } from "./entity.type.js";

/** A page of entity items: `EntityConnection` with `EntityEdge`s. */
export const EntityConnection = connectionType<Entity>("Entity", () => Entity, "entity");
