/**
 * Identifiers as the caller has them: SQL ids or slugs. The facts functions only compare them
 * for equality, so either works as long as one kind is used consistently within a call.
 */
export type Key = string | number;
