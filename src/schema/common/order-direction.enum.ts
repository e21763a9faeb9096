import { registerEnumType } from "type-graphql";

/** Sort direction. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  valuesConfig: {
    ASC: { description: "Smallest (or earliest) first." },
    DESC: { description: "Largest (or latest) first." },
  },
});
