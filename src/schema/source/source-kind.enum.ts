import { registerEnumType } from "type-graphql";

/** Kinds of source document. */
export enum SourceKind {
  NEWS_ARTICLE = "NEWS_ARTICLE",
  PRESS_RELEASE = "PRESS_RELEASE",
  REPORT_PAGE = "REPORT_PAGE",
  COMPANY_FILING = "COMPANY_FILING",
  BLOG_POST = "BLOG_POST",
  SOCIAL_MEDIA_POST = "SOCIAL_MEDIA_POST",
  ENCYCLOPEDIA_ARTICLE = "ENCYCLOPEDIA_ARTICLE",
  JOURNAL_ARTICLE = "JOURNAL_ARTICLE",
}

registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "What kind of document a source is.",
  valuesConfig: {
    NEWS_ARTICLE: { description: "An article of a newspaper, agency or news site." },
    PRESS_RELEASE: { description: "A press release." },
    REPORT_PAGE: { description: "A report's own page or document." },
    COMPANY_FILING: { description: "A filing by a company." },
    BLOG_POST: { description: "A post on a blog." },
    SOCIAL_MEDIA_POST: { description: "A post on a social network." },
    ENCYCLOPEDIA_ARTICLE: { description: "An encyclopedia article." },
    JOURNAL_ARTICLE: { description: "An article in an academic or trade journal." },
  },
});
