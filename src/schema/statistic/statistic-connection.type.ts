import { connectionType } from "../common/connection.js";
import { Statistic } from "./statistic.type.js";

/** A page of statistic items: `StatisticConnection` with `StatisticEdge`s. */
export const StatisticConnection = connectionType<Statistic>("Statistic", () => Statistic, "statistic");
