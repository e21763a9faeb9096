import { connectionType } from "../common/connection.js";
import { Organization } from "./organization.type.js";

/** A page of organization items: `OrganizationConnection` with `OrganizationEdge`s. */
export const OrganizationConnection = connectionType<Organization>("Organization", () => Organization, "organization");
