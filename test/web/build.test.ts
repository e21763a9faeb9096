import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { type BuildWebResult, buildWebAssets } from "../../src/web/build/build-web.js";

/**
 * Hosts that occur in absolute URLs inside the built files, each reviewed: none is fetched
 * by the pages (the browser tests also assert that no request leaves the server). A new host
 * fails this test so that someone looks at what it is.
 */
const REVIEWED_HOSTS: Readonly<Record<string, string>> = {
  "www.w3.org": "XML/SVG namespace identifiers (http://www.w3.org/2000/svg), never requested",
  "github.com": "links in license headers, error messages, and the GraphiQL logo's link (followed only on a click)",
  "code.visualstudio.com": "links in Monaco's help texts and GraphiQL's keyboard-shortcut dialog (followed only on a click)",
  "react.dev": "URL printed in React's minified error messages",
  "prettier.io": "URL in a Prettier error message",
  "yarnpkg.com": "URL in a Prettier/markdown-it message",
  "microsoft.com": "a sample link inside Monaco's markdown escaping code",
  "en.wikipedia.org": "link in the description of the GraphQL Float scalar (documentation text)",
  "commonmark.org": "link in a GraphQL directive's description (documentation text)",
  "json-schema.org": "JSON Schema draft identifiers ($schema ids) known to Monaco's JSON worker; schema downloads are off",
};

let dir: string;
let first: BuildWebResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lsf-web-build-"));
  first = await buildWebAssets({ outDir: join(dir, "web"), force: true });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the web build", () => {
  it("writes content-hashed entry files and lists every file it wrote in the manifest", () => {
    const { entries, files } = first.manifest;
    expect(entries.explorerScript).toMatch(/^explorer-[0-9a-f]{12}\.js$/);
    expect(entries.explorerStyles).toEqual([expect.stringMatching(/^explorer-page-[0-9a-f]{12}\.css$/)]);
    expect(entries.factCardScript).toMatch(/^fact-card-[0-9a-f]{12}\.js$/);
    expect(entries.factCardStyles).toEqual([expect.stringMatching(/^fact-card-[0-9a-f]{12}\.css$/)]);
    const onDisk = readdirSync(join(dir, "web", "assets")).sort();
    const listed = Object.entries(files).flatMap(([name, f]) => [name, ...f.encodings.map((e) => `${name}.${e === "gzip" ? "gz" : "br"}`)]).sort();
    expect(onDisk).toEqual(listed);
    // Monaco's three workers are bundled and served like everything else.
    expect(Object.keys(files).filter((n) => n.endsWith(".worker.js")).map((n) => n.replace(/-[0-9a-f]{12}/, ""))).toEqual([
      "monaco-editor.worker.js",
      "monaco-graphql.worker.js",
      "monaco-json.worker.js",
    ]);
  });

  it("writes the fonts and images GraphiQL's stylesheet inlines out as files, so styles load nothing from data: URLs", () => {
    const css = readFileSync(join(dir, "web", "assets", first.manifest.entries.explorerStyles[0]!), "utf8");
    expect(css).not.toContain("data:");
    expect(css).toMatch(/url\(\.\/inline-[0-9a-f]{12}\.woff2\)/);
  });

  it("leaves no absolute URL to an unreviewed host in any script or stylesheet", () => {
    const hosts = new Set<string>();
    for (const name of Object.keys(first.manifest.files).filter((n) => /\.(js|css)$/.test(n))) {
      const text = readFileSync(join(dir, "web", "assets", name), "utf8");
      for (const m of text.matchAll(/\b(?:https?|wss?):\/\/([a-z0-9.-]+)/gi)) hosts.add(m[1]!.toLowerCase());
    }
    expect([...hosts].filter((h) => !(h in REVIEWED_HOSTS))).toEqual([]);
  });

  it("reads the examples file when it builds, and rebuilds only when an input changed", async () => {
    expect(first.manifest.examples.map((e) => e.name)).toEqual(expect.arrayContaining(["TraceJobsFigure", "MetricAcrossSources", "SearchTaobaoLive"]));
    const again = await buildWebAssets({ outDir: join(dir, "web") });
    expect(again).toEqual({ manifest: first.manifest, built: false });

    const examplesFile = join(dir, "examples.graphql");
    writeFileSync(examplesFile, `${readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8")}\n# Added.\nquery AddedExample { knowledgeBase { dataVersion } }\n`);
    const changed = await buildWebAssets({ outDir: join(dir, "web"), examplesFile });
    expect(changed.built).toBe(true);
    expect(changed.manifest.examples.at(-1)).toEqual({ name: "AddedExample", description: "Added.", query: "# Added.\nquery AddedExample { knowledgeBase { dataVersion } }\n" });
  }, 120_000);
});
