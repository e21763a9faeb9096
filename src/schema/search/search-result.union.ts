import { createUnionType } from "type-graphql";
import { Brand } from "../brand/brand.type.js";
import { Event } from "../event/event.type.js";
import { Market } from "../market/market.type.js";
import { MCN } from "../mcn/mcn.type.js";
import { Metric } from "../metric/metric.type.js";
import { Organization } from "../organization/organization.type.js";
import { Person } from "../person/person.type.js";
import { Platform } from "../platform/platform.type.js";
import { Report } from "../report/report.type.js";
import { Source } from "../source/source.type.js";
import { Statistic } from "../statistic/statistic.type.js";

/** Anything a search can find. */
export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Anything a search can find: a statistic, source, report, metric or entity.",
  types: () => [Statistic, Source, Report, Metric, Platform, Organization, MCN, Brand, Person, Market, Event] as const,
});
