import { registerEnumType } from "type-graphql";

/** The language a figure is written in for people. */
export enum DisplayLanguage {
  EN = "EN",
  ZH = "ZH",
}

registerEnumType(DisplayLanguage, {
  name: "DisplayLanguage",
  description: "The language of a figure written for people (`display`).",
  valuesConfig: {
    EN: { description: "English, with million, billion and trillion: \"more than 1 trillion yuan\"." },
    ZH: { description: "Simplified Chinese, with 万 and 亿: \"超过1万亿元\"." },
  },
});
