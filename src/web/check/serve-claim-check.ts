import type http from "node:http";
import type { WebDeps } from "../deps.js";
import type { WebManifest } from "../manifest.js";
import { sendPage } from "../respond.js";
import { renderClaimCheckPage } from "./claim-check.page.js";
import { CLAIM_CHECK_QUERY, type PageCheck } from "./claim-check.query.js";

/**
 * GET /check: the claim checker's page. Without `text` it shows the empty form; with it, the
 * check the public API gives (`checkClaim`, through the same pipeline and limits as /graphql).
 * An input the API refuses (no figure, too long, another language, a malformed date) is shown
 * beside the form with status 400; any other failure is a 503 page. The page may submit its
 * form to itself, and nothing else (its Content-Security-Policy allows only that).
 */
export async function serveClaimCheck(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: WebDeps, manifest: WebManifest | null): Promise<void> {
  const text = url.searchParams.get("text") ?? "";
  const publishedAt = url.searchParams.get("publishedAt") ?? "";
  const language = url.searchParams.get("language") ?? "";
  const csp = { page: "document", embeddable: false, forms: true } as const;
  const view = { text, publishedAt, language, manifest };
  if (text.trim() === "") {
    sendPage(req, res, renderClaimCheckPage({ ...view, check: null, error: null }), { status: 200, csp });
    return;
  }
  const response = await deps.execute({
    query: CLAIM_CHECK_QUERY,
    operationName: "CheckPage",
    variables: { text, publishedAt: publishedAt || null, language: language || null },
  });
  const body = response.body.kind === "single" ? response.body.singleResult : null;
  const errors = body?.errors ?? [];
  const check = (body?.data as { checkClaim?: PageCheck } | null | undefined)?.checkClaim ?? null;
  if (check) {
    sendPage(req, res, renderClaimCheckPage({ ...view, check, error: null }), { status: 200, csp, cacheControl: "no-store" });
    return;
  }
  const userErrors = errors.filter((e) => e.extensions?.code === "BAD_USER_INPUT" || e.extensions?.code === "GRAPHQL_VALIDATION_FAILED");
  if (userErrors.length > 0) {
    sendPage(req, res, renderClaimCheckPage({ ...view, check: null, error: userErrors.map((e) => e.message).join(" ") }), { status: 400, csp, cacheControl: "no-store" });
    return;
  }
  console.error(JSON.stringify({ level: "error", msg: "claim check failed", errors: errors.map((e) => e.message) }));
  sendPage(req, res, renderClaimCheckPage({ ...view, check: null, error: "The API could not check the claim. Please try again later." }), { status: 503, csp, cacheControl: "no-store" });
}
