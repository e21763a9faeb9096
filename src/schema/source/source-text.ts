import type { Archive } from "../../db/archives.js";
import { userError } from "../common/user-error.js";

/** The most code points `Source.text` returns at once. */
export const MAX_TEXT_SLICE = 5000;

/**
 * A slice of an archived text by code points, `start` included and `end` excluded, as
 * `Source.text(start, end)` serves it. `end` defaults to `start + 5000` and is clamped to the
 * text's length; slices longer than 5,000 code points, negative positions, `end` before
 * `start` and `start` past the end are user errors saying so.
 */
export function archiveSlice(archive: Archive, start: number, end: number | null | undefined): string {
  const length = archive.text.length;
  if (start < 0) throw userError(`Argument start must be 0 or more, got ${start}.`, "start");
  if (start > length) throw userError(`Argument start (${start}) lies beyond the end of the archived text, which has ${length} code points.`, "start");
  const stop = Math.min(end ?? start + MAX_TEXT_SLICE, length);
  if (end != null && end < start) throw userError(`Argument end (${end}) is before start (${start}).`, "end");
  if (end != null && end - start > MAX_TEXT_SLICE) {
    throw userError(`The slice from ${start} to ${end} is ${end - start} code points long; Source.text returns at most ${MAX_TEXT_SLICE} at once, so page through longer texts.`, "end");
  }
  return archive.text.slice(start, stop);
}
