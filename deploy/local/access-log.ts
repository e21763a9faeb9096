import { existsSync, readFileSync, statSync } from "node:fs";

/**
 * Reads nginx's access log in the `api` format of deploy/nginx/nginx.conf.template, to see
 * what clients cannot: which replica answered, how many tries a request took, what each
 * replica said, and whether the cache answered.
 */

/** One access log line. */
export interface AccessLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId: string;
  /** HIT, MISS, REVALIDATED, BYPASS, EXPIRED, STALE, UPDATING, or "-". */
  readonly cache: string;
  /** Every replica tried, in order (more than one: nginx retried). */
  readonly upstreams: readonly string[];
  /** What each try got (a status, or 502/504 for a connection that failed). */
  readonly upstreamStatuses: readonly string[];
}

const LINE = /"(\S+) (\S+) [^"]*" (\d{3}) \d+ rid=(\S+) cache=(\S*) upstream=(.*?) upstream_status=(.*?) rt=/;

/** Parses the lines of `text` that are in the `api` format. */
export function parseAccessLog(text: string): AccessLine[] {
  const out: AccessLine[] = [];
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    // Tries within one upstream group are separated by ", "; groups (internal redirects) by " : ".
    const list = (s: string) => (s === "-" || s === "" ? [] : s.split(/\s*[,:]\s+/).filter((x) => x !== "" && x !== "-"));
    out.push({
      method: m[1]!,
      path: m[2]!,
      status: Number(m[3]),
      requestId: m[4]!,
      cache: m[5] || "-",
      upstreams: list(m[6]!),
      upstreamStatuses: list(m[7]!),
    });
  }
  return out;
}

/** A position in a growing log, to read only what was written after it. */
export class LogCursor {
  private offset: number;

  constructor(private readonly file: string) {
    this.offset = existsSync(file) ? statSync(file).size : 0;
  }

  /** The lines written since the cursor was made or last read, parsed. */
  read(): AccessLine[] {
    if (!existsSync(this.file)) return [];
    const buf = readFileSync(this.file);
    const text = buf.subarray(this.offset).toString("utf8");
    // Keep a partly written last line for next time.
    const end = text.lastIndexOf("\n") + 1;
    this.offset += Buffer.byteLength(text.slice(0, end));
    return parseAccessLog(text.slice(0, end));
  }
}
