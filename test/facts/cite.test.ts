import { describe, expect, it } from "vitest";
import { type CitableStatistic, citeSource, citeStatistic, describeFigure } from "../../src/facts/cite.js";
import { type CitableSource, toCslItem } from "../../src/facts/csl-item.js";

const FOUNDING_ARTICLE: CitableSource = {
  slug: "peoples-daily-2020-10-22-live-streaming-trillion",
  title: "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020",
  kind: "NEWS_ARTICLE",
  publisherName: "People's Daily Online",
  authors: [],
  published: "2020-10-22",
  url: "http://en.people.cn/n3/2020/1022/c90000-9772128.html",
  language: "en",
  accessed: "2026-11-25",
};

const SESSIONS: CitableStatistic = {
  metricName: "Live-streaming sessions",
  subjectName: "China's live-streaming e-commerce market",
  periodLabel: "2020-H1",
  kind: "MEASUREMENT",
  comparator: "MORE_THAN",
  amount: 10_000_000,
  unit: "sessions",
  sources: [FOUNDING_ARTICLE],
};

describe("citing the founding article", () => {
  it("in APA 7: no author, so the title moves to the author position; no retrieval date for a dated news article", () => {
    expect(citeSource(FOUNDING_ARTICLE, "APA")).toBe(
      "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020. (2020, October 22). People’s Daily Online. http://en.people.cn/n3/2020/1022/c90000-9772128.html",
    );
  });

  it("in MLA 9: title in quotes and title case, the site as container, date, URL without protocol, access date", () => {
    expect(citeSource(FOUNDING_ARTICLE, "MLA")).toBe(
      "“China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020.” People’s Daily Online, 22 Oct. 2020, en.people.cn/n3/2020/1022/c90000-9772128.html. Accessed 25 Nov. 2026.",
    );
  });

  it("in Chicago 17 author-date: the newspaper stands in place of the missing author", () => {
    expect(citeSource(FOUNDING_ARTICLE, "CHICAGO")).toBe(
      "People’s Daily Online. 2020. “China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020.” October 22, 2020. http://en.people.cn/n3/2020/1022/c90000-9772128.html.",
    );
  });

  it("in GB/T 7714-2015: an online newspaper article [N/OL] with the date cited in brackets", () => {
    expect(citeSource(FOUNDING_ARTICLE, "GB_T_7714")).toBe(
      "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020[N/OL]. People’s Daily Online, 2020-10-22[2026-11-25]. http://en.people.cn/n3/2020/1022/c90000-9772128.html.",
    );
  });

  it("in CSL-JSON", () => {
    expect(JSON.parse(citeSource(FOUNDING_ARTICLE, "CSL_JSON"))).toEqual([
      {
        id: "peoples-daily-2020-10-22-live-streaming-trillion",
        "citation-key": "peoples_daily_2020_10_22_live_streaming_trillion",
        type: "article-newspaper",
        title: "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020",
        "container-title": "People's Daily Online",
        issued: { "date-parts": [[2020, 10, 22]] },
        accessed: { "date-parts": [[2026, 11, 25]] },
        URL: "http://en.people.cn/n3/2020/1022/c90000-9772128.html",
        language: "en",
      },
    ]);
  });

  it("in BibTeX, as citation-js maps a newspaper article", () => {
    expect(citeSource(FOUNDING_ARTICLE, "BIBTEX")).toBe(
      [
        "@article{peoples_daily_2020_10_22_live_streaming_trillion,",
        "\tnote = {[Online; accessed 2026-11-25]},",
        "\tjournal = {People's Daily Online},",
        "\tyear = {2020},",
        "\tmonth = {oct 22},",
        "\ttitle = {China\\textquoteright{}s live-streaming e-commerce sector to top 1 trillion yuan in 2020},",
        "\turl = {http://en.people.cn/n3/2020/1022/c90000-9772128.html},",
        "\thowpublished = {http://en.people.cn/n3/2020/1022/c90000-9772128.html},",
        "}",
      ].join("\n"),
    );
  });

  it("in HTML, with the newspaper in italics", () => {
    expect(citeSource(FOUNDING_ARTICLE, "CHICAGO", "HTML")).toBe(
      '<div data-csl-entry-id="peoples-daily-2020-10-22-live-streaming-trillion" class="csl-entry"><i>People’s Daily Online</i>. 2020. “China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020.” October 22, 2020. http://en.people.cn/n3/2020/1022/c90000-9772128.html.</div>',
    );
    expect(citeSource(FOUNDING_ARTICLE, "MLA", "HTML")).toBe(
      '<div data-csl-entry-id="peoples-daily-2020-10-22-live-streaming-trillion" class="csl-entry">“China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020.” <i>People’s Daily Online</i>, 22 Oct. 2020, en.people.cn/n3/2020/1022/c90000-9772128.html. Accessed 25 Nov. 2026.</div>',
    );
  });
});

