import { createUnionType } from "type-graphql";
import { Brand } from "../brand/brand.type.js";
import { MCN } from "../mcn/mcn.type.js";
import { Organization } from "../organization/organization.type.js";
import { Person } from "../person/person.type.js";
import { Platform } from "../platform/platform.type.js";
import { Report } from "../report/report.type.js";

/** Whom a source can credit with a figure: a report, or an organization, platform, person, MCN or brand. */
export const Producer = createUnionType({
  name: "Producer",
  description: "Whom a source credits with a figure: a report (whose authors produced it), or directly an organization, a platform speaking for itself, a person, an MCN or a brand.",
  types: () => [Report, Organization, Platform, Person, MCN, Brand] as const,
});
