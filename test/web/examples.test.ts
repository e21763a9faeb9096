import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { splitExamples } from "../../src/web/build/examples.js";

describe("the explorer's example tabs", () => {
  it("are the operations of an examples file, each with the comment right above it and the fragments it spreads", () => {
    const text = `# File header, not attached (a blank line follows).

# Trace a figure.
# Second line.
query Trace { statistic(slug: "x") { ...F } }

fragment F on Statistic { slug ...G }
fragment G on Statistic { kind }

query Bare { knowledgeBase { dataVersion } }
`;
    expect(splitExamples(text)).toEqual([
      {
        name: "Trace",
        description: "Trace a figure. Second line.",
        query: `# Trace a figure.\n# Second line.\nquery Trace { statistic(slug: "x") { ...F } }\n\nfragment F on Statistic { slug ...G }\n\nfragment G on Statistic { kind }\n`,
      },
      { name: "Bare", description: "", query: "query Bare { knowledgeBase { dataVersion } }\n" },
    ]);
  });

  it("refuse an anonymous operation, which could not be named as a tab", () => {
    expect(() => splitExamples("{ knowledgeBase { dataVersion } }")).toThrow("has no name");
  });

  it("include the project's trace, metric-across-sources and search examples", () => {
    const names = splitExamples(readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8")).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["TraceJobsFigure", "MetricAcrossSources", "SearchTaobaoLive"]));
  });
});
