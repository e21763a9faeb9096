import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { displayInterval } from "../../facts/display.js";
import { unitOf } from "../unit/unit-catalog.js";
import { DisplayForm } from "./display-form.enum.js";
import { DisplayLanguage } from "./display-language.enum.js";
import { Quantity } from "./quantity.type.js";

/** An interval of possible values written for people. */
@Resolver(() => Quantity)
export class QuantityResolver {
  @FieldResolver(() => String, {
    description:
      "The interval in words it implies, ends rounded outwards so the words stay true: \"more than 54,945 sessions per day\" for (54,945.05…, ∞), \"between 900 billion and 1.1 trillion yuan\", \"at least 10%\"; in Chinese \"超过5.494万场直播/天\".",
  })
  display(
    @Root() q: Quantity,
    @Arg("language", () => DisplayLanguage, { defaultValue: DisplayLanguage.EN, description: "English (million, billion) or Chinese (万, 亿)." }) language: DisplayLanguage,
    @Arg("form", () => DisplayForm, { defaultValue: DisplayForm.WORDS, description: "In words, or short for chart labels." }) form: DisplayForm,
    @Ctx() ctx: RequestContext,
  ): string {
    const interval = {
      lo: q.lowerBound ?? -Infinity,
      hi: q.upperBound ?? Infinity,
      loOpen: q.lowerBound === null || !q.lowerInclusive,
      hiOpen: q.upperBound === null || !q.upperInclusive,
    };
    return displayInterval(interval, unitOf(ctx, q.unit), { language, form });
  }
}