describe("citing a statistic", () => {
  it("states the figure with an APA in-text citation, then the reference", () => {
    expect(citeStatistic(SESSIONS, "APA")).toBe(
      [
        "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions (“China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020,” 2020).",
        "",
        "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020. (2020, October 22). People’s Daily Online. http://en.people.cn/n3/2020/1022/c90000-9772128.html",
      ].join("\n"),
    );
  });

  it("numbers GB/T 7714 references to match the in-text marks", () => {
    const other: CitableSource = {
      ...FOUNDING_ARTICLE,
      slug: "chinadaily-2020-10-22-trillion-market",
      title: "Livestreaming e-commerce to become trillion-yuan market in 2020",
      publisherName: "China Daily",
      url: "https://www.chinadaily.com.cn/a/202010/22/WS5f915209a31024ad0ba805d9.html",
    };
    expect(citeStatistic({ ...SESSIONS, sources: [FOUNDING_ARTICLE, other] }, "GB_T_7714")).toBe(
      [
        "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions[1,2].",
        "",
        "[1] China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020[N/OL]. People’s Daily Online, 2020-10-22[2026-11-25]. http://en.people.cn/n3/2020/1022/c90000-9772128.html.",
        "[2] Livestreaming e-commerce to become trillion-yuan market in 2020[N/OL]. China Daily, 2020-10-22[2026-11-25]. https://www.chinadaily.com.cn/a/202010/22/WS5f915209a31024ad0ba805d9.html.",
      ].join("\n"),
    );
  });

  it("lists a source cited twice once, and says when no source is recorded", () => {
    expect(citeStatistic({ ...SESSIONS, sources: [FOUNDING_ARTICLE, FOUNDING_ARTICLE] }, "GB_T_7714")).toBe(
      [
        "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions[1].",
        "",
        "[1] China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020[N/OL]. People’s Daily Online, 2020-10-22[2026-11-25]. http://en.people.cn/n3/2020/1022/c90000-9772128.html.",
      ].join("\n"),
    );
    expect(citeStatistic({ ...SESSIONS, sources: [] }, "APA")).toBe(
      "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions (no source recorded).",
    );
  });

  it("never cites a forecast as a measurement", () => {
    expect(describeFigure({ ...SESSIONS, metricName: "Live-streaming e-commerce GMV", periodLabel: "2020", kind: "FORECAST", amount: 1e12, unit: "CNY" })).toBe(
      "Live-streaming e-commerce GMV of China's live-streaming e-commerce market, 2020: more than 1 trillion yuan (forecast)",
    );
  });

  it("puts the figure in the CSL-JSON note and a BibTeX comment", () => {
    expect(JSON.parse(citeStatistic(SESSIONS, "CSL_JSON"))[0].note).toBe(
      "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions",
    );
    expect(citeStatistic(SESSIONS, "BIBTEX").split("\n\n")[0]).toBe(
      "@comment{Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions}",
    );
  });

  it("gives HTML with the figure in a paragraph and the reference list after it", () => {
    expect(citeStatistic(SESSIONS, "MLA", "HTML")).toBe(
      [
        "<p>Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions (“China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020”).</p>",
        '<div class="csl-bib-body">',
        '<div data-csl-entry-id="peoples-daily-2020-10-22-live-streaming-trillion" class="csl-entry">“China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020.” <i>People’s Daily Online</i>, 22 Oct. 2020, en.people.cn/n3/2020/1022/c90000-9772128.html. Accessed 25 Nov. 2026.</div>',
        "</div>",
      ].join("\n"),
    );
  });
});

