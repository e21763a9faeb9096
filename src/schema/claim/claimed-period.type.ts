import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../common/scalars.js";
import { Event } from "../event/event.type.js";

/** The period a claimed figure was read as being about. */
@ObjectType("ClaimedPeriod", {
  description: "The time a claimed figure is about, as read from the claim: a year, half, quarter, month or day, an event's days, or a relative phrase resolved against `publishedAt`.",
  simpleResolvers: true,
})
export class ClaimedPeriod {
  @Field(() => LocalDateScalar, { description: "First day." })
  readonly start: string;

  @Field(() => LocalDateScalar, { description: "Last day (included)." })
  readonly end: string;

  @Field(() => String, { description: "Compact label: `2020`, `2020-H1`, `2020-Q3`, `2020-06`, `2020-06-18`, or a span `2020-06-01/2020-06-18`." })
  readonly label: string;

  @Field(() => String, { description: "The words it was read from (\"in the first half of the year\", \"Singles' Day 2021\", \"2020年上半年\")." })
  readonly asWritten: string;

  @Field(() => String, { nullable: true, description: "How a relative phrase, an event or a period carried from the sentence before was resolved; null when the words state it plainly." })
  readonly resolution: string | null;

  @Field(() => Event, { nullable: true, description: "The event the figure was read as belonging to, if any." })
  readonly event: Event | null;

  constructor(fields: ClaimedPeriod) {
    this.start = fields.start;
    this.end = fields.end;
    this.label = fields.label;
    this.asWritten = fields.asWritten;
    this.resolution = fields.resolution;
    this.event = fields.event;
  }
}
