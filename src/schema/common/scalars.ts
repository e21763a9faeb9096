import { GraphQLScalarType, Kind } from "graphql";
import { GraphQLLocalDate, GraphQLLocale, GraphQLURL } from "graphql-scalars";
import { CACHE_SIZES, createCache } from "../../cache/caches.js";
import { isPartialDate } from "../../facts/period.js";

/**
 * A graphql-scalars scalar whose output values are remembered by input: the same type in the
 * schema (name, description, parsing, specifiedBy), and the same output, but a value already
 * served is not checked or normalised again. URL's serialize parses every URL with `new URL`
 * and LocalDate's builds a Date to check every date; the values come from the read-only
 * database, so each distinct one needs it once. Errors are not remembered (they are thrown
 * again); the values are kept in a cache `scalarOutputs` of their own (least recently used out).
 */
function rememberingOutputs(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  const serialize = config.serialize;
  const served = createCache<string, unknown>("scalarOutputs", { maxEntries: CACHE_SIZES.scalarOutputs });
  return new GraphQLScalarType({
    ...config,
    serialize(value) {
      if (typeof value !== "string") return serialize(value);
      return served.remember(value, () => serialize(value));
    },
  });
}

/** A calendar date, YYYY-MM-DD (graphql-scalars' LocalDate): period bounds, event days, retrieval dates. */
export const LocalDateScalar = rememberingOutputs(GraphQLLocalDate);

/** An absolute URL (graphql-scalars' URL; served in WHATWG-normalised form). */
export const URLScalar = rememberingOutputs(GraphQLURL);

/** A BCP 47 language tag such as `en` or `zh-Hans` (graphql-scalars' Locale). */
export const LocaleScalar = GraphQLLocale;

function checkPartialDate(value: unknown): string {
  if (typeof value !== "string" || !isPartialDate(value)) {
    throw new TypeError(`PartialDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * A date known to the year, the month or the day, written as ISO 8601 with only the known
 * parts: `2021`, `2020-12` or `2020-10-22`. Publication dates are often given without a day,
 * and padding them to a full date would claim a precision the document does not have, so the
 * precision is part of the value; strings sort chronologically within one precision. No
 * maintained scalar library offers this, so it is defined here.
 */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: "PartialDate",
  description:
    "A date known to the year, month or day, in ISO 8601 with only the known parts: `2021`, `2020-12` or `2020-10-22`. The precision is the number of parts.",
  serialize: checkPartialDate,
  parseValue: checkPartialDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError(`PartialDate must be a string, got a ${ast.kind}`);
    return checkPartialDate(ast.value);
  },
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
});
