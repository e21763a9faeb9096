import { Field, Float, ObjectType } from "type-graphql";
import type { Interval } from "../../facts/interval.js";
import type { Quantity as FactsQuantity } from "../../facts/quantity.js";

/** An interval of possible values in one unit, as the fact-checking fields compute with. */
@ObjectType("Quantity", {
  description:
    "An interval of possible values in one unit: what a stated figure is read as, or what a formula gives. \"More than 10 million sessions / 182 days\" is the interval (54,945.05…, ∞) sessions/day: lowerBound 54945.05…, lowerInclusive false, upperBound null.",
  simpleResolvers: true,
})
export class Quantity {
  @Field(() => Float, { nullable: true, description: "Lower end; null when unbounded below." })
  readonly lowerBound: number | null;

  @Field(() => Float, { nullable: true, description: "Upper end; null when unbounded above." })
  readonly upperBound: number | null;

  @Field(() => Boolean, { description: "Whether the lower end itself is included (always false when unbounded)." })
  readonly lowerInclusive: boolean;

  @Field(() => Boolean, { description: "Whether the upper end itself is included (always false when unbounded)." })
  readonly upperInclusive: boolean;

  @Field(() => String, { description: "The unit, normalised (`sessions/day`, `CNY`, `PERCENT`); empty for a plain number." })
  readonly unit: string;

  constructor(interval: Interval, unit: string) {
    this.lowerBound = Number.isFinite(interval.lo) ? interval.lo : null;
    this.upperBound = Number.isFinite(interval.hi) ? interval.hi : null;
    this.lowerInclusive = Number.isFinite(interval.lo) && !interval.loOpen;
    this.upperInclusive = Number.isFinite(interval.hi) && !interval.hiOpen;
    this.unit = unit;
  }

  /** The GraphQL object of a facts Quantity. */
  static of(q: FactsQuantity): Quantity {
    return new Quantity(q.interval, q.unit);
  }
}
