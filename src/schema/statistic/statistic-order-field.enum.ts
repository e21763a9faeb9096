import { registerEnumType } from "type-graphql";

/** What a list of statistics can be sorted by. */
export enum StatisticOrderField {
  PERIOD = "PERIOD",
  VALUE = "VALUE",
  PUBLISHED = "PUBLISHED",
}

registerEnumType(StatisticOrderField, {
  name: "StatisticOrderField",
  description: "What to sort statistics by. Ties are broken by an internal id in the same direction; statistics without the sort key come last in both directions.",
  valuesConfig: {
    PERIOD: { description: "The first day of the statistic's period; statistics without a period come last." },
    VALUE: { description: "The amount as stated, whatever its unit (combine with a metric or unit filter to compare like with like)." },
    PUBLISHED: { description: "The earliest publication date among the sources citing it (as written: `2020` sorts before `2020-10` and `2020-10-22`); undated ones come last." },
  },
});
