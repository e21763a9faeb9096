import { connectionType } from "../common/connection.js";
import { Source } from "./source.type.js";

/** A page of source items: `SourceConnection` with `SourceEdge`s. */
export const SourceConnection = connectionType<Source>("Source", () => Source, "source");
