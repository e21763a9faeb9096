import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { type GraphQLFormattedError, GraphQLError } from "graphql";
import type { RequestContext } from "../schema/context.js";
import { DEADLINE_EXCEEDED, DeadlineExceededError } from "../db/deadline.js";
import { LIMIT_CODES, tokenLimitError } from "./limits.js";
import type { Logger } from "../logger.js";

/** The code of every error the client did not cause; its message is masked. */
export const INTERNAL_SERVER_ERROR = ApolloServerErrorCode.INTERNAL_SERVER_ERROR;

/** The message clients get instead of an unexpected error's own. */
export const MASKED_MESSAGE = "Internal server error";

/** Our own codes, which Apollo's wrappers (ValidationError: GRAPHQL_VALIDATION_FAILED) hide. */
const OWN_CODES: ReadonlySet<string> = new Set<string>([...Object.values(LIMIT_CODES), DEADLINE_EXCEEDED]);

/**
 * Codes of errors the client caused or can act on; their messages are written for clients and
 * pass unmasked. Everything else (no code, INTERNAL_SERVER_ERROR, or an unknown code) is masked.
 */
const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ...OWN_CODES,
]);

/** The code an error was raised with: ours when it is wrapped by Apollo, else its own. */
export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  let outer: string | undefined;
  for (let i = 0; e instanceof Error && i < 10; i++) {
    const code = e instanceof GraphQLError ? e.extensions?.code : undefined;
    if (typeof code === "string") {
      if (OWN_CODES.has(code)) return code;
      outer ??= code;
    }
    e = (e as { originalError?: unknown }).originalError;
  }
  return outer;
}

/** True for an error the client did not cause (a bug, a broken statement, a failed disk…). */
export function isUnexpected(error: unknown): boolean {
  const code = errorCode(error);
  return code === undefined || !CLIENT_CODES.has(code);
}

/**
 * Apollo's `formatError`: client errors pass (with our codes restored where Apollo wrapped them,
 * and graphql-js's token-limit parse error rewritten as TOO_MANY_TOKENS); unexpected errors are
 * masked to "Internal server error" with no stack, SQL or path, unless `debug` is on. The
 * request id is added by errorPlugin, which knows the request.
 */
export function createFormatError(options: { debug: boolean; maxTokens: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tokens = tokenLimitError(error instanceof GraphQLError ? ((error.originalError as GraphQLError | undefined) ?? error) : undefined, options.maxTokens);
    if (tokens) return { message: tokens.message, extensions: withoutHttp(tokens.extensions) };
    const code = errorCode(error);
    if (code !== undefined && CLIENT_CODES.has(code)) {
      return code === formatted.extensions?.code ? formatted : { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    if (options.debug) return formatted;
    return {
      message: MASKED_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

/**
 * Logs every unexpected error in full (message, stack, path, operation) with the request id,
 * adds the request id to the masked errors sent back, and answers a request that ran past its
 * deadline with one DEADLINE_EXCEEDED error (503) instead of whatever partial result it had.
 */
export function errorPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      log.error({ err: error }, "unexpected error processing a request");
    },
    async contextCreationDidFail({ error }) {
      log.error({ err: error }, "request context creation failed");
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName, request }) {
          for (const error of errors) {
            if (!isUnexpected(error)) continue;
            const cause = unwrapResolverError(error);
            log.error(
              { requestId: contextValue.requestId, err: cause instanceof Error ? cause : error, path: error.path, operationName: operationName ?? request.operationName, query: request.query },
              "unexpected error in a GraphQL request",
            );
          }
        },
        async willSendResponse(ctx: GraphQLRequestContextWillSendResponse<RequestContext>) {
          const { response, contextValue } = ctx;
          if (response.body.kind !== "single") return;
          if (contextValue.deadline.expired) {
            const e = new DeadlineExceededError(contextValue.deadline.ms);
            response.body.singleResult = { errors: [{ message: e.message, extensions: { code: DEADLINE_EXCEEDED, deadlineMs: e.deadlineMs, requestId: contextValue.requestId } }] };
            response.http.status = 503;
            contextValue.outcome.cacheable = false;
            return;
          }
          const errors = response.body.singleResult.errors;
          if (errors?.some((e) => e.extensions?.code === INTERNAL_SERVER_ERROR)) {
            response.body.singleResult = {
              ...response.body.singleResult,
              errors: errors.map((e) => (e.extensions?.code === INTERNAL_SERVER_ERROR ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e)),
            };
          }
        },
      };
    },
  };
}
