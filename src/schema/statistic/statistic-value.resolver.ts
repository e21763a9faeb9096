import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { displayValue } from "../../facts/display.js";
import { DisplayForm } from "../common/display-form.enum.js";
import { DisplayLanguage } from "../common/display-language.enum.js";
import { unitOf } from "../unit/unit-catalog.js";
import { Unit } from "../unit/unit.type.js";
import { StatisticValue } from "./statistic-value.type.js";

/** A stated value written for people, and its unit's names. */
@Resolver(() => StatisticValue)
export class StatisticValueResolver {
  @FieldResolver(() => String, {
    description:
      "The value written for people, with its comparator and unit, keeping the digits it was stated with: \"more than 1 trillion yuan\", \"about 8.5 billion yuan\", \"4.1%\", \"14 hours\", \"30–60%\"; in Chinese \"超过1万亿元\"; short for charts \">¥1 tn\". Every figure has one, whether or not its source's words are archived (`asWritten`).",
  })
  display(
    @Root() v: StatisticValue,
    @Arg("language", () => DisplayLanguage, { defaultValue: DisplayLanguage.EN, description: "English (million, billion) or Chinese (万, 亿)." }) language: DisplayLanguage,
    @Arg("form", () => DisplayForm, { defaultValue: DisplayForm.WORDS, description: "In words, or short for chart labels." }) form: DisplayForm,
    @Ctx() ctx: RequestContext,
  ): string {
    const stated = { comparator: v.comparator, amount: v.amount, upper: v.comparator === "BETWEEN" ? v.upperBound : null, precision: v.precision };
    return displayValue(stated, unitOf(ctx, v.unit), { language, form });
  }

  @FieldResolver(() => Unit, { description: "The unit (`unit`) with its names and symbol, from the closed set of units (`Query.units`)." })
  unitDetails(@Root() v: StatisticValue, @Ctx() ctx: RequestContext): Unit {
    return new Unit(unitOf(ctx, v.unit));
  }
}
