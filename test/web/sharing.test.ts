import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebTestServer, startWebTestServer } from "./web-server.js";

let server: WebTestServer;
beforeAll(async () => {
  server = await startWebTestServer();
}, 180_000);
afterAll(() => server?.close());

const JOBS = "/facts/taobao-live-jobs-created-over-1-73m";

/** The page's <meta> tags by property or name. */
function metaTags(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return out;
}

describe("sharing a page", () => {
  it("gives a fact card Open Graph and Twitter card tags with the figure in words and its absolute URL", async () => {
    const body = await (await fetch(`${server.origin}${JOBS}`)).text();
    expect(metaTags(body)).toMatchObject({
      "og:title": "more than 1.73 million jobs: Jobs created · Taobao Live",
      "og:type": "article",
      "og:site_name": "livestream-facts",
      "og:url": `${server.origin}${JOBS}`,
      "twitter:card": "summary",
      "twitter:title": "more than 1.73 million jobs: Jobs created · Taobao Live",
    });
    expect(metaTags(body)["og:description"]).toMatch(/^Jobs created of Taobao Live: more than 1\.73 million jobs\. Stated by People's Daily Online, with the passage and its provenance\.$/);
  });

  it("describes the figure as a schema.org Claim in JSON-LD, citing the documents that state it", async () => {
    const { statistic } = await server.api.data(`{ statistic(slug: "taobao-live-jobs-created-over-1-73m") { value { display } producers { name } citations { source { url title publishedAt } } } }`);
    const body = await (await fetch(`${server.origin}${JOBS}`)).text();
    const blocks = [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "Claim",
      "@id": `${server.origin}${JOBS}`,
      url: `${server.origin}${JOBS}`,
      name: "more than 1.73 million jobs: Jobs created of Taobao Live",
      text: statistic.value.display,
      about: { "@type": "Thing", name: "Taobao Live" },
      keywords: ["Jobs created", "estimate"],
      author: statistic.producers.map((p: { name: string }) => ({ "@type": "Organization", name: p.name })),
      citation: statistic.citations.map((c: { source: { url: string; title: string; publishedAt: string } }) => ({
        "@type": "NewsArticle",
        name: c.source.title,
        url: c.source.url,
        inLanguage: "en",
        datePublished: c.source.publishedAt,
        publisher: { "@type": "Organization", name: "People's Daily Online" },
      })),
    });
  });

  it("gives a metric page sharing tags, and takes no origin from a forged Host header", async () => {
    const body = await (await fetch(`${server.origin}/metrics/live-commerce-gmv`)).text();
    expect(metaTags(body)).toMatchObject({
      "og:title": "Live-streaming e-commerce gross merchandise value: every figure, every source",
      "og:type": "website",
      "og:url": `${server.origin}/metrics/live-commerce-gmv`,
      "twitter:card": "summary",
    });
    const { request } = await import("node:http");
    const forged = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.origin}/metrics/live-commerce-gmv`, { headers: { host: 'evil.example"><script>' } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
    });
    expect(metaTags(forged)["og:url"]).toBeUndefined();
    expect(forged).not.toContain("evil.example");
  });
});
