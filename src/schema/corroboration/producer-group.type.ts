import { ObjectType } from "type-graphql";
import type { ProducerLink } from "./producer-link.type.js";

/** One primary producer of a figure. Fields are resolved in producer-group.resolver.ts. */
@ObjectType("ProducerGroup", {
  description:
    "One primary producer of a figure: the entities behind one producing report (a joint KPMG–AliResearch report is one producer with two entities), or an entity a source credits directly. Producers sharing an entity or a report are one; so are producers of one organization (a platform and its operator, an organization and its parent) and a producer and the one the editors know it echoes (see `links`). Groups are independent of each other unless the corroboration reports a `possibleEcho`.",
})
export class ProducerGroup {
  constructor(
    /** Producing entities' row ids, in order of first appearance. */
    readonly entityIds: readonly number[],
    /** Producing reports' row ids (after following REPUBLISHES), in order of first appearance. */
    readonly reportIds: readonly number[],
    /** Why members that share no report are one producer. */
    readonly producerLinks: readonly ProducerLink[] = [],
  ) {}
}
