import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";

/**
 * Replaces type-graphql's resolver wrappers by direct calls of the same methods, in the built
 * schema. For every query and field resolver, type-graphql's wrapper asks its container for
 * the resolver instance, sorts the parameter list, converts the arguments into instances of
 * their argument classes and "validates" them through an async function — so every field
 * with an argument returned a promise, even when its method was synchronous — and runs the
 * (empty) middleware chain: a fifth of the time of executing a fact card. This API uses none
 * of it: validation is off (buildApiSchema), no middleware or authorization is declared, the
 * argument classes are plain data (no methods, initializers or instanceof checks), and the
 * resolver classes are stateless. So each method is called with its parameters taken straight
 * from graphql-js: root, arguments (as graphql-js coerced them), context and info.
 *
 * A resolver using anything else (middlewares, roles, custom parameter decorators, per-
 * argument validation, a typed root) keeps type-graphql's wrapper; so does a property of a
 * type's own class read on a root that is not an instance of it (type-graphql would convert it).
 *
 * Measured again (3 December 2026, 2 shared cores, load average 6–11) with graphql-jit and the
 * lean path of prepared operations (src/api/prepared-operations.ts), which serves the repeated
 * fact card: bench/http/lean-resolvers.ts, the bench's fact card through
 * PreparedOperations.respond over the served schema and over one built from the same resolver
 * classes without this, row cache on and warm, 15 alternating rounds of 2,000 requests, CPU time
 * per request, two runs: 114.5 µs with it against 155.0 µs without, and 127.5 against 164.0
 * (median paired saving 21 % both times; the whole request, HTTP included, costs the server
 * process 250–300 µs of CPU, so 12–16 % of it). Above the 5 % that would justify removing it,
 * so it stays.
 */
export function useLeanResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, (...args: unknown[]) => unknown>>();
  const instanceOf = (target: Function) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new (target as new () => Record<string, (...args: unknown[]) => unknown>)()));
    return instance;
  };

  const queryType = schema.getQueryType();
  if (queryType) {
    const fields = queryType.getFields();
    for (const q of storage.queries) {
      const field = fields[q.schemaName];
      const call = field?.resolve && directCall(q);
      if (call) {
        const instance = instanceOf(q.target);
        const method = instance[q.methodName]!;
        const original = field.resolve!;
        field.resolve = (root, args, ctx, info) => {
          const params = call(root, args, ctx, info);
          return params ? method.apply(instance, params) : original(root, args, ctx, info);
        };
      }
    }
  }

  // Object types by class, and the object types implementing each interface class.
  const typeOfClass = new Map<Function, string>();
  const implementers = new Map<Function, string[]>();
  for (const o of storage.objectTypes) {
    typeOfClass.set(o.target, o.name);
    for (const i of o.interfaceClasses ?? []) implementers.set(i, [...(implementers.get(i) ?? []), o.name]);
  }
  // Interface field resolvers first: an object type's own resolver of the same field wins.
  const resolvers = [...storage.fieldResolvers].sort((a, b) => Number(typeOfClass.has(a.getObjectType!())) - Number(typeOfClass.has(b.getObjectType!())));
  for (const r of resolvers) {
    const owner = r.getObjectType!();
    const typeNames = typeOfClass.has(owner) ? [typeOfClass.get(owner)!] : (implementers.get(owner) ?? []);
    for (const typeName of typeNames) {
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[r.schemaName] : undefined;
      if (!field?.resolve) continue;
      const original = field.resolve;
      if (r.kind === "internal") {
        // A property or method of the type's own class (e.g. a connection's totalCount getter).
        if ((r.params ?? []).length > 0 || (r.middlewares ?? []).length > 0 || (r.roles ?? []).length > 0) continue;
        const cls = owner as new () => unknown;
        const name = r.methodName;
        field.resolve = (root, args, ctx, info) => {
          if (!(root instanceof cls)) return original(root, args, ctx, info);
          const value = (root as Record<string, unknown>)[name];
          return typeof value === "function" ? (value as () => unknown).call(root) : value;
        };
        continue;
      }
      const call = directCall(r);
      if (!call) continue;
      const instance = instanceOf(r.target);
      const method = instance[r.methodName]!;
      field.resolve = (root, args, ctx, info) => {
        const params = call(root, args, ctx, info);
        return params ? method.apply(instance, params) : original(root, args, ctx, info);
      };
    }
  }
}

type ResolverMeta = ReturnType<typeof getMetadataStorage>["queries"][number];
type ParamsOf = (root: unknown, args: Record<string, unknown>, ctx: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => unknown[] | undefined;

/** Returned by a parameter getter when this call needs type-graphql's wrapper after all. */
const WRAPPER = Symbol("wrapper");

/**
 * The method's parameters from graphql-js's resolver arguments, in the method's order, or
 * undefined when the resolver needs type-graphql's wrapper (see useLeanResolvers). The function
 * returned gives undefined for a call whose root type-graphql would convert (not an instance
 * of the root parameter's class).
 */
function directCall(r: Pick<ResolverMeta, "params" | "middlewares" | "roles">): ParamsOf | undefined {
  if ((r.middlewares ?? []).length > 0 || (r.roles ?? []).length > 0) return undefined;
  const getters: ((root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown)[] = [];
  for (const p of [...(r.params ?? [])].sort((a, b) => a.index - b.index)) {
    if (getters.length !== p.index) return undefined;
    switch (p.kind) {
      case "root": {
        if (p.propertyName) return undefined;
        const getType = p.getType;
        let type: unknown;
        getters.push(
          getType
            ? (root) => {
                type ??= getType();
                return typeof type === "function" && root instanceof type ? root : WRAPPER;
              }
            : (root) => root,
        );
        break;
      }
      case "context": {
        const name = p.propertyName;
        getters.push(name ? (_r, _a, ctx) => (ctx as Record<string, unknown>)[name] : (_r, _a, ctx) => ctx);
        break;
      }
      case "args":
        if (p.validateSettings !== undefined || p.validateFn) return undefined;
        getters.push((_r, args) => args);
        break;
      case "arg": {
        if (p.validateSettings !== undefined || p.validateFn) return undefined;
        const name = p.name;
        getters.push((_r, args) => args[name]);
        break;
      }
      case "info":
        getters.push((_r, _a, _c, info) => info);
        break;
      default:
        return undefined;
    }
  }
  const n = getters.length;
  return (root, args, ctx, info) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const value = getters[i]!(root, args, ctx, info);
      if (value === WRAPPER) return undefined;
      out[i] = value;
    }
    return out;
  };
}
