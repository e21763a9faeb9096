import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { type FragmentDefinitionNode, GraphQLError, Kind, Lexer, type OperationDefinitionNode, Source, TokenKind, type ValidationContext, type ValidationRule } from "graphql";
import type { BoundedCache } from "../cache/bounded-cache.js";
import { createCache } from "../cache/caches.js";
import type { Settings } from "../config.js";
import type { RequestContext } from "../schema/context.js";
import { costVariables, operationCost } from "./cost.js";

/**
 * The query limits: the settings of config.ts that bound an operation (documented in
 * docs/caching-and-limits.md). `maxQueryBytes` counts the query text's UTF-8 bytes, comments
 * included, before it is parsed.
 */
export type QueryLimits = Pick<Settings, "maxDepth" | "maxAliases" | "maxTokens" | "maxQueryBytes" | "maxDirectives" | "maxCost">;

/** The stable `extensions.code` of each limit's refusal. */
export const LIMIT_CODES = {
  maxDepth: "QUERY_TOO_DEEP",
  maxAliases: "TOO_MANY_ALIASES",
  maxTokens: "TOO_MANY_TOKENS",
  maxQueryBytes: "QUERY_TOO_LARGE",
  maxDirectives: "TOO_MANY_DIRECTIVES",
  maxCost: "QUERY_TOO_COSTLY",
} as const satisfies Record<keyof QueryLimits, string>;

export type LimitCode = (typeof LIMIT_CODES)[keyof QueryLimits];

/** The refusal of an operation over a limit: a GraphQL error naming the limit and the value. */
export function limitError(limit: keyof QueryLimits, max: number, found: number | string, message: string, operationName?: string): GraphQLError {
  const op = operationName ? `Operation "${operationName}"` : "The operation";
  return new GraphQLError(`${message.replace("{op}", op)} (found ${found}, limit ${max}).`, {
    extensions: { code: LIMIT_CODES[limit], limit, max, found, http: { status: 400 } },
  });
}

/**
 * graphql-armor's depth, alias and directive limits as validation rules (run once per distinct
 * document: Apollo caches validated documents), reporting our own errors instead of armor's
 * generic BAD_USER_INPUT. Depth counts introspection too (so the limit must let the explorer's
 * introspection query through) and flattens fragments (a spread is not a level). Tokens are
 * limited by graphql-js's parser itself (`parseOptions.maxTokens`; armor's Apollo plugin would
 * parse every new document twice), cost by costLimitPlugin, which sees the variables.
 */
export function armorProtection(limits: QueryLimits, options: { fieldSuggestions: boolean }): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<RequestContext>[] } {
  const report =
    (limit: keyof QueryLimits, max: number, message: string) =>
    (ctx: ValidationContext | null, error: GraphQLError): void => {
      const found = /found (\d+)/.exec(error.message)?.[1];
      ctx?.reportError(limitError(limit, max, found === undefined ? `more than ${max}` : Number(found), message));
    };
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [report("maxDepth", limits.maxDepth, "{op} is nested too deeply")],
    },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [report("maxAliases", limits.maxAliases, "{op} uses too many aliases")] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [report("maxDirectives", limits.maxDirectives, "{op} uses too many directives")] },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules: validationRules as ValidationRule[], plugins: plugins as ApolloServerPlugin<RequestContext>[] };
}

/**
 * The error graphql-js's parser throws past `maxTokens` ("Document contains more than N tokens"),
 * rewritten as our TOO_MANY_TOKENS refusal with the document's real token count; undefined for
 * any other error.
 */
export function tokenLimitError(error: GraphQLError | undefined, maxTokens: number): GraphQLError | undefined {
  if (!error || !/^Syntax Error: Document contains more th(?:an|at) \d+ tokens/.test(error.message)) return undefined;
  return limitError("maxTokens", maxTokens, error.source ? countTokens(error.source.body) : `more than ${maxTokens}`, "The document has too many tokens");
}

/** Counts a document's lexical tokens (stops counting at the first lexical error). */
export function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    // a lexical error ends the count; the parser reports it
  }
  return n;
}

/**
 * Refuses an operation whose estimated cost (cost.ts) is over the limit, once its variables
 * are known, and records the cost for the request log. Also refuses mutations and
 * subscriptions, which this schema does not have, as client errors.
 *
 * The cost of an operation depends on its document and on the values of the few variables
 * given to `first`, `last` or `ids`, so it is computed once per operation (Apollo hands every
 * request of a document the same parsed document) and those values, and remembered.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<RequestContext> {
  // By parsed operation (an association that lives as long as Apollo keeps the document), the
  // costs by the values of its cost variables: the cache `operationCosts` of src/cache/caches.ts.
  const costs = new WeakMap<OperationDefinitionNode, { variables: string[]; byValues: BoundedCache<string, number>; fragments: Record<string, FragmentDefinitionNode> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          contextValue.deadline.check();
          if (!operation) return;
          if (operation.operation !== "query" && !(operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType())) {
            // graphql-js 16 only finds this out when it executes, and reports it as a server error.
            throw new GraphQLError(`This API is read-only: it answers queries, and has no ${operation.operation} operations.`, {
              nodes: [operation],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
            });
          }
          let known = costs.get(operation);
          if (!known) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
            known = { variables: costVariables(operation, fragments), byValues: createCache("operationCosts", { maxEntries: MAX_COSTS_PER_OPERATION }), fragments };
            costs.set(operation, known);
          }
          const variables = request.variables ?? {};
          const values = known.variables.length === 0 ? "" : JSON.stringify(known.variables.map((v) => variables[v] ?? null));
          let cost = known.byValues.get(values);
          if (cost === undefined) {
            cost = Math.ceil(operationCost(schema, operation, known.fragments, variables));
            known.byValues.set(values, cost);
          }
          contextValue.outcome.cost = cost;
          // Fragments spread in one another can price a small document past what a double holds exactly.
          const found = Number.isSafeInteger(cost) ? cost : `more than ${Number.MAX_SAFE_INTEGER}`;
          if (cost > maxCost) throw limitError("maxCost", maxCost, found, "{op} would cost too much to answer; ask for smaller pages (first/last) or fewer nested lists", operation.name?.value);
        },
      };
    },
  };
}

/** Distinct values of an operation's cost variables whose cost is remembered. */
const MAX_COSTS_PER_OPERATION = 1000;
