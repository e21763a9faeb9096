import type { z } from "zod";
import type { PathSegment } from "./problems.js";

/**
 * Every way a statistic's period may be written, as the build's problems list them (the same
 * words as the label parser's own message in facts/period.ts).
 */
export const PERIOD_FORMS = "YYYY, YYYY-H1 or YYYY-H2, YYYY-Q1 to YYYY-Q4, YYYY-MM, YYYY-MM-DD, a span START/END of two of these (2020-03/2020-06), or { start: YYYY-MM-DD, end: YYYY-MM-DD, label }";

/**
 * The reason for a schema problem of a statistic's period, with every accepted form listed;
 * undefined for a problem elsewhere. `describe` words an issue as any other problem.
 *
 * A period that fits neither of the schema's forms (a label, or an object with start, end and
 * label) is one "Invalid input" to zod: the reason then says what is wrong with the object
 * when an object was written ("label is required, unknown field 'lable'"), or that the value
 * is no period at all. A problem inside an object that is otherwise one (a start that is not
 * a date) is worded as usual, at its own path.
 */
export function periodIssueText(issue: z.core.$ZodIssue, describe: (issue: z.core.$ZodIssue) => string): string | undefined {
  const at = issue.path.lastIndexOf("period");
  if (at < 0 || at < issue.path.length - 2) return undefined;
  if (issue.code !== "invalid_union" || at !== issue.path.length - 1) return `${describe(issue)}; a period is written ${PERIOD_FORMS}`;
  // The object form's branch, when the value was an object: its issues are inside it.
  const objectIssues = issue.errors.find((branch) => branch.some((i) => i.path.length > 0 || i.code === "unrecognized_keys"));
  const detail = objectIssues
    ? `the object form is not complete: ${objectIssues.map((i) => (i.path.length > 0 ? `${(i.path as PathSegment[]).join(".")} ${describe(i)}` : describe(i))).join(", ")}`
    : "not a period";
  return `${detail}; a period is written ${PERIOD_FORMS}`;
}
