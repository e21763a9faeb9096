import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../schema/context.js";

/**
 * Records what the HTTP layer needs about an operation: its name and type, and whether its
 * response may be cached (a query that ran to completion without errors).
 */
export function outcomePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation, operationName }) {
          const outcome = contextValue.outcome;
          outcome.operationName = operationName;
          outcome.cacheable =
            operation?.operation === "query" &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors?.length &&
            (response.http.status ?? 200) === 200 &&
            !contextValue.deadline.expired;
        },
      };
    },
  };
}
