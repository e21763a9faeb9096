import { connectionType } from "../common/connection.js";
import { MCN } from "./mcn.type.js";

/** A page of MCN items: `MCNConnection` with `MCNEdge`s. */
export const MCNConnection = connectionType<MCN>("MCN", () => MCN, "MCN");
