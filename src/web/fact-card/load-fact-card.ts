import type { ChartStatistic } from "../chart/chart-block.js";
import type { WebDeps } from "../deps.js";
import { PageQueryError } from "../run-query.js";
import { loadCardChart } from "./fact-card-chart.js";
import { type CardCitation, type CardStatistic, FACT_CARD_QUERY, type FactCardResult, PASSAGE_QUERY, type PassageResult } from "./fact-card.query.js";
import type { FactCardPassageQueryVariables, FactCardQueryVariables } from "./generated/fact-card.operations.js";
import { type Passage, contextWindow, passageAround } from "./passage.js";

/** Everything the card shows: the statistic, each citation's passage in context, the data version. */
export interface FactCard {
  readonly statistic: CardStatistic;
  /** By citation slug: the quote within its surrounding archived text, or null when that cannot be shown. */
  readonly passages: ReadonlyMap<string, Passage | null>;
  readonly knowledgeBase: FactCardResult["knowledgeBase"];
  /** Its metric's figures about its subject, for the card's chart (itself included). */
  readonly chart: readonly ChartStatistic[];
}

/** The API answered with errors: the card cannot be drawn (a limit, or a server fault). */
export class FactCardQueryError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(`the fact card's query failed: ${messages.join("; ")}`);
  }
}

/**
 * Loads one fact card through the public GraphQL API: the statistic with its citations and
 * sources, then, in parallel, for each quote in an archived text the text around it
 * (`Source.text`) and the figures of its metric about its subject (for the chart). Null when
 * no statistic has the slug.
 */
export async function loadFactCard(execute: WebDeps["execute"], slug: string): Promise<FactCard | null> {
  const result = await run<FactCardResult, FactCardQueryVariables>(execute, FACT_CARD_QUERY, { slug }, "FactCard");
  const statistic = result.statistic;
  if (!statistic) return null;
  const passages = new Map<string, Passage | null>();
  const [chart] = await Promise.all([
    loadCardChart(execute, statistic).catch((e: unknown) => {
      if (e instanceof PageQueryError) throw new FactCardQueryError(e.messages);
      throw e;
    }),
    ...statistic.citations.map(async (c) => {
      if (c.quote) passages.set(c.slug, await loadPassage(execute, c));
    }),
  ]);
  return { statistic, passages, knowledgeBase: result.knowledgeBase, chart: chart ?? [] };
}

async function loadPassage(execute: WebDeps["execute"], citation: CardCitation): Promise<Passage | null> {
  const quote = citation.quote!;
  const length = citation.source.archive.length;
  const window = contextWindow(quote.start, quote.end, length);
  const result = await run<PassageResult, FactCardPassageQueryVariables>(execute, PASSAGE_QUERY, { source: citation.source.slug, ...window }, "FactCardPassage");
  const text = result.source?.text;
  return text == null ? null : passageAround(text, window.start, quote, length);
}

/** Runs one of the card's operations with variables of its generated type; its data, typed as its generated result. */
async function run<T, V extends Record<string, unknown>>(execute: WebDeps["execute"], query: string, variables: V, operationName: string): Promise<T> {
  const response = await execute({ query, variables, operationName });
  if (response.body.kind !== "single") throw new FactCardQueryError(["expected a single result, got an incremental one"]);
  const { data, errors } = response.body.singleResult;
  if (errors?.length || !data) throw new FactCardQueryError((errors ?? []).map((e) => e.message));
  return data as T;
}
