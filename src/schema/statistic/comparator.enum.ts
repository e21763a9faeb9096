import { registerEnumType } from "type-graphql";

/** How a source qualifies a number: "over", "at least", "about", ... */
export enum Comparator {
  EQUAL = "EQUAL",
  APPROXIMATELY = "APPROXIMATELY",
  MORE_THAN = "MORE_THAN",
  AT_LEAST = "AT_LEAST",
  LESS_THAN = "LESS_THAN",
  AT_MOST = "AT_MOST",
  BETWEEN = "BETWEEN",
}

registerEnumType(Comparator, {
  name: "Comparator",
  description: "How the source qualifies the number. \"Over 10 million\" is MORE_THAN 10,000,000: the interval (10,000,000, ∞), not the point.",
  valuesConfig: {
    EQUAL: { description: "Stated as a flat figure (\"4.1 percent\")." },
    APPROXIMATELY: { description: "Stated as approximate (\"about\", \"nearly\", \"some\"); the interval is a ±10% band around the amount." },
    MORE_THAN: { description: "Stated as exceeding the amount (\"over\", \"more than\", \"top\"): an interval open below." },
    AT_LEAST: { description: "Stated as the amount or more (\"at least\"): an interval closed below." },
    LESS_THAN: { description: "Stated as below the amount (\"under\", \"less than\"): an interval open above." },
    AT_MOST: { description: "Stated as the amount or less (\"at most\", \"up to\"): an interval closed above." },
    BETWEEN: { description: "Stated as a range (\"30–60%\", \"5,000 to 7,000\"): amount is the lower end, `upperBound` the upper; the closed interval between them." },
  },
});
