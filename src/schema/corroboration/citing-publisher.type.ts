import { ObjectType } from "type-graphql";

/** A distinct publisher citing a figure. Fields are resolved in citing-publisher.resolver.ts. */
@ObjectType("CitingPublisher", { description: "A distinct publisher of documents that state a figure, with those documents." })
export class CitingPublisher {
  constructor(
    /** The publisher entity's row id; null for a source that names no publisher (which then counts by itself). */
    readonly publisherId: number | null,
    /** The citing sources' row ids. */
    readonly sourceIds: readonly number[],
  ) {}
}
