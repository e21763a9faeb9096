import { registerEnumType } from "type-graphql";

/** Whether a figure is written in words or in the short form of chart labels. */
export enum DisplayForm {
  WORDS = "WORDS",
  SHORT = "SHORT",
}

registerEnumType(DisplayForm, {
  name: "DisplayForm",
  description: "How long a figure written for people (`display`) is.",
  valuesConfig: {
    WORDS: { description: "In words, for sentences and tables: \"more than 1.05 trillion yuan\", \"about 8.5 billion yuan\"." },
    SHORT: { description: "Short, for chart labels: comparators as signs, currencies as symbols, short scale words: \">¥1.05 tn\", \"≈4.1%\"." },
  },
});
