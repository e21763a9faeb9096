import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { type PathSegment, type Problem, formatPath } from "./problems.js";

/**
 * A curated file as read: its parsed content, and a way to find the line of any path in it.
 * YAML and JSON are both accepted (JSON is parsed with JSON.parse for speed; lines are looked
 * up only when a problem has to be reported, by reading the text again as YAML).
 */
export interface DataFile {
  /** Path relative to the project root. */
  readonly file: string;
  /** Parsed content, or undefined when the file could not be parsed. */
  readonly data: unknown;
  /** Builds a problem located at `path` inside this file. */
  problem(path: readonly PathSegment[], reason: string): Problem;
}

/** Reads and parses one curated file; a syntax error becomes a problem, not an exception. */
export function readDataFile(absPath: string, relPath: string, problems: Problem[]): DataFile {
  const text = readFileSync(absPath, "utf8");
  let locator: { doc: Document; lines: LineCounter } | undefined;
  const locate = () => {
    if (!locator) {
      const lines = new LineCounter();
      locator = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return locator;
  };
  const lineOf = (path: readonly PathSegment[]): number | undefined => {
    const { doc, lines } = locate();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const file: DataFile = {
    file: relPath,
    data: undefined,
    problem: (path, reason) => ({ file: relPath, path: formatPath(path), line: lineOf(path), reason }),
  };
  let data: unknown;
  if (relPath.endsWith(".json")) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push({ file: relPath, path: "", reason: `not valid JSON: ${(e as Error).message}` });
    }
  } else {
    const { doc, lines } = locate();
    const errors = [...doc.errors];
    if (errors.length > 0) {
      for (const err of errors) {
        problems.push({ file: relPath, path: "", line: lines.linePos(err.pos[0]).line, reason: `not valid YAML: ${err.message.split("\n")[0]}` });
      }
    } else {
      data = doc.toJS({ maxAliasCount: 100 });
    }
  }
  return { ...file, data };
}
