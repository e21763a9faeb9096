import { registerEnumType } from "type-graphql";

/** How a report relates to a report it is based on. */
export enum BasedOnRelation {
  REPUBLISHES = "REPUBLISHES",
  USES_DATA = "USES_DATA",
}

registerEnumType(BasedOnRelation, {
  name: "BasedOnRelation",
  description: "How a report relates to another report it is based on.",
  valuesConfig: {
    REPUBLISHES: { description: "It passes on the other report's figures: the other report is their producer." },
    USES_DATA: { description: "It computed its own figures from the other's data: it is itself their producer." },
  },
});
