import { ArgsType, Field, Int } from "type-graphql";
import type { PageWindow } from "../../db/page.js";
import { decodeCursor } from "./cursor.js";
import { userError } from "./user-error.js";

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** Relay pagination arguments shared by every connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Return the first n items (1..${MAX_PAGE_SIZE}) after \`after\`. Defaults to ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Return items after this cursor (from a previous page's edge cursor or pageInfo.endCursor)." })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Return the last n items (1..${MAX_PAGE_SIZE}) before \`before\`.` })
  last?: number;

  @Field(() => String, { nullable: true, description: "Return items before this cursor (from a previous page's edge cursor or pageInfo.startCursor)." })
  before?: string;
}

/**
 * Checks Relay arguments and turns them into a keyset window over the list named `list`.
 * `first`/`last` must be 1..100; forward (first/after) and backward (last/before) arguments
 * cannot be mixed. Every refusal is a user error naming the argument, its value and the rule.
 */
export function pageWindow(args: PageArgs, list: string): PageWindow {
  const { first, after, last, before } = args;
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value !== undefined && value !== null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw userError(`Argument ${name} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`, name);
    }
  }
  const forward = first != null || after != null;
  const backward = last != null || before != null;
  if (forward && backward) {
    throw userError("Pass first/after to page forwards or last/before to page backwards, not both.", first != null ? "first" : "after");
  }
  if (backward) {
    return { last: last ?? DEFAULT_PAGE_SIZE, before: before != null ? decodeCursor(list, before, "before") : undefined };
  }
  return { first: first ?? DEFAULT_PAGE_SIZE, after: after != null ? decodeCursor(list, after, "after") : undefined };
}
