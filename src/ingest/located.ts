import type { DataFile } from "./data-file.js";
import type { PathSegment } from "./problems.js";

/** A record of a curated file, with the file and path it was read from. */
export interface Located<T> {
  value: T;
  file: DataFile;
  path: PathSegment[];
}
