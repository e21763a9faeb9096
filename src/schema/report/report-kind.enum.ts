import { registerEnumType } from "type-graphql";

/** Kinds of work that produce figures. */
export enum ReportKind {
  REPORT = "REPORT",
  STUDY = "STUDY",
  DATASET = "DATASET",
  SURVEY = "SURVEY",
  OFFICIAL_STATEMENT = "OFFICIAL_STATEMENT",
  COMPANY_FILING = "COMPANY_FILING",
  PRESS_RELEASE = "PRESS_RELEASE",
}

registerEnumType(ReportKind, {
  name: "ReportKind",
  description: "What kind of work produced the figures.",
  valuesConfig: {
    REPORT: { description: "A published industry or market report." },
    STUDY: { description: "A research study." },
    DATASET: { description: "A dataset or statistics series, such as a platform's own figures." },
    SURVEY: { description: "A survey of a sample of people or companies." },
    OFFICIAL_STATEMENT: { description: "A statement or data release by a government body." },
    COMPANY_FILING: { description: "A filing by a company, such as an annual report or prospectus." },
    PRESS_RELEASE: { description: "A press release." },
  },
});
