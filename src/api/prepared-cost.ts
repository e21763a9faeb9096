import { type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from "graphql";
import { createCache } from "../cache/caches.js";
import { costVariables, operationCost } from "./cost.js";

/** Distinct values of an operation's cost variables whose cost is remembered. */
const MAX_COSTS_PER_OPERATION = 1000;

/**
 * The cost of one operation of a document as a function of its variables (cost.ts's estimate,
 * as the cost limit applies it: rounded up). It depends only on the values of the few variables
 * given to `first`, `last` or `ids`, so the cost is computed once per distinct set of those
 * values and remembered (at most MAX_COSTS_PER_OPERATION of them, the catalog's cache `operationCosts`).
 */
export class OperationCost {
  private readonly fragments: Record<string, FragmentDefinitionNode> = {};
  /** The variables the cost depends on (sorted names). */
  readonly variables: readonly string[];
  private readonly byValues = createCache<string, number>("operationCosts", { maxEntries: MAX_COSTS_PER_OPERATION });

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly operation: OperationDefinitionNode,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments[d.name.value] = d;
    this.variables = costVariables(operation, this.fragments);
  }

  /** The operation's cost with these variable values. */
  of(variables: Readonly<Record<string, unknown>>): number {
    const values = this.variables.length === 0 ? "" : JSON.stringify(this.variables.map((v) => variables[v] ?? null));
    let cost = this.byValues.get(values);
    if (cost === undefined) {
      cost = Math.ceil(operationCost(this.schema, this.operation, this.fragments, variables));
      this.byValues.set(values, cost);
    }
    return cost;
  }
}
