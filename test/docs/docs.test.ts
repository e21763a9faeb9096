import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, parse, print, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/config.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { type TestApi, projectApi } from "../api/knowledge-bases.js";
import { type Files, anchors, brokenLinks, codeBlocks, codeSpans, filesUnder, headingAnchor, prose } from "./markdown.js";

/**
 * The documentation read as a reader would follow it: README first (short, the two commands at
 * the top, a first query that answers what it says it answers), then docs/, whose links, paths
 * and GraphQL must all lead somewhere real.
 */
const files = filesUnder(PROJECT_ROOT);
const readme = files.read("README.md");
const docs = readdirSync(join(PROJECT_ROOT, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);
/** The documents this project writes for readers; deploy/README.md is linked from them. */
const DOCUMENTS = ["README.md", ...docs];
const schema = buildSchema(readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8"));

describe("README", () => {
  it("fits in 200 lines and links to docs/ for the rest", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) expect(readme, `README links to ${doc}`).toContain(`](${doc})`);
  });

  it("shows the two commands first: npm install && npm start, then npm test", () => {
    const first = codeBlocks(readme)[0]!;
    const commands = first.text.split("\n").map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean);
    expect(commands).toEqual(["npm install && npm start", "npm test"]);
    const scripts = JSON.parse(files.read("package.json")).scripts as Record<string, string>;
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
    // The address it names is where the default settings serve the API.
    expect(first.text).toContain(`http://localhost:${DEFAULT_SETTINGS.port}/graphql`);
  });
});

describe("links and paths in the documentation", () => {
  it("every relative link leads to a file that exists, and every anchor to a heading of it", () => {
    const problems = [...DOCUMENTS, "deploy/README.md"].flatMap((f) => brokenLinks(f, files));
    expect(problems).toEqual([]);
    // Not vacuous: the documents do link to one another, with anchors.
    expect(DOCUMENTS.flatMap((f) => [...files.read(f).matchAll(/\]\([^)]*\.md#[^)]+\)/g)]).length).toBeGreaterThan(20);
  });

  it("every repository path written as code names something that exists", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of DOCUMENTS) {
      for (const span of codeSpans(prose(files.read(file)))) {
        if (!/^(src|test|db|bench|deploy|examples|scripts|docs)\/[\w./-]*$/.test(span)) continue;
        checked++;
        if (!files.kind(span)) missing.push(`${file}: ${span}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it("every GraphQL block is a valid operation against schema.graphql", () => {
    const blocks = DOCUMENTS.flatMap((file) => codeBlocks(files.read(file)).filter((b) => b.lang === "graphql").map((b) => ({ ...b, file })));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(validate(schema, parse(b.text)).map((e) => e.message), `${b.file}:${b.line}`).toEqual([]);
  });
});

describe("the link checker", () => {
  const fake = (contents: Record<string, string>): Files => ({
    kind: (p) => (p in contents ? "file" : Object.keys(contents).some((k) => k.startsWith(`${p}/`)) ? "dir" : undefined),
    read: (p) => contents[p]!,
  });

  it("finds a missing file, a missing heading and a link out of the project, and follows none of code or URLs", () => {
    const world = fake({
      "README.md": "See [ops](docs/ops.md#running-it), [gone](docs/gone.md), [bad](docs/ops.md#nowhere), [up](../x.md).\n\n```md\n[in code](docs/none.md)\n```\n`[span](docs/none.md)` and [web](https://example.org/#x).",
      "docs/ops.md": "# Ops\n\n## Running it\n\nBack to [the top](#ops) and [the readme](../README.md).",
    });
    expect(brokenLinks("README.md", world)).toEqual([
      "README.md:1: docs/gone.md: no such file",
      'README.md:1: docs/ops.md#nowhere: no heading "nowhere" in docs/ops.md',
      "README.md:1: ../x.md: leaves the project",
    ]);
    expect(brokenLinks("docs/ops.md", world)).toEqual([]);
  });

  it("names headings as GitHub does", () => {
    expect(headingAnchor("What `npm test` needs")).toBe("what-npm-test-needs");
    expect(headingAnchor("Echoes: identical figures from different producers")).toBe("echoes-identical-figures-from-different-producers");
    expect([...anchors("# A\n## Notes\n## Notes\n```\n# not a heading\n```")]).toEqual(["a", "notes", "notes-1"]);
  });
});

describe("README's first query", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await projectApi();
  });
  afterAll(() => api.close());

  const query = codeBlocks(readme).find((b) => b.lang === "graphql")!.text;

  it("is the query its curl line sends", () => {
    const curl = codeBlocks(readme).find((b) => b.lang === "sh" && b.text.includes("curl"))!.text;
    expect(curl).toContain(`http://localhost:${DEFAULT_SETTINGS.port}/graphql`);
    const body = /-d '([^']*)'/.exec(curl)?.[1];
    expect(body).toBeDefined();
    expect(print(parse(JSON.parse(body!).query))).toBe(print(parse(query)));
  });

  it("answers, on db/, what README shows and says it answers", async () => {
    const data = await api.data(query);
    const shown = JSON.parse(codeBlocks(readme).find((b) => b.lang === "json")!.text).data;
    expect(excerptMismatches(shown, data)).toEqual([]);
    // The sentences under the answer quote it too.
    const quoted = data.statistic.citations.find((c: { quote: unknown }) => c.quote);
    expect(readme).toContain(`${quoted.quote.start}–${quoted.quote.end}`);
    expect(readme).toContain(quoted.source.publishedAt);
    expect(quoted.verified).toBe(true);
    for (const author of quoted.attributedTo.authors) expect(readme).toContain(author.name);
  });

  it("would notice an answer that differs from the one shown (the comparison is not vacuous)", () => {
    const shown = { a: { b: "31f7…e9ae", list: [{ x: 1 }] } };
    expect(excerptMismatches(shown, { a: { b: "31f7abc9e9ae", list: [{ x: 2 }, { x: 1 }] } })).toEqual([]);
    expect(excerptMismatches(shown, { a: { b: "31f8abc9e9ae", list: [{ x: 2 }] } })).toEqual(["a.b", "a.list[0]"]);
  });
});

/**
 * Where an excerpt of an answer (as a document shows it) differs from the real answer: every
 * value shown must be there; a string shortened with "…" must start and end as shown; each
 * element of a list shown must match some element of the real list (a document may show fewer).
 */
function excerptMismatches(shown: unknown, actual: unknown, path = ""): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [path];
    return shown.flatMap((item, i) => (actual.some((a) => excerptMismatches(item, a).length === 0) ? [] : [`${path}[${i}]`]));
  }
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object") return [path];
    return Object.entries(shown).flatMap(([k, v]) => excerptMismatches(v, (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  if (typeof shown === "string" && shown.includes("…") && typeof actual === "string") {
    const [head, tail] = shown.split("…") as [string, string];
    return actual.startsWith(head) && actual.endsWith(tail) && actual.length > shown.length ? [] : [path];
  }
  return Object.is(shown, actual) ? [] : [path];
}
