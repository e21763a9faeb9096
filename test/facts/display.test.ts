import { describe, expect, it } from "vitest";
import { displayInterval, displayValue } from "../../src/facts/display.js";
import { formatFigure, formatFigureRange, plainNumber, significantDigits } from "../../src/facts/human-number.js";
import type { Comparator } from "../../src/facts/interval.js";
import { humanNumber } from "../../src/facts/number-format.js";
import { type UnitInfo, resolveUnit, unitForWords } from "../../src/facts/unit-catalog.js";

/** Units a data editor registers (db/registry/units.yaml), as the catalog holds them. */
const REGISTERED = new Map<string, UnitInfo>([
  ["jobs", { code: "jobs", kind: "COUNT", singular: "job", plural: "jobs", symbol: null, zh: "个就业岗位", description: "Jobs." }],
  ["sessions", { code: "sessions", kind: "COUNT", singular: "session", plural: "sessions", symbol: null, zh: "场直播", description: "Sessions." }],
]);

const unit = (code: string) => {
  const u = resolveUnit(code, REGISTERED);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
};

/** All four writings of one stated value: English words, Chinese words, English short, Chinese short. */
function writings(comparator: Comparator, amount: number, code: string, precision: number | null, upper: number | null = null): string[] {
  const v = { comparator, amount, upper, precision };
  return [
    displayValue(v, unit(code), { language: "EN", form: "WORDS" }),
    displayValue(v, unit(code), { language: "ZH", form: "WORDS" }),
    displayValue(v, unit(code), { language: "EN", form: "SHORT" }),
    displayValue(v, unit(code), { language: "ZH", form: "SHORT" }),
  ];
}

describe("a stated value for people (value.display)", () => {
  it("writes money with its scale word and currency, keeping the digits the figure was written with", () => {
    expect(writings("MORE_THAN", 1e12, "CNY", 1e12)).toEqual(["more than 1 trillion yuan", "超过1万亿元", ">¥1 tn", ">¥1万亿"]);
    expect(writings("APPROXIMATELY", 8.5e9, "CNY", 1e8)).toEqual(["about 8.5 billion yuan", "约85亿元", "≈¥8.5 bn", "≈¥85亿"]);
    expect(writings("EQUAL", 1.05e12, "CNY", 1e10)).toEqual(["1.05 trillion yuan", "1.05万亿元", "¥1.05 tn", "¥1.05万亿"]);
    expect(writings("EQUAL", 433.8e9, "CNY", 1e8)).toEqual(["433.8 billion yuan", "4338亿元", "¥433.8 bn", "¥4338亿"]);
    // "9610亿" is written to units of 亿: the Chinese keeps its four digits, the English drops no digit that is not zero.
    expect(writings("EQUAL", 961e9, "CNY", 1e8)).toEqual(["961 billion yuan", "9610亿元", "¥961 bn", "¥9610亿"]);
    expect(writings("LESS_THAN", 150e9, "USD", 1e9)).toEqual(["less than 150 billion US dollars", "不到1500亿美元", "<US$150 bn", "<US$1500亿"]);
  });

  it("never rounds a figure to fewer digits than it was written with", () => {
    expect(writings("EQUAL", 1234567, "CNY", 1)[0]).toBe("1.234567 million yuan");
    expect(writings("EQUAL", 643e6, "CNY", 1e6)[1]).toBe("6.43亿元");
    expect(writings("EQUAL", 20000, "sessions", 1)).toEqual(["20,000 sessions", "2万场直播", "20,000 sessions", "2万场直播"]);
  });

  it("writes percentages, percentage points and multiples the way news does", () => {
    expect(writings("EQUAL", 4.1, "PERCENT", 0.1)).toEqual(["4.1%", "4.1%", "4.1%", "4.1%"]);
    expect(writings("AT_LEAST", 100, "PERCENT", 1)).toEqual(["at least 100%", "至少100%", "≥100%", "≥100%"]);
    expect(writings("EQUAL", -5.2, "PERCENT", 0.1)[0]).toBe("-5.2%");
    expect(writings("EQUAL", 2.5, "percentage-points", 0.1)).toEqual(["2.5 percentage points", "2.5个百分点", "2.5 pp", "2.5个百分点"]);
    expect(writings("EQUAL", 1, "percentage-points", 1)[0]).toBe("1 percentage point");
    expect(writings("APPROXIMATELY", 2.2, "times", 0.1)).toEqual(["about 2.2 times", "约2.2倍", "≈2.2×", "≈2.2倍"]);
  });

  it("writes counts with the registered names, singular for one", () => {
    expect(writings("MORE_THAN", 1.73e6, "jobs", 1e4)).toEqual(["more than 1.73 million jobs", "超过173万个就业岗位", ">1.73 m jobs", ">173万个就业岗位"]);
    expect(writings("EQUAL", 1, "jobs", 1)[0]).toBe("1 job");
    expect(writings("AT_MOST", 40, "sessions", 1)).toEqual(["at most 40 sessions", "最多40场直播", "≤40 sessions", "≤40场直播"]);
  });

  it("writes durations and rates per unit of time", () => {
    expect(writings("EQUAL", 14, "hours", 1)).toEqual(["14 hours", "14小时", "14 h", "14小时"]);
    expect(writings("EQUAL", 1, "hours", 1)[0]).toBe("1 hour");
    expect(writings("MORE_THAN", 50000, "sessions/day", 1000)).toEqual([
      "more than 50,000 sessions per day",
      "超过5万场直播/天",
      ">50,000 sessions/d",
      ">5万场直播/天",
    ]);
    expect(unit("hours/day").singular).toBe("hour per day");
  });

  it("writes a BETWEEN range once, with the scale word shared", () => {
    expect(writings("BETWEEN", 30, "PERCENT", 1, 60)).toEqual(["30–60%", "30-60%", "30–60%", "30-60%"]);
    expect(writings("BETWEEN", 1e12, "CNY", 1e11, 1.2e12).slice(0, 2)).toEqual(["1–1.2 trillion yuan", "1-1.2万亿元"]);
  });

  it("writes a calendar year as the year, with comparators as before and after", () => {
    expect(writings("EQUAL", 2017, "calendar-year", 1)).toEqual(["2017", "2017年", "2017", "2017年"]);
    expect(writings("MORE_THAN", 2017, "calendar-year", 1).slice(0, 3)).toEqual(["after 2017", "2017年以后", ">2017"]);
    expect(writings("AT_MOST", 2019, "calendar-year", 1).slice(0, 2)).toEqual(["2019 or earlier", "不晚于2019年"]);
    expect(writings("BETWEEN", 2017, "calendar-year", 1, 2019).slice(0, 2)).toEqual(["2017–2019", "2017年至2019年"]);
  });

  it("has a comparator word for every comparator, in both languages", () => {
    const all: Comparator[] = ["EQUAL", "APPROXIMATELY", "MORE_THAN", "AT_LEAST", "LESS_THAN", "AT_MOST", "BETWEEN"];
    expect(all.map((c) => writings(c, 10, "PERCENT", 1, 20).slice(0, 2))).toEqual([
      ["10%", "10%"],
      ["about 10%", "约10%"],
      ["more than 10%", "超过10%"],
      ["at least 10%", "至少10%"],
      ["less than 10%", "不到10%"],
      ["at most 10%", "最多10%"],
      ["10–20%", "10-20%"],
    ]);
  });
});

