import { connectionType } from "../common/connection.js";
import { Platform } from "./platform.type.js";

/** A page of platform items: `PlatformConnection` with `PlatformEdge`s. */
export const PlatformConnection = connectionType<Platform>("Platform", () => Platform, "platform");
