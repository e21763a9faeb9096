import { GraphQLError } from "graphql";

/** The `extensions.code` of every error caused by the request rather than the server. */
export const BAD_USER_INPUT = "BAD_USER_INPUT";

/**
 * An error the client can fix: a GraphQL error with `extensions.code` BAD_USER_INPUT and, when
 * one argument is at fault, `extensions.argumentName`. Apollo passes it through unmasked.
 */
export function userError(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) } });
}
