import { createHash } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { LoadRequest } from "./load.js";
import { FACT_CARD, SEARCH, STATISTICS_PAGE, fitToSchema } from "./queries.js";
import { capture } from "./servers.js";

/**
 * The scenarios of `npm run bench`. Each names the server configuration it needs: `uncached`
 * turns the server's response cache off (when it has one) so every request is executed;
 * `cached` runs the server as configured by default, so a repeated request can be answered
 * from its caches.
 */
export interface Scenario {
  readonly key: string;
  readonly title: string;
  readonly config: "uncached" | "cached";
  /** The ratio to the bare server issue 6 asks for, when it sets one. */
  readonly target?: number;
  /**
   * The request to load the server with, after any preparation against the running server
   * (e.g. registering a persisted query); or why the server refuses it.
   */
  prepare(origin: string): Promise<LoadRequest | { refused: string }>;
}

/** What the scenarios are built from. */
export interface ScenarioInputs {
  readonly schema: GraphQLSchema;
  /** Slug of the statistic shown by the fact card. */
  readonly statistic: string;
  /** What the search scenario searches for. */
  readonly search: string;
  readonly pageSize: number;
}

const JSON_POST = { "content-type": "application/json" };

/** Builds the scenarios; also returns the fields dropped from each operation for this schema. */
export function scenarios(inputs: ScenarioInputs): { list: Scenario[]; dropped: Record<string, string[]>; factCardQuery: string } {
  const factCard = fitToSchema(FACT_CARD, inputs.schema);
  const page = fitToSchema(STATISTICS_PAGE, inputs.schema);
  const search = fitToSchema(SEARCH, inputs.schema);
  const post = (query: string, variables: Record<string, unknown>): LoadRequest => ({
    method: "POST",
    path: "/graphql",
    headers: JSON_POST,
    body: JSON.stringify({ query, variables }),
  });
  const factCardPost = post(factCard.query, { slug: inputs.statistic });
  const list: Scenario[] = [
    { key: "fact-card", title: "fact card, uncached (POST)", config: "uncached", target: 0.15, prepare: async () => factCardPost },
    {
      key: "statistics-page",
      title: `page of ${inputs.pageSize} statistics with citations and sources (POST)`,
      config: "uncached",
      prepare: async () => post(page.query, { first: inputs.pageSize }),
    },
    { key: "search", title: `search "${inputs.search}", 20 hits (POST)`, config: "uncached", prepare: async () => post(search.query, { query: inputs.search }) },
    { key: "fact-card-repeated", title: "the same fact card repeated: cache hit (POST)", config: "cached", target: 0.8, prepare: async () => factCardPost },
    {
      key: "fact-card-apq-get",
      title: "the fact card as an automatic persisted query over GET (hash only)",
      config: "cached",
      prepare: (origin) => persistedQueryOverGet(origin, factCard.query, { slug: inputs.statistic }),
    },
  ];
  return { list, dropped: { "fact card": factCard.dropped, "statistics page": page.dropped, search: search.dropped }, factCardQuery: factCard.query };
}

/**
 * Registers `query` as an automatic persisted query (a POST with the query and its SHA-256,
 * sent on several connections so every worker of a cluster has it), then checks that a GET
 * with only the hash is answered. Returns that GET, or the status and reason it was refused.
 */
async function persistedQueryOverGet(origin: string, query: string, variables: Record<string, unknown>): Promise<LoadRequest | { refused: string }> {
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  for (let i = 0; i < 8; i++) {
    const r = await capture(origin, { method: "POST", path: "/graphql", headers: JSON_POST, body: JSON.stringify({ query, variables, extensions }) });
    if (r.status !== 200 || /"errors"/.test(r.text)) return { refused: `registering the persisted query (POST with query and hash) answered ${r.status}: ${reason(r.text)}` };
  }
  const params = new URLSearchParams({ variables: JSON.stringify(variables), extensions: JSON.stringify(extensions) });
  const get: LoadRequest = { method: "GET", path: `/graphql?${params}`, headers: { "apollo-require-preflight": "true" } };
  for (let i = 0; i < 4; i++) {
    const r = await capture(origin, get);
    if (r.status !== 200 || /"errors"/.test(r.text)) return { refused: `GET with only the hash answered ${r.status}: ${reason(r.text)}` };
  }
  return get;
}

/** The first error message of a GraphQL response, or the start of the body. */
export function reason(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const e = body.errors?.[0];
    if (e) return `${e.extensions?.code ? `${e.extensions.code}: ` : ""}${e.message}`;
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}