describe("citing other sources", () => {
  const byline: CitableSource = {
    slug: "example-journal-2021",
    title: "The status quo of livestream e-commerce in China",
    kind: "JOURNAL_ARTICLE",
    publisherName: "Journal of Example Studies",
    authors: [{ name: "Yu Liu", family: "Liu", given: "Yu" }, { name: "Xinhua News Agency" }],
    published: "2021-03",
    url: "https://example.org/a",
    language: "en",
    accessed: "2026-11-25",
  };

  it("keeps the serial comma before an organization as last author (APA, MLA)", () => {
    expect([citeSource(byline, "APA"), citeSource(byline, "MLA")]).toEqual([
      "Liu, Y., & Xinhua News Agency. (2021). The status quo of livestream e-commerce in China. Journal of Example Studies. https://example.org/a",
      "Liu, Yu, and Xinhua News Agency. “The Status Quo of Livestream E-Commerce in China.” Journal of Example Studies, Mar. 2021, example.org/a. Accessed 25 Nov. 2026.",
    ]);
  });

  it("capitalises a Western family name in GB/T 7714 but not an organization's name", () => {
    expect(citeSource(byline, "GB_T_7714")).toBe(
      "LIU Y, Xinhua News Agency. The status quo of livestream e-commerce in China[J/OL]. Journal of Example Studies, 2021[2026-11-25]. https://example.org/a.",
    );
  });

  it("writes an editors' description as a bracketed title in APA and as plain text in MLA and Chicago", () => {
    const thread: CitableSource = {
      slug: "twitter-thread-mcn-count",
      title: "Thread on MCN counts",
      titleIsDescriptive: true,
      kind: "SOCIAL_MEDIA_POST",
      publisherName: "X",
      authors: [],
      published: "2021",
      url: "https://x.com/a/1",
      language: "en",
      accessed: null,
    };
    expect([citeSource(thread, "APA"), citeSource(thread, "MLA"), citeSource(thread, "CHICAGO")]).toEqual([
      "[Thread on MCN counts]. (2021). X. https://x.com/a/1",
      "Thread on MCN counts. X, 2021, x.com/a/1.",
      "Thread on MCN counts. 2021. X. https://x.com/a/1.",
    ]);
  });

  it("cites an undated Chinese-language article with its access date", () => {
    const zh: CitableSource = {
      slug: "alibabanews-2020-taobao-live-trillion-market",
      title: "淘寶直播孕育新興經濟業態 引領中國萬億直播電商市場",
      kind: "NEWS_ARTICLE",
      publisherName: "Alibaba News",
      authors: [],
      published: null,
      url: "https://www.alibabanews.com/example/",
      language: "zh-Hant",
      accessed: "2026-11-25",
    };
    expect([citeSource(zh, "APA"), citeSource(zh, "GB_T_7714")]).toEqual([
      "淘寶直播孕育新興經濟業態 引領中國萬億直播電商市場. (n.d.). Alibaba News. Retrieved November 25, 2026, from https://www.alibabanews.com/example/",
      "淘寶直播孕育新興經濟業態 引領中國萬億直播電商市場[N/OL]. Alibaba News[2026-11-25]. https://www.alibabanews.com/example/.",
    ]);
  });

  it("writes a Chinese title into BibTeX in UTF-8 rather than dropping it, and keeps LaTeX escapes for Latin text", () => {
    const zh: CitableSource = {
      slug: "alibabanews-2020-taobao-live-trillion-market",
      title: "淘寶直播孕育新興經濟業態 引領中國萬億直播電商市場",
      kind: "NEWS_ARTICLE",
      publisherName: "Alibaba News",
      authors: [],
      published: null,
      url: "https://www.alibabanews.com/example/",
      language: "zh-Hant",
      accessed: "2026-11-25",
    };
    expect(citeStatistic({ ...SESSIONS, sources: [FOUNDING_ARTICLE, zh] }, "BIBTEX")).toBe(
      [
        "@comment{Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions}",
        "",
        "@article{peoples_daily_2020_10_22_live_streaming_trillion,",
        "\tnote = {[Online; accessed 2026-11-25]},",
        "\tjournal = {People's Daily Online},",
        "\tyear = {2020},",
        "\tmonth = {oct 22},",
        "\ttitle = {China\\textquoteright{}s live-streaming e-commerce sector to top 1 trillion yuan in 2020},",
        "\turl = {http://en.people.cn/n3/2020/1022/c90000-9772128.html},",
        "\thowpublished = {http://en.people.cn/n3/2020/1022/c90000-9772128.html},",
        "}",
        "@article{alibabanews_2020_taobao_live_trillion_market,",
        "\tnote = {[Online; accessed 2026-11-25]},",
        "\tjournal = {Alibaba News},",
        "\ttitle = {淘寶直播孕育新興經濟業態 引領中國萬億直播電商市場},",
        "\turl = {https://www.alibabanews.com/example/},",
        "\thowpublished = {https://www.alibabanews.com/example/},",
        "}",
      ].join("\n"),
    );
  });

  it("maps partial dates and source kinds into CSL-JSON", () => {
    expect(toCslItem({ ...FOUNDING_ARTICLE, kind: "COMPANY_FILING", published: "2019-04", accessed: null })).toEqual({
      id: "peoples-daily-2020-10-22-live-streaming-trillion",
      "citation-key": "peoples_daily_2020_10_22_live_streaming_trillion",
      type: "report",
      title: "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020",
      publisher: "People's Daily Online",
      issued: { "date-parts": [[2019, 4]] },
      URL: "http://en.people.cn/n3/2020/1022/c90000-9772128.html",
      language: "en",
    });
  });
});

