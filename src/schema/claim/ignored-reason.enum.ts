import { registerEnumType } from "type-graphql";

/** Why a number of a claim was not read as a figure. */
export enum IgnoredReason {
  YEAR = "YEAR",
  DATE = "DATE",
  EVENT_NAME = "EVENT_NAME",
  PHONE_NUMBER = "PHONE_NUMBER",
  RANK = "RANK",
  ORDINAL = "ORDINAL",
  PART_OF_NAME = "PART_OF_NAME",
}

registerEnumType(IgnoredReason, {
  name: "IgnoredReason",
  description: "Why a number written in a claim is not a figure to check.",
  valuesConfig: {
    YEAR: { description: "A year (\"in 2020\", \"2020年\"): it dates a figure." },
    DATE: { description: "Part of a date (\"June 18\", \"6月18日\", \"2020-06-18\")." },
    EVENT_NAME: { description: "The name of a festival (\"618\", \"Double 11\", \"双11\", \"11.11\")." },
    PHONE_NUMBER: { description: "A telephone number." },
    RANK: { description: "A rank (\"the top 15\", \"No. 1\", \"前十\")." },
    ORDINAL: { description: "An ordinal (\"1st\", \"3rd\")." },
    PART_OF_NAME: { description: "Part of a name or code (\"5G\", \"COVID-19\", \"H1\")." },
  },
});
