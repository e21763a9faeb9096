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
  /** Parsed content, or undefined when the file could not be parsed (or was released). */
  readonly data: unknown;
  /** Builds a problem located at `path` inside this file. */
  problem(path: readonly PathSegment[], reason: string): Problem;
  /**
   * Lets go of the parsed content and the text once the file has been checked, so that a
   * build of many documents holds one document's raw data at a time. Problems reported later
   * still get their line: the file is read again from disk for it (only on that error path).
   */
  release(): void;
}

/**
 * Parses one curated file; a syntax error becomes a problem, not an exception. `text` is the
 * file's content as the caller read it (the build hashes it for the data version on the way);
 * `absPath` is where to read it again when a problem's line is wanted after `release`.
 */
export function readDataFile(absPath: string, relPath: string, problems: Problem[], text: string): DataFile {
  let source: string | undefined = text;
  let locator: { doc: Document; lines: LineCounter } | undefined;
  const locate = () => {
    if (!locator) {
      const lines = new LineCounter();
      locator = { doc: parseDocument(source ?? readFileSync(absPath, "utf8"), { lineCounter: lines, uniqueKeys: false }), lines };
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
  return {
    file: relPath,
    get data() {
      return data;
    },
    problem: (path, reason) => ({ file: relPath, path: formatPath(path), line: lineOf(path), reason }),
    release() {
      data = undefined;
      source = undefined;
      locator = undefined;
    },
  };
}
