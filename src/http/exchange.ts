import type http from "node:http";

/** What a request's log line says beyond method, path and status. */
export interface RequestNote {
  cache?: "hit" | "miss" | "not-modified";
  operationName?: string | null;
  cost?: number;
}

/** One request being answered, as the routes get it. */
export interface Exchange {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  /** The method, upper-case. */
  readonly method: string;
  /** The request's id (request-id.ts), sent back in `x-request-id` and on every log line. */
  readonly id: string;
  /** `performance.now()` when it arrived: its deadline and its logged time count from here. */
  readonly started: number;
  /** Filled in by the routes for the log line. */
  readonly note: RequestNote;
}