describe("organization names, printed as recorded in every style", () => {
  // A newspaper article seen on an aggregator, by two organizations whose names have their own
  // case: the styles title-case a container ("China Daily (Via Newsmuncher.Com)") and GB/T 7714
  // capitalises family names ("IIMEDIA RESEARCH").
  const seen: CitableSource = {
    slug: "newsmuncher-2020-10-22-trillion",
    title: "Live-streaming e-commerce to become a trillion-yuan market",
    kind: "NEWS_ARTICLE",
    publisherName: "China Daily (via newsmuncher.com)",
    authors: [{ name: "iiMedia Research" }, { name: "36Kr" }],
    published: "2020-10-22",
    url: "https://newsmuncher.example/a",
    language: "en",
    accessed: "2026-11-25",
  };

  it("keeps the publisher's and the organizations' case in APA, MLA, Chicago, GB/T 7714 and BibTeX", () => {
    expect(Object.fromEntries((["APA", "MLA", "CHICAGO", "GB_T_7714", "BIBTEX"] as const).map((style) => [style, citeSource(seen, style)]))).toEqual({
      APA: "iiMedia Research, & 36Kr. (2020, October 22). Live-streaming e-commerce to become a trillion-yuan market. China Daily (via newsmuncher.com). https://newsmuncher.example/a",
      MLA: "iiMedia Research, and 36Kr. “Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” China Daily (via newsmuncher.com), 22 Oct. 2020, newsmuncher.example/a. Accessed 25 Nov. 2026.",
      CHICAGO:
        "iiMedia Research, and 36Kr. 2020. “Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” China Daily (via newsmuncher.com), October 22, 2020. https://newsmuncher.example/a.",
      GB_T_7714: "iiMedia Research, 36Kr. Live-streaming e-commerce to become a trillion-yuan market[N/OL]. China Daily (via newsmuncher.com), 2020-10-22[2026-11-25]. https://newsmuncher.example/a.",
      BIBTEX: [
        "@article{newsmuncher_2020_10_22_trillion,",
        "\tnote = {[Online; accessed 2026-11-25]},",
        "\tauthor = {{iiMedia Research} and {36Kr}},",
        "\tjournal = {China Daily (via newsmuncher.com)},",
        "\tyear = {2020},",
        "\tmonth = {oct 22},",
        "\ttitle = {Live-streaming e-commerce to become a trillion-yuan market},",
        "\turl = {https://newsmuncher.example/a},",
        "\thowpublished = {https://newsmuncher.example/a},",
        "}",
      ].join("\n"),
    });
  });

  it("keeps them in HTML, and leaves no case markup in the output or in CSL-JSON", () => {
    expect(citeSource(seen, "MLA", "HTML")).toBe(
      '<div data-csl-entry-id="newsmuncher-2020-10-22-trillion" class="csl-entry">iiMedia Research, and 36Kr. “Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” <i>China Daily (via newsmuncher.com)</i>, 22 Oct. 2020, newsmuncher.example/a. Accessed 25 Nov. 2026.</div>',
    );
    expect(JSON.parse(citeSource(seen, "CSL_JSON"))[0]).toMatchObject({ author: [{ family: "iiMedia Research" }, { family: "36Kr" }], "container-title": "China Daily (via newsmuncher.com)" });
    for (const style of ["APA", "MLA", "CHICAGO", "GB_T_7714"] as const) expect(citeSource(seen, style, "HTML")).not.toMatch(/nocase/);
  });

  it("keeps the newspaper's name where it stands in for the author, in the reference and the in-text citation", () => {
    const figure: CitableStatistic = { ...SESSIONS, sources: [{ ...seen, authors: [] }] };
    expect(citeStatistic(figure, "CHICAGO")).toBe(
      [
        "Live-streaming sessions of China's live-streaming e-commerce market, 2020-H1: more than 10 million sessions (China Daily (via newsmuncher.com) 2020).",
        "",
        "China Daily (via newsmuncher.com). 2020. “Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” October 22, 2020. https://newsmuncher.example/a.",
      ].join("\n"),
    );
  });

  it("leaves a recorded name alone when correcting the case of hyphenated words", () => {
    const weekly: CitableSource = { ...seen, kind: "REPORT_PAGE", authors: [], publisherName: "e-Commerce Weekly & Co's" };
    expect([citeSource(weekly, "MLA"), citeSource(weekly, "CHICAGO"), citeSource(weekly, "CHICAGO", "HTML")]).toEqual([
      "“Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” e-Commerce Weekly & Co’s, 22 Oct. 2020, newsmuncher.example/a. Accessed 25 Nov. 2026.",
      "“Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” 2020. e-Commerce Weekly & Co’s. October 22, 2020. https://newsmuncher.example/a.",
      '<div data-csl-entry-id="newsmuncher-2020-10-22-trillion" class="csl-entry">“Live-Streaming E-Commerce to Become a Trillion-Yuan Market.” 2020. e-Commerce Weekly &#38; Co’s. October 22, 2020. https://newsmuncher.example/a.</div>',
    ]);
  });

  it("prints every such name unchanged for every kind of source and every style", () => {
    const kinds = ["NEWS_ARTICLE", "PRESS_RELEASE", "REPORT_PAGE", "COMPANY_FILING", "BLOG_POST", "SOCIAL_MEDIA_POST", "ENCYCLOPEDIA_ARTICLE", "JOURNAL_ARTICLE"] as const;
    const names = ["China Daily (via newsmuncher.com)", "iiMedia Research", "36Kr", "the Paper", "KPMG and AliResearch", "e-Commerce Weekly"];
    const wrong: string[] = [];
    for (const kind of kinds) {
      names.forEach((publisherName, i) => {
        const author = names[(i + 1) % names.length]!;
        const source: CitableSource = { ...seen, kind, publisherName, authors: [{ name: author }] };
        for (const style of ["APA", "MLA", "CHICAGO", "GB_T_7714", "BIBTEX"] as const) {
          const text = citeSource(source, style);
          for (const name of [publisherName, author]) {
            // BibTeX's @misc (web pages, posts, entries) has no field for the site: the name is
            // absent there, but wherever a name is printed it must be printed as recorded.
            const printed = text.toLowerCase().includes(name.toLowerCase());
            if (printed ? !text.includes(name) : style !== "BIBTEX") wrong.push(`${kind} ${style} ${name}: ${text}`);
          }
        }
      });
    }
    expect(wrong).toEqual([]);
  });
});