describe("an interval for people (Quantity.display)", () => {
  const interval = (lo: number, hi: number, loOpen = false, hiOpen = false) => ({ lo, hi, loOpen: loOpen || lo === -Infinity, hiOpen: hiOpen || hi === Infinity });
  const en = { language: "EN", form: "WORDS" } as const;
  const zh = { language: "ZH", form: "WORDS" } as const;

  it("rounds a computed lower bound down and says 'more than', so the words stay implied", () => {
    const perDay = interval(54945.054945, Infinity, true);
    expect(displayInterval(perDay, unit("sessions/day"), en)).toBe("more than 54,945 sessions per day");
    expect(displayInterval(perDay, unit("sessions/day"), zh)).toBe("超过5.494万场直播/天");
    // A closed bound that rounding leaves alone stays "at least"; one it moved becomes strict.
    expect(displayInterval(interval(10, Infinity), unit("PERCENT"), en)).toBe("at least 10%");
    expect(displayInterval(interval(10.005, Infinity), unit("PERCENT"), en)).toBe("more than 10%");
    expect(displayInterval(interval(-Infinity, 3.3333), unitForWords(""), en)).toBe("less than 3.34");
  });

  it("writes two-sided intervals with their ends rounded outwards, and exact points plainly", () => {
    expect(displayInterval(interval(0.9e12, 1.1e12), unit("CNY"), en)).toBe("between 900 billion and 1.1 trillion yuan");
    expect(displayInterval(interval(0.9e12, 1.1e12), unit("CNY"), zh)).toBe("9000亿至1.1万亿元");
    expect(displayInterval(interval(0.9e12, 1.1e12), unit("CNY"), { language: "EN", form: "SHORT" })).toBe("¥900 bn–1.1 tn");
    expect(displayInterval(interval(182, 182), unit("days"), en)).toBe("182 days");
    expect(displayInterval(interval(54945.05, 54945.05), unit("sessions/day"), en)).toBe("about 54,945 sessions per day");
    expect(displayInterval(interval(-Infinity, Infinity), unit("CNY"), en)).toBe("any value");
    expect(displayInterval(interval(5, 3), unit("CNY"), zh)).toBe("无可能值");
  });
});

describe("the number writing shared with the agreement reasons", () => {
  it("keeps every written digit and drops floating-point noise", () => {
    expect(significantDigits(433.8e9, 1e8)).toBe(4);
    expect(formatFigure(433.8e9, { language: "EN", form: "WORDS", precision: 1e8 })).toBe("433.8 billion");
    expect(formatFigureRange(433.75e9, 433.85e9, { language: "EN", form: "WORDS", precision: 1e7 })).toBe("433.75–433.85 billion");
    expect(plainNumber(0.1 + 0.2)).toBe("0.3");
    expect(humanNumber(1.05e12)).toBe("1.05 trillion");
    expect(humanNumber(433.75e9, 1e12)).toBe("0.43375 trillion");
  });

  it("reads an unregistered code as a countable noun when no catalog is at hand", () => {
    expect(unitForWords("virtual-coins")).toMatchObject({ kind: "COUNT", singular: "virtual coin", plural: "virtual coins" });
    expect(unitForWords("users/day")).toMatchObject({ kind: "RATE", plural: "users per day" });
    expect(resolveUnit("users")).toBeNull();
    expect(resolveUnit("sessions/fortnight", REGISTERED)).toBeNull();
  });
});
