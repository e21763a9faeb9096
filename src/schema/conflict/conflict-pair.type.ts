import { ObjectType } from "type-graphql";

/** Two statistics of a conflict group that contradict each other. Fields are resolved in conflict.resolver.ts. */
@ObjectType("ConflictPair", { description: "Two statistics that cannot both hold (verdict CONFLICTS), with the reason." })
export class ConflictPair {
  constructor(
    /** Row id of the first statistic (by slug). */
    readonly firstId: number,
    /** Row id of the second statistic. */
    readonly secondId: number,
  ) {}
}
