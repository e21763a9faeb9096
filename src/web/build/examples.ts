import { type DefinitionNode, type FragmentDefinitionNode, Kind, parse, visit } from "graphql";
import type { ExampleOperation } from "../manifest.js";

/**
 * Splits an examples file (examples.graphql) into the operations the explorer opens as tabs.
 * Each tab holds the comment written right above the operation (no blank line between) and
 * the operation itself, plus any fragments it spreads, so every tab runs on its own. The
 * file is read when the web assets are built, so the explorer always shows the examples the
 * API's tests run.
 *
 * Throws on a file that does not parse or holds an anonymous operation: a tab needs a name.
 */
export function splitExamples(text: string): ExampleOperation[] {
  const document = parse(text);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const slice = (d: DefinitionNode) => text.slice(d.loc!.start, d.loc!.end);

  const out: ExampleOperation[] = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!d.name) throw new Error(`examples: the operation at offset ${d.loc!.start} has no name; every example needs one to open as a tab`);
    const comment = commentAbove(text, d.loc!.start);
    const used = fragmentsUsed(d, fragments);
    const body = [slice(d), ...used.map(slice)].join("\n\n");
    out.push({
      name: d.name.value,
      description: comment.map((l) => l.replace(/^#\s?/, "")).join(" ").trim(),
      query: comment.length > 0 ? `${comment.join("\n")}\n${body}\n` : `${body}\n`,
    });
  }
  return out;
}

/** The `#` lines directly above `offset`, top to bottom (a blank line ends the block). */
function commentAbove(text: string, offset: number): string[] {
  const lines = text.slice(0, offset).split("\n");
  lines.pop(); // the (empty) start of the operation's own line
  const block: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith("#")) break;
    block.unshift(line);
  }
  return block;
}

/** The fragments an operation spreads, transitively, in first-use order. */
function fragmentsUsed(node: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const seen = new Map<string, FragmentDefinitionNode>();
  const walk = (n: DefinitionNode) =>
    visit(n, {
      FragmentSpread(spread) {
        const f = fragments.get(spread.name.value);
        if (f && !seen.has(f.name.value)) {
          seen.set(f.name.value, f);
          walk(f);
        }
      },
    });
  walk(node);
  return [...seen.values()];
}
