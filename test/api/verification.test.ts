import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi, serveCopy } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

const WIRE_SHA = "1deb05f4f275419b7b5341a169555f684cffd111661f4f9a0050afe32824f166";
const CITATION = `query($slug: String!) { citation(slug: $slug) { verified verificationNote } }`;

describe("quote verification", () => {
  it("verifies a quote at its code-point position against the archive's digest", async () => {
    expect(await api.data(CITATION, { slug: "widget-wire-2021-01-05-widget-sales.gmv-2020" })).toEqual({
      citation: {
        verified: true,
        verificationNote: `Verified: the quote occurs at code points 34–95 of the archived text, whose SHA-256 ${WIRE_SHA} matches the digest recorded when it was archived.`,
      },
    });
  });

  it("cannot verify a citation of a source whose text is not archived, and says why", async () => {
    expect(await api.data(CITATION, { slug: "widget-blog-2021-roundup.gmv-2020-roundup" })).toEqual({
      citation: {
        verified: false,
        verificationNote: "Not verifiable: the source's text is not archived here (coverage NONE), so the figure is cited at the level of the document's URL.",
      },
    });
  });

  it("stops verifying every quote of a source whose archived text changed after it was built", async () => {
    const bad = await serveCopy(api, (db) => db.prepare("UPDATE source SET archive_text = replace(archive_text, 'record', 'recorp') WHERE slug = ?").run("widget-wire-2021-01-05-widget-sales"));
    try {
      const data = await bad.data(`{
        citation(slug: "widget-wire-2021-01-05-widget-sales.gmv-2020") { verified verificationNote }
        statistic(slug: "shoplive-sessions-2020-12-over-40k") { hasVerifiedQuote }
        both: statistic(slug: "shoplive-widget-gmv-2020-2-5bn") { hasVerifiedQuote citations { verified } }
        source(slug: "widget-wire-2021-01-05-widget-sales") { archive { sha256 intact } }
      }`);
      expect(data.citation.verified).toBe(false);
      expect(data.citation.verificationNote).toMatch(new RegExp(`^Not verified: the archived text's SHA-256 is [0-9a-f]{64}, not the ${WIRE_SHA} recorded when it was archived, so the text has changed\\.$`));
      expect({ ...data, citation: undefined }).toEqual({
        citation: undefined,
        statistic: { hasVerifiedQuote: false },
        // The Chinese excerpt still verifies, so the figure keeps one verified quote.
        both: { hasVerifiedQuote: true, citations: [{ verified: true }, { verified: false }] },
        source: { archive: { sha256: WIRE_SHA, intact: false } },
      });
    } finally {
      await bad.close();
    }
  });

  it("does not verify a quote whose recorded position no longer reads the quote", async () => {
    const bad = await serveCopy(api, (db) => db.prepare("UPDATE citation SET quote_start = quote_start + 2, quote_end = quote_end + 2 WHERE slug = ?").run("widget-wire-2021-01-05-widget-sales.gmv-2020"));
    try {
      expect(await bad.data(CITATION, { slug: "widget-wire-2021-01-05-widget-sales.gmv-2020" })).toEqual({
        citation: { verified: false, verificationNote: 'Not verified: the archived text at code points 36–97 reads "dget sales on Shoplive soared to 2.5 billion yuan last year, ", not the quote.' },
      });
    } finally {
      await bad.close();
    }
  });
});

describe("archived text", () => {
  const text = async (args: string) => api.gql(`{ source(slug: "widget-wire-2021-01-05-widget-sales") { text${args} } }`);

  it("slices by code points, so positions past characters outside the BMP still match the quotes", async () => {
    expect((await text("(start: 30, end: 40)")).data).toEqual({ source: { text: "𠮷 📈 Widget" } });
    expect((await text("(start: 0, end: 11)")).data).toEqual({ source: { text: "Widget Wire" } });
  });

  it("defaults to the rest of the text from start, clamped to its length", async () => {
    expect((await text("(start: 443)")).data).toEqual({ source: { text: "at most 7 hours a day.\n" } });
    expect((await text("(start: 459, end: 900)")).data).toEqual({ source: { text: "a day.\n" } });
  });

  it("refuses slices longer than 5,000 code points, negative or reversed ranges, and starts past the end", async () => {
    const errors = async (args: string) => (await text(args)).errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.argumentName]);
    expect(await errors("(start: 0, end: 5001)")).toEqual([
      ["The slice from 0 to 5001 is 5001 code points long; Source.text returns at most 5000 at once, so page through longer texts.", "BAD_USER_INPUT", "end"],
    ]);
    expect(await errors("(start: -1)")).toEqual([["Argument start must be 0 or more, got -1.", "BAD_USER_INPUT", "start"]]);
    expect(await errors("(start: 10, end: 5)")).toEqual([["Argument end (5) is before start (10).", "BAD_USER_INPUT", "end"]]);
    expect(await errors("(start: 1000)")).toEqual([["Argument start (1000) lies beyond the end of the archived text, which has 466 code points.", "BAD_USER_INPUT", "start"]]);
  });
});
