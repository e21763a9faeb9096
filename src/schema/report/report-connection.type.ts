import { connectionType } from "../common/connection.js";
import { Report } from "./report.type.js";

/** A page of report items: `ReportConnection` with `ReportEdge`s. */
export const ReportConnection = connectionType<Report>("Report", () => Report, "report");
