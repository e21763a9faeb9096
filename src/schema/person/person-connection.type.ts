import { connectionType } from "../common/connection.js";
import { Person } from "./person.type.js";

/** A page of person items: `PersonConnection` with `PersonEdge`s. */
export const PersonConnection = connectionType<Person>("Person", () => Person, "person");
