import type { HTTPGraphQLResponse } from "@apollo/server";
import type { GraphQLApi } from "../api/graphql-api.js";
import type { HttpOperation } from "../api/run-operation.js";
import type { Settings } from "../config.js";
import type { RequestContext } from "../schema/context.js";
import { DEADLINE_EXCEEDED, Deadline, DeadlineExceededError } from "../db/deadline.js";
import type { Logger } from "../logger.js";
import type { CachedAnswers } from "./cached-answers.js";
import { requestKey } from "./caching.js";
import type { Exchange } from "./exchange.js";
import { operationOf, readGraphQLRequest } from "./graphql-request.js";
import { appendVary, sendError } from "./send.js";
import type { SentRequest } from "./sent-request.js";
import type { TestHooks } from "./test-hooks.js";

/** What the GraphQL route is made of. */
export interface GraphQLRouteParts {
  readonly api: GraphQLApi;
  readonly settings: Settings;
  readonly log: Logger;
  readonly answers: CachedAnswers;
  /** The knowledge base's data version: part of every request key. */
  readonly dataVersion: string;
  readonly testHooks: TestHooks | undefined;
}

/** Answers one request for /graphql (GET, HEAD or POST), with what was read of it as sent. */
export type GraphQLRoute = (ex: Exchange, url: URL, sent: SentRequest) => Promise<void>;

/**
 * The GraphQL route: `POST /graphql` (JSON) and `GET /graphql?query=…` (queries only; CSRF
 * prevention is on, so GET needs a non-simple header such as `apollo-require-preflight: true`).
 *
 * 1. Reads and checks the request (graphql-request.ts), refusing what is malformed or too large.
 * 2. Answers a repeated operation from the response cache, or with 304 (cached-answers.ts).
 * 3. Runs the operation through the API within the request's deadline (after the test hook,
 *    when there is one): `api.run`, that is api/run-operation.ts, the one step between this
 *    route and Apollo.
 * 4. Writes the answer, keeping it in the response cache when it is a successful query.
 */
export function createGraphQLRoute(parts: GraphQLRouteParts): GraphQLRoute {
  const { api, settings, log, answers, dataVersion } = parts;
  const run = runner(api, parts.testHooks);
  return async (ex, url, sent) => {
    const read = await readGraphQLRequest(ex, url, sent, settings);
    if (read === undefined) return;
    const key = read.params ? requestKey(dataVersion, ex.req.headers.accept, read.params) : undefined;
    if (key !== undefined && answers.answerByKey(ex, key, sent.key)) return;
    const context = api.context(ex.id, new Deadline(settings.requestTimeoutMs, ex.started));
    const response = await withinDeadline(run(ex, operationOf(ex, read), context), context.deadline);
    ex.note.operationName = context.outcome.operationName;
    ex.note.cost = context.outcome.cost;
    if (response === undefined) {
      log.warn({ requestId: ex.id, deadlineMs: settings.requestTimeoutMs }, "request abandoned at its deadline");
      const e = new DeadlineExceededError(settings.requestTimeoutMs);
      return sendError(ex.res, 503, DEADLINE_EXCEEDED, e.message, { deadlineMs: settings.requestTimeoutMs, requestId: ex.id });
    }
    writeGraphQLResponse(ex, response, context, answers, { key, sentKey: sent.key });
  };
}

/** How an operation is run: by the API, after the test hook when there is one. */
function runner(api: GraphQLApi, hooks: TestHooks | undefined) {
  if (!hooks?.beforeExecute) return (_ex: Exchange, operation: HttpOperation, context: RequestContext) => api.run(operation, context);
  return async (ex: Exchange, operation: HttpOperation, context: RequestContext) => {
    await hooks.beforeExecute!(ex.req);
    context.deadline.check();
    return api.run(operation, context);
  };
}

/**
 * Resolves with the promise's value, or with undefined once the deadline passes first (and
 * marks it expired); what is left of the work is then abandoned.
 */
async function withinDeadline<T>(promise: Promise<T>, deadline: Deadline): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    // Whole milliseconds: Node keeps one list of timers per distinct duration, so a fractional
    // duration made each request create a list and remove it again (7 % of a fact card's CPU).
    timer = setTimeout(() => {
      deadline.expire();
      promise.catch(() => undefined);
      resolve(undefined);
    }, Math.ceil(deadline.remainingMs));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes Apollo's answer: its status and headers, `Vary: Accept`, and the body. A successful
 * query's answer is kept in the response cache under both its keys, with its ETag and
 * `Cache-Control: public`; any other answer gets `no-store`.
 */
function writeGraphQLResponse(ex: Exchange, response: HTTPGraphQLResponse, context: RequestContext, answers: CachedAnswers, keys: { key?: string; sentKey?: string }): void {
  const { res } = ex;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  appendVary(res, "Accept");
  if (response.body.kind !== "complete") {
    res.setHeader("cache-control", "no-store");
    const chunks = response.body.kind === "chunked" ? response.body.asyncIterator : [];
    void (async () => {
      for await (const chunk of chunks) res.write(chunk);
      res.end();
    })().catch(() => res.destroy());
    return;
  }
  const bytes = Buffer.from(response.body.string, "utf8");
  const success = res.statusCode === 200 && context.outcome.cacheable && !context.deadline.expired;
  if (success && keys.key !== undefined) answers.keep(res, bytes, keys.key, keys.sentKey);
  else res.setHeader("cache-control", success ? answers.cacheControl : "no-store");
  res.setHeader("content-length", bytes.length);
  res.end(ex.method === "HEAD" ? undefined : bytes);
}
