import { connectionType } from "../common/connection.js";
import { Citation } from "./citation.type.js";

/** A page of citation items: `CitationConnection` with `CitationEdge`s. */
export const CitationConnection = connectionType<Citation>("Citation", () => Citation, "citation");
