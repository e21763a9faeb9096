import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { type DerivationInput as FactsInput, checkDerivation } from "../../facts/derivation.js";
import type { Comparator } from "../../facts/interval.js";
import { statedQuantity } from "../../facts/quantity.js";
import { Quantity } from "../common/quantity.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { DerivationInput } from "./derivation-input.type.js";
import { DerivationVerdict } from "./derivation-verdict.enum.js";
import { Derivation } from "./derivation.type.js";

/**
 * The derivation check of a statistic, or null unless it is DERIVED. The inputs are read for
 * every statistic asked about (one statement per page, whatever the data), then the formula is
 * recomputed by `checkDerivation` (once per statistic and database: the knowledge base's cache
 * `derivationChecks` keeps the result, which is immutable data).
 */
export async function statisticDerivation(row: StatisticRow, ctx: RequestContext): Promise<Derivation | null> {
  const inputs = await ctx.loaders.derivationInputs.load(row.id);
  if (row.kind !== "DERIVED" || row.derivationFormula === null) return null;
  const formula = row.derivationFormula;
  // The same statistic and inputs always give the same derivation: built once per database.
  return ctx.kb.analyses.cache<number, Derivation>("derivationChecks").remember(row.id, () => {
    const factsInputs: FactsInput[] = inputs.map((i) => ({
      name: i.inputName,
      comparator: i.comparator as Comparator,
      amount: i.amount,
      unit: i.unit,
      upper: upperOf(i),
    }));
    const check = checkDerivation(
      {
        formula,
        comparator: row.comparator as Comparator,
        amount: row.amount,
        unit: row.unit,
        precision: row.precision,
        upper: upperOf(row),
        period: row.periodStart !== null && row.periodDays !== null ? { label: row.periodLabel ?? row.periodStart, days: row.periodDays } : null,
      },
      factsInputs,
    );
    return new Derivation({
      formula: check.formula,
      inputs: inputs.map(({ derivedId: _d, inputName, inputPosition: _p, ...input }) =>
        new DerivationInput(inputName, new Statistic(input), Quantity.of(statedQuantity(input.comparator as Comparator, input.amount, input.unit, upperOf(input)))),
      ),
      recomputed: check.recomputed && Quantity.of(check.recomputed),
      stated: Quantity.of(check.stated),
      verdict: check.verdict as DerivationVerdict,
      explanation: check.explanation,
    });
  });
}

/** The top of a BETWEEN range as a row stores it (its upper bound); null for other comparators. */
export function upperOf(row: { readonly comparator: string; readonly upperBound: number | null }): number | null {
  return row.comparator === "BETWEEN" ? row.upperBound : null;
}
