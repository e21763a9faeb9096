import { registerEnumType } from "type-graphql";

/** What kind of figure a statistic is; a forecast is never a measurement. */
export enum StatisticKind {
  MEASUREMENT = "MEASUREMENT",
  ESTIMATE = "ESTIMATE",
  FORECAST = "FORECAST",
  SURVEY = "SURVEY",
  DERIVED = "DERIVED",
}

registerEnumType(StatisticKind, {
  name: "StatisticKind",
  description: "What kind of figure a statistic is. A forecast is never shown as a measurement.",
  valuesConfig: {
    MEASUREMENT: { description: "Counted or recorded by its producer (sales recorded by a platform, sessions counted by a ministry)." },
    ESTIMATE: { description: "An estimate of something that has happened, made by its producer from partial data." },
    FORECAST: { description: "A prediction of a value for a period that had not ended when it was stated." },
    SURVEY: { description: "The result of a survey of a sample (e.g. the share of surveyed brands saying something)." },
    DERIVED: { description: "Computed from other statistics by a recorded formula (e.g. a daily average from a half-year total)." },
  },
});
