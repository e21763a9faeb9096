import { connectionType } from "../common/connection.js";
import { Metric } from "./metric.type.js";

/** A page of metric items: `MetricConnection` with `MetricEdge`s. */
export const MetricConnection = connectionType<Metric>("Metric", () => Metric, "metric");
