import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { citeStatistic } from "../../facts/cite.js";
import { StatisticAgreement } from "../agreement/statistic-agreement.type.js";
import { statisticAgreement } from "../agreement/statistic-agreement.js";
import { CitationMarkup } from "../cite/citation-markup.enum.js";
import { CitationStyle } from "../cite/citation-style.enum.js";
import { citableStatistic } from "../cite/citable.js";
import { rememberFact } from "../common/fact-memo.js";
import { Corroboration } from "../corroboration/corroboration.type.js";
import { originalReports } from "../corroboration/report-links.js";
import { statisticCorroboration } from "../corroboration/statistic-corroboration.js";
import { Derivation } from "../derivation/derivation.type.js";
import { statisticDerivation } from "../derivation/statistic-derivation.js";
import { ProvenanceChain } from "../provenance/provenance-chain.type.js";
import { statisticProvenance } from "../provenance/statistic-provenance.js";
import { Report } from "../report/report.type.js";
import { Statistic } from "./statistic.type.js";


/**
 * The fact-checking fields of a statistic: derivation, agreement, producing reports,
 * corroboration, provenance and formatted citations. Each is a call into src/facts over rows
 * read through the request's loaders, so a page of statistics costs a fixed number of
 * statements whatever its size.
 */
@Resolver(() => Statistic)
export class StatisticFactsResolver {
  @FieldResolver(() => Derivation, {
    nullable: true,
    description:
      "For a DERIVED figure: its inputs and formula, the interval the API recomputes from the inputs as stated, and whether the stated figure is CONSISTENT, INCONSISTENT or UNCHECKABLE, with the arithmetic shown. Null for every other kind.",
  })
  derivation(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Derivation | null> {
    return statisticDerivation(s.row, ctx);
  }

  @FieldResolver(() => StatisticAgreement, {
    description:
      "The other statistics this one can be compared with (the same or a related metric, the same subject or one part of the other, overlapping periods) with a verdict each: AGREES, COMPATIBLE, CONFLICTS or DIFFERENT_SCOPE, and the reason.",
  })
  async agreement(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<StatisticAgreement> {
    // Kept by id (the agreement rules over every comparable figure): the cache `statisticAgreements`.
    return rememberFact<StatisticAgreement>(ctx.kb, "statisticAgreements", String(s.row.id), async () => {
      ctx.deadline.check();
      return statisticAgreement(s.row, ctx);
    });
  }

  @FieldResolver(() => [Report], {
    description:
      "The reports that originally produced the figure, as the sources credit them: each credited report, or the reports it republishes (followed to the original). Empty when no source credits a report.",
  })
  async producingReports(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Report[]> {
    const [citations, graph] = await Promise.all([ctx.loaders.citationsByStatistic.load(s.row.id), ctx.loaders.reportGraph.load(s.row.id)]);
    return originalReports(citations, graph).map((r) => new Report(r));
  }

  @FieldResolver(() => Corroboration, {
    description: "How independently the figure is supported: distinct primary producers (a joint report is one) against distinct citing publishers, with unattributed and inferred citations counted.",
  })
  corroboration(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Corroboration> {
    return statisticCorroboration(s.row, ctx);
  }

  @FieldResolver(() => [ProvenanceChain], {
    description: "One chain per citation, in citation order: the ordered steps from the document that states the figure to who produced it, each marked as stated or as the editors' inference.",
  })
  provenance(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<ProvenanceChain[]> {
    return statisticProvenance(s.row, ctx);
  }

  @FieldResolver(() => String, {
    description:
      "The figure ready to print under a chart: what, of whom, when and how much (with the kind unless it is a measurement, so a forecast is never cited as one), the in-text citation of its sources in the style, then their reference-list entries, each source once.",
  })
  async cite(
    @Root() s: Statistic,
    @Ctx() ctx: RequestContext,
    @Arg("style", () => CitationStyle, { defaultValue: CitationStyle.APA, description: "The citation style." }) style: CitationStyle,
    @Arg("markup", () => CitationMarkup, { defaultValue: CitationMarkup.TEXT, description: "Plain text or HTML." }) markup: CitationMarkup,
  ): Promise<string> {
    // Kept by id, style and markup (citeproc takes 5–8 ms each): the cache `statisticCitations`.
    return rememberFact<string>(ctx.kb, "statisticCitations", `${s.row.id}\0${style}\0${markup}`, async () => {
      const citable = await citableStatistic(s.row, ctx);
      return ctx.deadline.paced(() => citeStatistic(citable, style, markup));
    });
  }
}
