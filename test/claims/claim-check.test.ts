import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_COSTS, operationCost } from "../../src/api/cost.js";
import { buildApiSchema } from "../../src/schema/index.js";
import type { TestApi } from "../api/knowledge-bases.js";
import { scenarioApi } from "../fixtures/scenario.js";
import { CLAIM_SCENARIO } from "./claim-scenario.js";

/**
 * What a claim check answers beyond the verdicts (claim-sentences.test.ts): the explanations
 * in full (the kind, producers and reporters of the figures relied on; unattributed support,
 * possible echoes and forecasts said as such), the ClaimReview JSON-LD, positions in code
 * points, the language, the user errors, the vocabulary built once and the field's price.
 */

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi(CLAIM_SCENARIO);
});
afterAll(() => api.close());

const check = async (text: string, selection: string, variables: Record<string, unknown> = {}) =>
  (await api.data(`query($text: String!, $publishedAt: LocalDate, $language: Locale) { checkClaim(text: $text, publishedAt: $publishedAt, language: $language) { ${selection} } }`, { text, ...variables }))
    .checkClaim;

describe("checkClaim explains", () => {
  it("a figure whose only support may be an echo, naming the kind, producers and reporters of the statistic relied on", async () => {
    const text = "China's live-streaming e-commerce market reached 135.2 billion yuan in 2018.";
    expect(await check(text, "verdict figures { asWritten start end verdict explanation matches { statistic { slug } verdict reason explanation flags } }")).toEqual({
      verdict: "SUPPORTED",
      figures: [
        {
          asWritten: "135.2 billion yuan",
          start: 49,
          end: 67,
          verdict: "SUPPORTED",
          explanation:
            'Supported: 1 figure of "Live-streaming e-commerce gross merchandise value" of China\'s live-streaming e-commerce market for 2018 agrees or is compatible with it, and none conflicts (an estimate). The only attributed support may be an echo: the same figure to 4 significant digits is credited to Acme Research and Bolt Data; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.',
          matches: [
            {
              statistic: { slug: "gmv-2018-135-2bn" },
              verdict: "AGREES",
              reason: "Both state 135.2 billion yuan.",
              explanation:
                "Agrees with an estimate by Acme Research and Bolt Data, reported by Daily News (2021-06-01) and Evening Post (2021-07-01). Both state 135.2 billion yuan. Possible echo: the same figure to 4 significant digits is credited to Acme Research and Bolt Data; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.",
              flags: [],
            },
          ],
        },
      ],
    });
  });

  it("support that names no producer, and support that is only a forecast (never called a measurement)", async () => {
    const unattributed = await check("China had 265 million live-streaming e-commerce users in 2019.", "figures { explanation matches { explanation } }");
    expect(unattributed.figures[0].explanation).toContain("The only support names no producer: no attribution is stated for it.");
    expect(unattributed.figures[0].matches[0].explanation).toBe("Agrees with an estimate with no attribution stated, reported by Daily News (2021-06-01). Both state 265 million users.");
    const forecast = await check("China's live-streaming e-commerce market will reach 2.5 trillion yuan in 2022.", "figures { explanation matches { explanation } }");
    expect(forecast.figures[0].explanation).toBe(
      'Supported: 1 figure of "Live-streaming e-commerce gross merchandise value" of China\'s live-streaming e-commerce market for 2022 agrees or is compatible with it, and none conflicts (a forecast). The support is a forecast, not a measurement.',
    );
    expect(forecast.figures[0].matches[0].explanation).toBe("Agrees with a forecast by Bolt Data, reported by Daily News (2021-06-01). Both state 2.5 trillion yuan.");
  });

  it("what was looked for when nothing is found, and why a percentage is not compared with amounts", async () => {
    const { figures } = await check("Live-streaming e-commerce sales in China reached 4.1 percent in 2019.", "figures { explanation metric { confidence } matches { verdict } }");
    expect(figures).toEqual([
      {
        explanation:
          'Not found: looked for a figure matching the claim\'s words. The words name "Live-streaming e-commerce gross merchandise value", which the knowledge base gives in an amount in CNY or an amount in USD, but the claim states a percentage: a percentage (a share or a rate of growth) is not an amount of money, so the figure was not compared with them.',
        metric: null,
        matches: [],
      },
    ]);
  });

  it("figures that could not be judged, saying the claim states no period", async () => {
    const { figures } = await check("China's live-streaming e-commerce market reached 1.2 trillion yuan.", "figures { verdict explanation }");
    expect(figures[0].verdict).toBe("NOT_FOUND");
    expect(figures[0].explanation).toContain('could not be judged: the claim states no period: say when ("in 2020"; "last year" with a publication date) to compare it.');
  });
});

