import { userError } from "./user-error.js";

/**
 * The one argument given among alternatives such as `id | slug`: exactly one must be
 * non-null, else a user error naming them.
 */
export function exactlyOne<T extends Record<string, unknown>>(args: T): { [K in keyof T]: { name: K; value: NonNullable<T[K]> } }[keyof T] {
  const given = Object.entries(args).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) {
    const names = Object.keys(args).join(" or ");
    throw userError(`Pass exactly one of ${names} (got ${given.length === 0 ? "none" : given.map(([k]) => k).join(" and ")}).`, Object.keys(args)[0]);
  }
  const [name, value] = given[0]!;
  return { name, value } as never;
}
