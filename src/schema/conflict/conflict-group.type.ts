import { ObjectType } from "type-graphql";
import type { IndexedConflictGroup } from "./conflict-index.js";

/** A set of statistics linked by conflicts. Fields are resolved in conflict.resolver.ts. */
@ObjectType("ConflictGroup", {
  description:
    "Statistics of one subject, one period and one metric (or EQUIVALENT metrics) that contradict one another: each is linked to the group by at least one CONFLICTS verdict, so \"1.05 trillion, 961 billion, 900 billion and 1.2881 trillion for 2020\" is one group of four even where some pairs agree within rounding. Statistics that merely agree with a member are left out. Listed by metric slug, period, subject slug and first member's slug.",
})
export class ConflictGroup {
  constructor(
    /** The indexed group (not a GraphQL field). */
    readonly group: IndexedConflictGroup,
  ) {}
}
