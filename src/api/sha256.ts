import crypto, { createHash } from "node:crypto";

/** Node's one-shot hash (20.12 and later), about half the cost of a Hash object on a short text. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: string) => string }).hash;

/** The SHA-256 of a text in `encoding`: the one-shot hash where Node has it, else a Hash object. */
export function sha256(text: string, encoding: "hex" | "base64" | "base64url"): string {
  return oneShotHash ? oneShotHash("sha256", text, encoding) : createHash("sha256").update(text).digest(encoding);
}
