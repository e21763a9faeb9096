import { registerEnumType } from "type-graphql";

/** What kind of quantity a metric is. */
export enum MetricQuantity {
  MONEY = "MONEY",
  COUNT = "COUNT",
  SHARE = "SHARE",
  GROWTH_RATE = "GROWTH_RATE",
  RATIO = "RATIO",
  DURATION = "DURATION",
  PERCENTAGE_POINTS = "PERCENTAGE_POINTS",
}

registerEnumType(MetricQuantity, {
  name: "MetricQuantity",
  description: "What kind of quantity a metric is.",
  valuesConfig: {
    MONEY: { description: "An amount of money (units CNY, USD)." },
    COUNT: { description: "A number of things (sessions, views, jobs, users), possibly per day." },
    SHARE: { description: "A percentage of a whole, between 0 and 100 (unit PERCENT)." },
    GROWTH_RATE: { description: "A percentage change against an earlier value; may be negative (unit PERCENT)." },
    RATIO: { description: "A multiple of another value (unit times)." },
    DURATION: { description: "A length of time (hours), possibly per day." },
    PERCENTAGE_POINTS: { description: "A difference between two percentages." },
  },
});
