import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, projectApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await projectApi();
});
afterAll(() => api.close());

describe("tracing a figure to its source", () => {
  it("goes in one query from 'more than 1.73 million jobs' to its quote, position, source URL, date, checksum and the Renmin University study", async () => {
    const data = await api.data(`
      query TraceJobsFigure {
        statistic(slug: "taobao-live-jobs-created-over-1-73m") {
          slug
          value { amount comparator lowerBound upperBound lowerInclusive asWritten }
          subject { name }
          producers { slug name }
          citations {
            quote { exact start end }
            verified
            attributionAsWritten
            attributionInferred
            attributedTo { __typename ... on Report { slug title kind authors { slug name } } }
            source {
              url
              publishedAt
              publisher { name }
              archive { coverage sha256 intact }
              text(start: 2191, end: 2292)
            }
          }
        }
      }`);
    expect(data).toEqual({
      statistic: {
        slug: "taobao-live-jobs-created-over-1-73m",
        value: { amount: 1730000, comparator: "MORE_THAN", lowerBound: 1730000, upperBound: null, lowerInclusive: false, asWritten: "more than 1.73 million" },
        subject: { name: "Taobao Live" },
        producers: [{ slug: "renmin-university", name: "Renmin University of China" }],
        citations: [
          {
            quote: { exact: "Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations", start: 2191, end: 2292 },
            verified: true,
            attributionAsWritten: "According to a study from Renmin University of China",
            attributionInferred: false,
            attributedTo: {
              __typename: "Report",
              slug: "ruc-taobao-live-jobs-study",
              title: "Renmin University of China study of jobs created by Taobao Live",
              kind: "STUDY",
              authors: [{ slug: "renmin-university", name: "Renmin University of China" }],
            },
            source: {
              url: "http://en.people.cn/n3/2020/1022/c90000-9772128.html",
              publishedAt: "2020-10-22",
              publisher: { name: "People's Daily Online" },
              archive: { coverage: "FULL", sha256: "31f7d03ffc05ba0b29bc6ebd05e3c23f8af171fd374ac24d8aa92385f0d7e9ae", intact: true },
              text: "Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations",
            },
          },
        ],
      },
    });
  });
});
