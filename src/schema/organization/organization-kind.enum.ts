import { registerEnumType } from "type-graphql";

/** Kinds of organization. */
export enum OrganizationKind {
  COMPANY = "COMPANY",
  GOVERNMENT_AGENCY = "GOVERNMENT_AGENCY",
  UNIVERSITY = "UNIVERSITY",
  RESEARCH_INSTITUTE = "RESEARCH_INSTITUTE",
  NEWS_PUBLISHER = "NEWS_PUBLISHER",
  CONSULTANCY = "CONSULTANCY",
  INDUSTRY_BODY = "INDUSTRY_BODY",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of organization it is.",
  valuesConfig: {
    COMPANY: { description: "A business (e.g. Alibaba Group, Kuaishou Technology)." },
    GOVERNMENT_AGENCY: { description: "A ministry, agency or state body (e.g. the Ministry of Commerce, CNNIC)." },
    UNIVERSITY: { description: "A university (e.g. Renmin University of China)." },
    RESEARCH_INSTITUTE: { description: "A research institute or corporate research arm (e.g. AliResearch)." },
    NEWS_PUBLISHER: { description: "A newspaper, agency or news site (e.g. People's Daily Online)." },
    CONSULTANCY: { description: "A consultancy or market research firm (e.g. KPMG, iiMedia Research)." },
    INDUSTRY_BODY: { description: "An industry association or trade body." },
    OTHER: { description: "Anything else: blogs, encyclopedias, personal sites." },
  },
});
