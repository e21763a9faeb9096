import { Field, Int, ObjectType } from "type-graphql";
import { IgnoredReason } from "./ignored-reason.enum.js";

/** A number of the claim that was not read as a figure. */
@ObjectType("IgnoredNumber", { description: "A number written in the claim that is not a figure to check (a year, a date, a festival's name, a telephone number, a rank), with why.", simpleResolvers: true })
export class IgnoredNumber {
  @Field(() => String, { description: "The number as written." })
  readonly asWritten: string;

  @Field(() => Int, { description: "Where it starts in the claim, in Unicode code points." })
  readonly start: number;

  @Field(() => Int, { description: "Where it ends (excluded), in Unicode code points." })
  readonly end: number;

  @Field(() => IgnoredReason, { description: "Why it is not a figure." })
  readonly reason: IgnoredReason;

  constructor(fields: IgnoredNumber) {
    this.asWritten = fields.asWritten;
    this.start = fields.start;
    this.end = fields.end;
    this.reason = fields.reason;
  }
}
