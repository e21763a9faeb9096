/**
 * Which of two documents was added to the knowledge base later, as far as their files tell.
 *
 * When two documents state one figure under two slugs (or one slug with two definitions), the
 * problem belongs to the document being added: the other one's slug may already be published
 * (it is a natural key of the API and the basis of a global ID), so an editor must never be
 * told to change it. The build has no record of when a file was added, so it reads the
 * documents' own dates:
 *
 * 1. the one retrieved later (`retrieved`: when the editors read and archived it) was added
 *    later;
 * 2. when that does not decide (a date missing, or the same), the one published later;
 * 3. when that does not decide either, the one whose file name sorts later.
 *
 * Dates of different precision decide only when they differ in what both give ("2020" and
 * "2020-06" do not decide; "2019" and "2020-06" do).
 */

/** What the rule reads of a source. */
export interface DocumentDates {
  /** The file, relative to the project root. */
  readonly file: string;
  /** When the text was retrieved (YYYY-MM-DD), or null. */
  readonly retrieved: string | null;
  /** Publication date (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  readonly published: string | null;
}

/** Whether document `a` counts as added to the knowledge base after document `b` (see above). */
export function addedAfter(a: DocumentDates, b: DocumentDates): boolean {
  const order = compareDates(a.retrieved, b.retrieved) || compareDates(a.published, b.published);
  if (order !== 0) return order > 0;
  return a.file > b.file;
}

/** -1, 0 or 1 as `a` is earlier than, undecided against or later than `b`. */
function compareDates(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}
