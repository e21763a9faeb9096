/**
 * How deeply the JSON of a request (its variables, its extensions) may nest. No input type of
 * this schema nests more than a few levels, while JavaScript's recursive walks over such values
 * (JSON.stringify of the cache key, graphql-js's coercion of variables) overflow the stack
 * somewhere past a few thousand levels: a request nested deeper than this is refused as the
 * client's error (400 BAD_REQUEST) before anything walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** The refusal's message. */
export const TOO_DEEP_MESSAGE = `The request's variables or extensions are nested more than ${MAX_JSON_DEPTH} levels deep.`;

/** Whether a parsed JSON value has objects or arrays nested more than `max` levels deep (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Whether JSON text (null: absent) opens objects or arrays more than `max` levels deep; strings are skipped. */
export function jsonNestedDeeperThan(text: string | null, max: number): boolean {
  if (text === null) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
