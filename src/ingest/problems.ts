/**
 * Problems found while building the knowledge base. Every problem names the file, the path
 * inside it (e.g. `statistics[3].citations[0].quote.exact`), the line when known, and the
 * reason, so a data editor can fix all of them after one run.
 */
export interface Problem {
  /** File relative to the project root, e.g. `db/sources/foo.yaml`. */
  readonly file: string;
  /** Path inside the file: keys joined by dots, list indexes in brackets; "" for the whole file. */
  readonly path: string;
  /** 1-based line of the offending value, when the file format gives one. */
  readonly line?: number;
  /** What is wrong, in a sentence a data editor understands. */
  readonly reason: string;
}

/** A path into a parsed file: object keys and list indexes. */
export type PathSegment = string | number;

/** Formats a path like `statistics[3].citations[0].quote`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}

/** One line per problem: `file:line: path: reason`, the format editors and editors' tools read. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path === "" ? `${where}: ${p.reason}` : `${where}: ${p.path}: ${p.reason}`;
}

/** Raised by the build when validation failed; carries every problem found. */
export class BuildError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the curated files:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "BuildError";
  }
}
