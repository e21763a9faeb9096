import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type SelectionSetNode, buildSchema, parse, validate, visit } from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { FACT_CARD_QUERY, PASSAGE_QUERY } from "../../src/web/fact-card/fact-card.query.js";

const schema = buildSchema(readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8"));

/** Deepest field nesting, with fragments flattened (how the API's depth limit counts). */
function depth(set: SelectionSetNode | undefined, fragments: Map<string, SelectionSetNode>): number {
  if (!set) return 0;
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) max = Math.max(max, 1 + depth(s.selectionSet, fragments));
    else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(s.selectionSet, fragments));
    else max = Math.max(max, depth(fragments.get(s.name.value), fragments));
  }
  return max;
}

describe("the fact card's operations", () => {
  it("are valid against the committed schema.graphql", () => {
    for (const query of [FACT_CARD_QUERY, PASSAGE_QUERY]) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });

  it("stay shallow and small: at most 6 levels, 10 aliases and 1,000 tokens", () => {
    const doc = parse(FACT_CARD_QUERY);
    const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
    const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(depth(operation.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet : undefined, fragments)).toBeLessThanOrEqual(6);
    let aliases = 0;
    visit(doc, { Field: (f) => void (f.alias && aliases++) });
    expect(aliases).toBeLessThanOrEqual(10);
    let tokens = 0;
    for (let t = doc.loc!.startToken.next; t && t.kind !== "<EOF>"; t = t.next) tokens++;
    expect(tokens).toBeLessThanOrEqual(1000);
  });
});
