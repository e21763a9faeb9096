import { connectionType } from "../common/connection.js";
import { ConflictGroup } from "./conflict-group.type.js";

/** A page of conflict groups: `ConflictGroupConnection` with `ConflictGroupEdge`s. */
export const ConflictGroupConnection = connectionType<ConflictGroup>("ConflictGroup", () => ConflictGroup, "conflict group");
