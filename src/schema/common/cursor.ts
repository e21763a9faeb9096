import type { Keyset } from "../../db/keyset.js";
import { userError } from "./user-error.js";

/**
 * Opaque keyset cursors: base64url of JSON `[list, sortKey, id]`. `list` names the list and
 * its order (e.g. `statistic:PERIOD:ASC`), so a cursor used with another order is refused
 * rather than silently giving a wrong page.
 */
export function encodeCursor(list: string, position: Keyset): string {
  return Buffer.from(JSON.stringify([list, position.key, position.id]), "utf8").toString("base64url");
}

/** The position a cursor stands for; a malformed cursor or one of another list is a user error. */
export function decodeCursor(list: string, cursor: string, argumentName: string): Keyset {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]{1,1000}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    (typeof parsed[1] === "string" || typeof parsed[1] === "number" || parsed[1] === null) &&
    Number.isSafeInteger(parsed[2])
  ) {
    if (parsed[0] === list) return { key: parsed[1] as Keyset["key"], id: parsed[2] as number };
    if (typeof parsed[0] === "string") {
      throw userError(`Argument ${argumentName}: the cursor belongs to another list or order (${parsed[0]}, not ${list}); cursors are only valid with the arguments they were issued with.`, argumentName);
    }
  }
  throw userError(`Argument ${argumentName}: ${JSON.stringify(cursor.slice(0, 100))} is not a valid cursor; use a cursor from a previous page's edges or pageInfo.`, argumentName);
}
