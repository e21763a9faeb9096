import { CACHE_SIZES, createCache } from "../../cache/caches.js";
import { userError } from "./user-error.js";

/** Every type that implements Node, by GraphQL type name. */
export const NODE_TYPES = ["Statistic", "Citation", "Source", "Report", "Metric", "Platform", "Organization", "MCN", "Brand", "Person", "Market", "Event"] as const;

/** The name of a type that implements Node. */
export type NodeTypeName = (typeof NODE_TYPES)[number];

/**
 * The global ID of an object: base64url of `Type:slug`. Slugs are the curated natural keys,
 * so an ID stays the same across rebuilds of the database, while row ids may not. Opaque to
 * clients; `fromGlobalId` reverses it.
 */
export function toGlobalId(type: NodeTypeName, slug: string): string {
  const text = `${type}:${slug}`;
  return ISSUED.remember(text, () => Buffer.from(text, "utf8").toString("base64url"));
}

/**
 * IDs already encoded, by `Type:slug` (the cache `globalIds`): every node of every response has
 * an `id`, and encoding it through a Buffer each time showed in the profile of a fact card (3 %
 * of its execution).
 */
const ISSUED = createCache<string, string>("globalIds", { maxEntries: CACHE_SIZES.globalIds });

/**
 * The type and slug an ID stands for. A string that is not an ID this API issued is a user
 * error naming the argument it came from.
 */
export function fromGlobalId(id: string, argumentName: string): { type: NodeTypeName; slug: string } {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(id) ? Buffer.from(id, "base64url").toString("utf8") : "";
  const colon = text.indexOf(":");
  const type = text.slice(0, colon) as NodeTypeName;
  const slug = text.slice(colon + 1);
  if (colon < 0 || !NODE_TYPES.includes(type) || slug.length === 0 || toGlobalId(type, slug) !== id) {
    throw userError(`Argument ${argumentName}: ${JSON.stringify(id.slice(0, 100))} is not an ID issued by this API.`, argumentName);
  }
  return { type, slug };
}
