import { ObjectType } from "type-graphql";

/** One primary producer of a figure. Fields are resolved in producer-group.resolver.ts. */
@ObjectType("ProducerGroup", {
  description:
    "One independent primary producer of a figure: the entities behind one producing report (a joint KPMG–AliResearch report is one producer with two entities), or an entity a source credits directly. Producers sharing an entity or a report are one.",
})
export class ProducerGroup {
  constructor(
    /** Producing entities' row ids, in order of first appearance. */
    readonly entityIds: readonly number[],
    /** Producing reports' row ids (after following REPUBLISHES), in order of first appearance. */
    readonly reportIds: readonly number[],
  ) {}
}
