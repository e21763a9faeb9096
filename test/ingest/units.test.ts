import { describe, expect, it } from "vitest";
import { checkKnowledgeBase } from "../../src/ingest/build.js";
import type { Problem } from "../../src/ingest/problems.js";
import { minimalFiles, writeKb } from "./kb.js";

const METRICS = "db/registry/metrics.yaml";
const UNITS = "db/registry/units.yaml";

function problemsOf(changes: Record<string, string | null>): Problem[] {
  return checkKnowledgeBase(writeKb(changes)).problems;
}

/** The minimal metrics registry plus one metric counted in `unit`. */
function metricsWith(unit: string): string {
  return `${minimalFiles()["registry/metrics.yaml"]!}- slug: widget-jobs
  name: Widget jobs
  description: Jobs in widget making.
  quantity: COUNT
  units: [${unit}]
`;
}

const JOBS = `- slug: jobs
  singular: job
  plural: jobs
  zh: 个就业岗位
  description: Jobs.
`;

describe("the units registry (db/registry/units.yaml)", () => {
  it("accepts standard units and rates of them per a unit of time without any entry", () => {
    expect(problemsOf({ "registry/metrics.yaml": metricsWith("hours/day") })).toEqual([]);
  });

  it("refuses a metric unit that is neither standard nor registered, and says how to add it", () => {
    expect(problemsOf({ "registry/metrics.yaml": metricsWith("jobs") })).toEqual([
      {
        file: METRICS,
        path: "[3].units[0]",
        line: 20,
        reason:
          "unknown unit 'jobs': register it in registry/units.yaml with its names, or use a standard unit (CNY, USD, PERCENT, percentage-points, times, calendar-year, seconds, minutes, hours, days, weeks, months, years) or a rate such as 'sessions/day'",
      },
    ]);
  });

  it("takes a registered countable unit, alone and in a rate, with its names in the built database", () => {
    const kb = checkKnowledgeBase(writeKb({ "registry/metrics.yaml": metricsWith("jobs/day"), "registry/units.yaml": JOBS }));
    expect(kb.problems).toEqual([]);
    expect(kb.model.units.map((u) => [u.code, u.kind, u.plural, u.zh])).toEqual([
      ["CNY", "CURRENCY", "yuan", "元"],
      ["CNY/day", "RATE", "yuan per day", "元/天"],
      ["PERCENT", "PERCENT", "percent", "%"],
      ["jobs", "COUNT", "jobs", "个就业岗位"],
      ["jobs/day", "RATE", "jobs per day", "个就业岗位/天"],
    ]);
  });

  it("refuses an entry that redefines a standard unit or repeats one, and a currency without a symbol", () => {
    const units = `${JOBS}- slug: jobs
  singular: job
  plural: jobs
  zh: 个岗位
  description: Again.
- slug: CNY
  singular: yuan
  plural: yuan
  zh: 元
  description: Yuan.
- slug: HKD
  kind: CURRENCY
  singular: Hong Kong dollar
  plural: Hong Kong dollars
  zh: 港元
  description: Hong Kong dollars.
- slug: sessions/day
  singular: session a day
  plural: sessions a day
  zh: 场/天
  description: A rate.
`;
    expect(problemsOf({ "registry/units.yaml": units }).map((p) => `${p.file} ${p.path}: ${p.reason}`)).toEqual([
      `${UNITS} [4].slug: must be a unit as metrics write it: letters, digits and single hyphens (no '/': rates are read from their parts)`,
      `${UNITS} [1].slug: duplicate unit 'jobs'`,
      `${UNITS} [2].slug: 'CNY' is a standard unit, named in the code (src/facts/unit-catalog.ts); remove this entry`,
      `${UNITS} [3].symbol: a currency needs a symbol (such as HK$) for the short form of its figures`,
    ]);
  });
});
