import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { citeSource } from "../../facts/cite.js";
import { CitationConnection } from "../citation/citation-connection.type.js";
import { Citation } from "../citation/citation.type.js";
import { CitationMarkup } from "../cite/citation-markup.enum.js";
import { CitationStyle } from "../cite/citation-style.enum.js";
import { citableSource } from "../cite/citable.js";
import { rememberFact } from "../common/fact-memo.js";
import { toConnection } from "../common/connection.js";
import { exactlyOne } from "../common/exactly-one.js";
import { PageArgs, pageWindow } from "../common/page-args.js";
import { URLScalar } from "../common/scalars.js";
import { userError } from "../common/user-error.js";
import { relatedEntity } from "../entity/entity-list.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { lookupNode } from "../node/load-node.js";
import { Organization } from "../organization/organization.type.js";
import { restrict, statisticCriteria } from "../statistic/statistic-criteria.js";
import { StatisticConnection } from "../statistic/statistic-connection.type.js";
import { statisticConnection } from "../statistic/statistic-list.js";
import { StatisticsArgs } from "../statistic/statistic.args.js";
import { SourceConnection } from "./source-connection.type.js";
import { MAX_TEXT_SLICE, archiveSlice } from "./source-text.js";
import { SourcesArgs } from "./source.args.js";
import { Source } from "./source.type.js";

/** Root lookups of sources and the relations and text of a source. */
@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "One source by global ID, slug or URL (pass exactly one); null when none has it." })
  async source(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID, { nullable: true, description: "Global ID of the source." }) id?: string,
    @Arg("slug", () => String, { nullable: true, description: "Slug of the source." }) slug?: string,
    @Arg("url", () => URLScalar, { nullable: true, description: "URL of the source, as listed in `Source.url`." }) url?: URL,
  ): Promise<Source | null> {
    const key = exactlyOne({ id, slug, url });
    if (key.name === "url") {
      const row = await ctx.loaders.sourceByUrl.load(String(key.value));
      return row && new Source(row);
    }
    return lookupNode(ctx, "Source", key);
  }

  @Query(() => SourceConnection, { description: "Documents in the knowledge base, by slug." })
  async sources(@Args(() => SourcesArgs) args: SourcesArgs, @Ctx() ctx: RequestContext) {
    let publisherId: number | undefined;
    if (args.publisher != null) {
      const publisher = await ctx.loaders.entityBySlug.load(args.publisher);
      if (!publisher) throw userError(`Argument publisher: no organization has the slug ${JSON.stringify(args.publisher)}.`, "publisher");
      publisherId = publisher.id;
    }
    const criteria = { publisherId, kind: args.kind ?? undefined };
    const page = ctx.repos.sources.page(criteria, pageWindow(args, "source:slug"));
    return toConnection(SourceConnection, "source:slug", page, (r) => new Source(r), () => ctx.repos.sources.count(criteria));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization that published the document, when known (see also publisherAsNamed)." })
  async publisher(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, s.row.publisherId, Organization);
  }

  @FieldResolver(() => [Entity], { description: "Authors named in the byline (people or organizations), in order; empty when none is named." })
  async authors(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    return (await ctx.loaders.sourceAuthors.load(s.row.id)).map(entityNode);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `A slice of the archived text by Unicode code points (the positions Quote.start/end use), start included, end excluded, at most ${MAX_TEXT_SLICE} code points at once; end defaults to start + ${MAX_TEXT_SLICE} and is clamped to the text's length. Null when the text is not archived (coverage NONE).`,
  })
  async text(
    @Root() s: Source,
    @Ctx() ctx: RequestContext,
    @Arg("start", () => Int, { defaultValue: 0, description: "First code point (0-based, included)." }) start: number,
    @Arg("end", () => Int, { nullable: true, description: `Code point to stop before; at most start + ${MAX_TEXT_SLICE}.` }) end?: number,
  ): Promise<string | null> {
    if (s.row.coverage === "NONE") return null;
    const archive = await ctx.loaders.archiveBySource.load(s.row.id);
    return archive && archiveSlice(archive, start, end);
  }

  @FieldResolver(() => CitationConnection, { description: "The citations taken from this document, in reading order (by the quote's position in the archived text); citations without a quote follow." })
  citations(@Root() s: Source, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    const list = `citation:reading of source:${s.row.id}`;
    const page = ctx.repos.citations.pageBySource(s.row.id, pageWindow(args, list));
    return toConnection(CitationConnection, list, page, (r) => new Citation(r), () => ctx.repos.citations.countBySource(s.row.id));
  }

  @FieldResolver(() => String, {
    description: "The document's reference-list entry in a citation style (APA, MLA, Chicago author-date, GB/T 7714-2015), or its CSL-JSON or BibTeX record.",
  })
  async cite(
    @Root() s: Source,
    @Ctx() ctx: RequestContext,
    @Arg("style", () => CitationStyle, { defaultValue: CitationStyle.APA, description: "The citation style." }) style: CitationStyle,
    @Arg("markup", () => CitationMarkup, { defaultValue: CitationMarkup.TEXT, description: "Plain text or HTML." }) markup: CitationMarkup,
  ): Promise<string> {
    // Kept by id, style and markup (citeproc, about 1.5 ms each): the cache `sourceCitations`.
    return rememberFact<string>(ctx.kb, "sourceCitations", `${s.row.id}\0${style}\0${markup}`, async () => {
      const citable = await citableSource(s.row, ctx);
      return ctx.deadline.paced(() => citeSource(citable, style, markup));
    });
  }

  @FieldResolver(() => StatisticConnection, { description: "The statistics this document states, filtered, sorted and paged like Query.statistics." })
  async statistics(@Root() s: Source, @Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, restrict(await statisticCriteria(args.filter, ctx), { sourceId: s.row.id }, "source"), args, `source:${s.row.id}`);
  }
}
