import { Field, ObjectType } from "type-graphql";
import { Quantity } from "../common/quantity.type.js";
import { DerivationInput } from "./derivation-input.type.js";
import { DerivationVerdict } from "./derivation-verdict.enum.js";

/** A derived figure rechecked: inputs, formula, recomputed interval, verdict and the arithmetic. */
@ObjectType("Derivation", {
  description:
    "How a derived figure is computed from other statistics, recomputed by the API with interval arithmetic and units: \"more than 50,000 sessions a day\" from \"over 10 million sessions\" in the 182 days of 2020-H1.",
  simpleResolvers: true,
})
export class Derivation {
  @Field(() => String, { description: "The recorded formula over the inputs' names; `days` is the length of the statistic's period, e.g. `sessions / days`." })
  readonly formula: string;

  @Field(() => [DerivationInput], { description: "The formula's named inputs, in the order recorded." })
  readonly inputs: DerivationInput[];

  @Field(() => Quantity, { nullable: true, description: "What the formula gives from the inputs as stated; null when it could not be evaluated (see explanation)." })
  readonly recomputed: Quantity | null;

  @Field(() => Quantity, { description: "The interval the stated value is read as: a flat figure widened by its rounding (half a unit of its last significant digit, at most 25%)." })
  readonly stated: Quantity;

  @Field(() => DerivationVerdict, { description: "Whether the stated figure follows from the inputs." })
  readonly verdict: DerivationVerdict;

  @Field(() => String, {
    description: "The arithmetic and the conclusion in words, e.g. `10,000,000 sessions / 182 days of 2020-H1 > 54,945 sessions/day, which satisfies \"more than 50,000\"`.",
  })
  readonly explanation: string;

  constructor(fields: Omit<Derivation, never>) {
    this.formula = fields.formula;
    this.inputs = fields.inputs;
    this.recomputed = fields.recomputed;
    this.stated = fields.stated;
    this.verdict = fields.verdict;
    this.explanation = fields.explanation;
  }
}
