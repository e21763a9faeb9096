import { connectionType } from "../common/connection.js";
import { Event } from "./event.type.js";

/** A page of event items: `EventConnection` with `EventEdge`s. */
export const EventConnection = connectionType<Event>("Event", () => Event, "event");
