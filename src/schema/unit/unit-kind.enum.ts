import { registerEnumType } from "type-graphql";

/** How values in a unit are written (the rule; the unit's names come from the catalog). */
export enum UnitKind {
  CURRENCY = "CURRENCY",
  PERCENT = "PERCENT",
  PERCENTAGE_POINTS = "PERCENTAGE_POINTS",
  MULTIPLE = "MULTIPLE",
  CALENDAR_YEAR = "CALENDAR_YEAR",
  DURATION = "DURATION",
  COUNT = "COUNT",
  RATE = "RATE",
}

registerEnumType(UnitKind, {
  name: "UnitKind",
  description: "What a unit measures, which decides how its figures are written.",
  valuesConfig: {
    CURRENCY: { description: "Money in a currency (CNY, USD): \"1 trillion yuan\", \"¥1 tn\", \"1万亿元\"." },
    PERCENT: { description: "A percentage (PERCENT): \"4.1%\"." },
    PERCENTAGE_POINTS: { description: "A difference between percentages: \"2.5 percentage points\", \"2.5个百分点\"." },
    MULTIPLE: { description: "A multiple of another amount (times): \"2.2 times\", \"2.2×\", \"2.2倍\"." },
    CALENDAR_YEAR: { description: "A year of the calendar (calendar-year), printed as the year: \"2017\", \"after 2017\", \"2017年\"." },
    DURATION: { description: "A length of time (hours, days, ...): \"14 hours\", \"14小时\"." },
    COUNT: { description: "Things counted one by one (jobs, users, sessions), named by the data editors in db/registry/units.yaml." },
    RATE: { description: "A count, amount or duration per unit of time (sessions/day): \"50,000 sessions per day\", \"5万场直播/天\"." },
  },
});
