import { connectionType } from "../common/connection.js";
import { Market } from "./market.type.js";

/** A page of market items: `MarketConnection` with `MarketEdge`s. */
export const MarketConnection = connectionType<Market>("Market", () => Market, "market");
