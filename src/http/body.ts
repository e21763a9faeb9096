import type http from "node:http";

/** The content types a GraphQL POST body may have: JSON (`application/json`, `application/graphql-response+json`). */
export const JSON_TYPE = /^\s*application\/(graphql-response\+)?json\s*(;|$)/i;

/** What readBody returns when the body is over the limit (the rest is drained, not buffered). */
export const TOO_LARGE = Symbol("too large");

/** Reads a request body as UTF-8, giving up (without buffering the rest) past `limit` bytes. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off("data", onData);
        req.resume();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
