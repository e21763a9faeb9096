import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValueNode,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/common/page-args.js";

/**
 * The weights of the cost estimate: graphql-armor's cost-limit formula (every field costs 1, an
 * object 2, and each level's children weigh 1.5 times more than their parent, so deep nesting
 * grows geometrically), made aware of this schema's paging:
 *
 * - a field with `first`/`last` multiplies its subtree by the page size asked for — a literal
 *   or a variable's value — or by the default page size (20) when neither is given, clamped to
 *   1..100 (the resolvers refuse anything else with their own message);
 * - `nodes(ids:)` multiplies by the number of IDs;
 * - fragments (named or inline) are flattened into the selection they are spread in;
 * - introspection is counted like any other field.
 *
 * Unlike graphql-armor's validation rule, the estimate is made after variables are known
 * (a validation rule sees only the document, so `first: $n` would count as 1).
 */
export const COST_WEIGHTS = { scalar: 1, object: 2, depthFactor: 1.5 } as const;

/**
 * Fields that cost more CPU than reading a column, priced instead of `scalar`/`object`, from
 * their measured time against a plain field's (about 20 µs for a scalar of a page of
 * statistics, the unit): a statistic's `cite` runs citeproc over its sources (5–8 ms cold), a
 * source's about 1.5 ms, an `agreement` applies the agreement rules to every comparable
 * figure (about 1 ms), a search hit's `snippet` is FTS5's snippet() over the matched text.
 * The weights are capped so that the largest legitimate page (100 statistics with every
 * fact-checking field and two citations each) stays within the default limit; what repeats
 * is cheaper still, as citations and agreements are kept per database once computed
 * (src/schema/common/fact-memo.ts). `checkClaim` reads a text against the whole vocabulary and
 * compares each figure with its candidates (15–20 ms for 2,000 characters of the founding
 * article), about as much as two pages of 20 statistics with their agreement.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  "Statistic.cite": 40,
  "Source.cite": 10,
  "Statistic.agreement": 10,
  "SearchHit.snippet": 5,
  "Query.checkClaim": 500,
};

/** The estimated cost of one operation of a document with the given variable values. */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  // Each named fragment is priced once and its cost reused at every spread: the walk visits each
  // selection of the document once, so its time is linear in the document's size however the
  // fragments spread one another (re-walking them made 1 KB documents take hours). A fragment's
  // fields are looked up on its own type condition, so its cost does not depend on where it is
  // spread; the multipliers of the fields around a spread apply to it there.
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const spreadCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    if (!fragment || visiting.has(name)) return 0; // unknown or cyclic: validation refuses it
    visiting.add(name);
    const cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined);
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) total += fieldCost(sel, parent);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += selectionCost(sel.selectionSet, type ?? undefined);
      } else total += spreadCost(sel.name.value);
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined): number => {
    const own = parent ? FIELD_COSTS[`${parent.name}.${field.name.value}`] : undefined;
    if (!field.selectionSet) return own ?? COST_WEIGHTS.scalar;
    const def = fieldDefinition(schema, parent, field.name.value);
    const children = selectionCost(field.selectionSet, def ? getNamedType(def.type) : undefined);
    return ((own ?? COST_WEIGHTS.object) + COST_WEIGHTS.depthFactor * children) * multiplier(field, def, variables);
  };

  return selectionCost(operation.selectionSet, root);
}

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/** How many times a field's subtree is counted: its page size, or the number of IDs asked for. */
function multiplier(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined, variables: Readonly<Record<string, unknown>>): number {
  if (!def) return 1;
  const pages = def.args.some((a) => a.name === "first" || a.name === "last");
  let n: number | undefined;
  for (const arg of field.arguments ?? []) {
    const value = valueOf(arg.value, variables);
    if (pages && (arg.name.value === "first" || arg.name.value === "last") && typeof value === "number") n = Math.max(n ?? 0, value);
    if (arg.name.value === "ids") n = Array.isArray(value) ? value.length : 1;
  }
  if (n === undefined) return pages ? DEFAULT_PAGE_SIZE : 1;
  return Math.min(Math.max(Math.trunc(n), 1), MAX_PAGE_SIZE);
}

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values;
    default:
      return undefined;
  }
}

/**
 * The names of the variables an operation's cost depends on: those given to a `first`, `last`
 * or `ids` argument anywhere in it or in the fragments it spreads (the only values
 * `operationCost` reads from variables).
 */
export function costVariables(operation: OperationDefinitionNode, fragments: Readonly<Record<string, FragmentDefinitionNode>>): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        for (const arg of sel.arguments ?? []) {
          if ((arg.name.value === "first" || arg.name.value === "last" || arg.name.value === "ids") && arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
        }
        if (sel.selectionSet) visit(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        visit(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return [...names].sort();
}