describe("checkClaim reads", () => {
  it("positions in code points, like quotes, and the language from the text", async () => {
    const c = await check("😀 流购直播2020年直播电商交易额达4000亿元。", "language figures { asWritten start end } ignored { asWritten start end reason }");
    expect(c).toEqual({ language: "zh-Hans", figures: [{ asWritten: "4000亿元", start: 19, end: 25 }], ignored: [{ asWritten: "2020", start: 6, end: 10, reason: "YEAR" }] });
  });

  it("the language as given, in its canonical form", async () => {
    expect((await check("StreamMall has created 1.73m jobs.", "language", { language: "en-gb" })).language).toBe("en-GB");
    expect((await check("流购直播已创造逾173万个就业岗位。", "language", { language: "zh-cn" })).language).toBe("zh-CN");
  });

  it("a relative period only with a publication date, and says so without one", async () => {
    const { figures } = await check("China's live-streaming e-commerce market reached 1.2 trillion yuan last year.", "figures { period { label } explanation }");
    expect(figures[0].period).toBeNull();
    expect(figures[0].explanation).toContain('"last year" is relative to the date of writing, and no publication date was given to resolve it.');
  });
});

describe("checkClaim refuses", () => {
  const refusal = async (variables: Record<string, unknown>) => {
    const r = await api.gql("query($text: String!, $language: Locale) { checkClaim(text: $text, language: $language) { verdict } }", variables);
    expect(r.data).toBeNull();
    return { message: r.errors![0]!.message, extensions: r.errors![0]!.extensions };
  };

  it("a text with no figure, saying which numbers it holds and why none is a figure", async () => {
    expect(await refusal({ text: "Live streaming boomed in 2020 during the 618 festival." })).toEqual({
      message: '`text` states no figure to check: "2020" (a year), "618" (a festival\'s name) are not a figure. Give a sentence with a number and what it counts ("over 10 million live-streaming sessions in 2020").',
      extensions: { code: "BAD_USER_INPUT", argumentName: "text" },
    });
    expect((await refusal({ text: "   " })).message).toBe("`text` is empty: give the sentence to check.");
  });

  it("a text over 2,000 characters", async () => {
    expect(await refusal({ text: `${"Sales reached 5 billion yuan. ".repeat(70)}` })).toEqual({
      message: "`text` is 2,100 characters long; a claim may be at most 2,000: check one passage at a time.",
      extensions: { code: "BAD_USER_INPUT", argumentName: "text" },
    });
  });

  it("a language the reader does not know", async () => {
    expect(await refusal({ text: "Les ventes ont atteint 5 milliards de yuans.", language: "fr" })).toEqual({
      message: '`language` "fr" is not a language claims can be read in: give English (`en`) or Chinese (`zh`, `zh-Hans`, `zh-CN`), or leave it out to have it detected.',
      extensions: { code: "BAD_USER_INPUT", argumentName: "language" },
    });
  });
});

describe("checkClaim's price and its vocabulary", () => {
  it("reads the vocabulary once per knowledge base, not once per check", async () => {
    const seen: string[] = [];
    const stop = api.kb.db.onStatement((sql) => seen.push(sql));
    try {
      await check("StreamMall has created 1.73m jobs.", "verdict");
      await check("China had 388 million live-streaming e-commerce users in 2020.", "verdict");
    } finally {
      stop();
    }
    expect(seen.filter((sql) => sql.includes("FROM entity_name n JOIN entity e"))).toHaveLength(0);
  });

  it("costs its entry in the cost table, in place of an object's weight, plus what it selects", () => {
    const schema = buildApiSchema();
    const doc = parse('{ checkClaim(text: "x") { verdict } }');
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(FIELD_COSTS["Query.checkClaim"]).toBe(500);
    expect(operationCost(schema, op, {})).toBe(500 + 1.5 * 1);
  });
});

describe("checkClaim's ClaimReview", () => {
  it("is schema.org JSON-LD: the claim, a rating from the verdict, the review and the fact cards relied on", async () => {
    const c = await check("China's live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021.", "summary claimReview", { publishedAt: "2021-12-01" });
    expect(c.claimReview).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: "China's live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021.",
      datePublished: "2026-01-01",
      inLanguage: "en",
      author: { "@type": "Organization", name: "livestream-facts knowledge base" },
      itemReviewed: { "@type": "Claim", inLanguage: "en", datePublished: "2021-12-01", text: "China's live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021." },
      reviewRating: { "@type": "Rating", ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: "Disputed: the knowledge base's sources disagree" },
      reviewBody: c.summary,
      citation: [
        { "@type": "CreativeWork", url: "/facts/gmv-2021-2-3tn", name: "2.3 trillion yuan (2021, estimate)" },
        { "@type": "CreativeWork", url: "/facts/gmv-2021-2tn-forecast", name: "2 trillion yuan (2021, forecast)" },
      ],
    });
  });
});
