import { describe, expect, it } from "vitest";
import type { AgreementContext, ComparableStatistic } from "../../src/facts/agreement.js";
import type { Comparator } from "../../src/facts/interval.js";
import { defaultPrecision } from "../../src/facts/precision.js";
import { findConflictGroups } from "../../src/facts/conflict-groups.js";

const ctx: AgreementContext = { metricRelations: [], partOf: new Map() };
const gmv2020 = (id: string, amount: number, { comparator = "EQUAL", ...fields }: Partial<ComparableStatistic> & { comparator?: Comparator } = {}): ComparableStatistic => ({
  id,
  metric: "live-commerce-gmv",
  subject: fields.subject ?? "china-live-commerce",
  subjects: [fields.subject ?? "china-live-commerce"],
  event: null,
  kind: "ESTIMATE",
  value: { comparator, amount, upper: null, precision: defaultPrecision(amount) },
  unit: "CNY",
  period: { start: "2020-01-01", end: "2020-12-31", label: "2020" },
  ...fields,
});

describe("conflict groups", () => {
  it("joins statistics linked by conflicts into one group and leaves agreeing ones out", () => {
    const stats = [
      gmv2020("kpmg", 1.05e12, { kind: "FORECAST" }),
      gmv2020("kpmg-again", 1.05e12, { kind: "FORECAST" }),
      gmv2020("iimedia", 961e9),
      gmv2020("mitsui", 900e9),
      gmv2020("askci", 1.2881e12),
      gmv2020("other-year", 433.8e9, { period: { start: "2019-01-01", end: "2019-12-31", label: "2019" } }),
    ];
    const groups = findConflictGroups(stats, ctx);
    expect(groups.map((g) => g.members)).toEqual([["kpmg", "kpmg-again", "iimedia", "mitsui", "askci"]]);
    expect(groups[0]!.conflicts.map((c) => [c.first, c.second])).toEqual([
      ["kpmg", "iimedia"],
      ["kpmg", "mitsui"],
      ["kpmg", "askci"],
      ["kpmg-again", "iimedia"],
      ["kpmg-again", "mitsui"],
      ["kpmg-again", "askci"],
      ["iimedia", "mitsui"],
      ["iimedia", "askci"],
      ["mitsui", "askci"],
    ]);
  });

  it("keeps separate groups apart and orders them by first member", () => {
    const stats = [
      gmv2020("a", 120e9, { subject: "taobao-live" }),
      gmv2020("x", 5e9),
      gmv2020("b", 200e9, { subject: "taobao-live" }),
      gmv2020("y", 7e9),
    ];
    expect(findConflictGroups(stats, ctx).map((g) => g.members)).toEqual([
      ["a", "b"],
      ["x", "y"],
    ]);
  });

  it("gives the reason of each conflicting pair", () => {
    const groups = findConflictGroups([gmv2020("p", 282e6, { unit: "USD" }), gmv2020("q", 298e6, { unit: "USD" })], ctx);
    expect(groups).toEqual([
      {
        members: ["p", "q"],
        conflicts: [
          {
            first: "p",
            second: "q",
            reason:
              '"282 million US dollars" and "298 million US dollars" cannot both hold: both are written to the same precision (units of a million) and differ by 16 million US dollars (5.7% of the smaller).',
          },
        ],
      },
    ]);
  });

  it("finds no group when nothing conflicts", () => {
    expect(findConflictGroups([gmv2020("a", 1e12, { comparator: "MORE_THAN" }), gmv2020("b", 1.05e12)], ctx)).toEqual([]);
  });
});
