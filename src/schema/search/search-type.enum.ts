import { registerEnumType } from "type-graphql";

/** What a search can be narrowed to. */
export enum SearchType {
  STATISTIC = "STATISTIC",
  SOURCE = "SOURCE",
  REPORT = "REPORT",
  METRIC = "METRIC",
  ENTITY = "ENTITY",
}

registerEnumType(SearchType, {
  name: "SearchType",
  description: "Kinds of thing a search can return.",
  valuesConfig: {
    STATISTIC: { description: "Statistics, by metric, subject, period, the value and quotes as written, and notes." },
    SOURCE: { description: "Sources, by title, publisher, authors, notes and archived text." },
    REPORT: { description: "Reports, by title, original title, description and authors." },
    METRIC: { description: "Metrics, by name and description." },
    ENTITY: { description: "Platforms, organizations, MCNs, brands, people, markets and events, by names in every language, aliases and description." },
  },
});
