import { connectionType } from "../common/connection.js";
import { SearchHit } from "./search-hit.type.js";

/** A page of search hits, most relevant first: `SearchHitConnection` with `SearchHitEdge`s. */
export const SearchHitConnection = connectionType<SearchHit>("SearchHit", () => SearchHit, "search hit");
