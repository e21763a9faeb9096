import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "../api/knowledge-bases.js";
import { scenarioApi } from "../fixtures/scenario.js";
import { CLAIM_SCENARIO } from "./claim-scenario.js";

/**
 * The /check page over real HTTP, on the claim scenario: a form that works without a script,
 * the verdict of a claim with each figure marked and linked to the fact cards of the
 * statistics it was compared with, the ClaimReview as a JSON-LD data block, and the API's
 * refusals shown beside the form.
 */

let api: TestApi;
let origin: string;
beforeAll(async () => {
  api = await scenarioApi(CLAIM_SCENARIO);
  const { port } = await api.server.listen(0, "127.0.0.1");
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => api.close());

const page = async (query: Record<string, string>) => {
  const res = await fetch(`${origin}/check?${new URLSearchParams(query)}`);
  return { status: res.status, type: res.headers.get("content-type"), csp: res.headers.get("content-security-policy") ?? "", body: await res.text() };
};

describe("GET /check", () => {
  it("shows the form, which submits to /check by GET, the one form this server's pages may send", async () => {
    const p = await page({});
    expect(p.status).toBe(200);
    expect(p.type).toBe("text/html; charset=utf-8");
    expect(p.csp).toContain("form-action 'self'");
    expect(p.csp).toContain("script-src 'self'");
    expect(p.body).toContain('<form method="get" action="/check">');
    expect(p.body).toContain('<textarea id="text" name="text" rows="5" cols="80" maxlength="2000" required></textarea>');
  });

  it("checks a claim: the verdict, the figures marked, what was read, and links to the fact cards compared with", async () => {
    const p = await page({ text: "China's live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021.", publishedAt: "2021-12-01" });
    expect(p.status).toBe(200);
    expect(p.body).toContain("<span class=\"badge warn\">Disputed</span> China&#39;s live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021.</h1>");
    expect(p.body).toContain("The claim with its figures marked: China&#39;s live-streaming e-commerce sales reached <mark>nearly 2 trillion yuan</mark> in 2021.");
    expect(p.body).toContain('<a href="/facts/gmv-2021-2tn-forecast">');
    expect(p.body).toContain('<a href="/facts/gmv-2021-2-3tn">');
    expect(p.body).toContain("Agrees with a forecast by Bolt Data, reported by Daily News (2021-06-01).");
    expect(p.body).toContain('<option value="" selected>Detect</option>');
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(p.body)![1]!;
    expect(JSON.parse(jsonLd)).toMatchObject({ "@type": "ClaimReview", reviewRating: { ratingValue: 3 } });
  });

  it("shows the API's refusal beside the form, keeping what was typed", async () => {
    const p = await page({ text: "Live streaming boomed in <2020>." });
    expect(p.status).toBe(400);
    expect(p.body).toContain("<span class=\"badge bad\">Cannot check</span> `text` states no figure to check: &quot;2020&quot; (a year) is not a figure.");
    expect(p.body).toContain(">Live streaming boomed in &lt;2020&gt;.</textarea>");
  });
});
