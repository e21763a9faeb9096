/**
 * The words the validation's problems share: where a record is, what a schema issue means, a
 * close slug for an unknown one, and how a period reads.
 */
import type { z } from "zod";
import type { Period } from "../facts/period.js";
import type { DataFile } from "./data-file.js";
import type { Located } from "./located.js";
import { periodIssueText } from "./period-issue.js";
import type { PathSegment } from "./problems.js";

/** Where a record is, as `file:line` (or the file alone when the line is not known). */
export function where(loc: Located<unknown>): string {
  return formatLoc(loc.file, loc.path);
}

/** Where a path of a file is, as `file:line` (or the file alone when the line is not known). */
export function formatLoc(file: DataFile, path: PathSegment[]): string {
  const p = file.problem(path, "");
  return p.line === undefined ? p.file : `${p.file}:${p.line}`;
}

/** A schema issue in the words of the build's problems (a period's issue lists the forms a period takes). */
export function issueText(issue: z.core.$ZodIssue, inPeriod = false): string {
  const period = inPeriod ? undefined : periodIssueText(issue, (i) => issueText(i, true));
  if (period !== undefined) return period;
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return "is required";
  return issue.message.replace(/^Invalid input: /, "");
}

/** " (did you mean 'x'?)" when a known slug is close to an unknown one. */
export function suggest(slug: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(slug, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(slug.length / 4)) ? ` (did you mean '${best}'?)` : "";
}

/** A period with its dates: "2020 (2020-01-01 to 2020-12-31)", or one date for a single day. */
export function describePeriod(p: Period): string {
  return p.start === p.end ? `${p.label} (${p.start})` : `${p.label} (${p.start} to ${p.end})`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
