import type { Scenario } from "../fixtures/scenario.js";
import { noneSource } from "../fixtures/scenario.js";

/**
 * A knowledge base made for the claim checker's tests. Its market, platforms and festivals
 * carry real-world names (so that English and Chinese sentences read naturally), but every
 * figure is invented for a rule: a supported figure, one the sources dispute, forecasts,
 * an unattributed figure, a possible echo, figures in two currencies, a growth rate with its
 * EQUIVALENT multiple, figures of a festival and of its first day, a platform's own figures.
 */

const stat = (slug: string, fields: Record<string, unknown>) => ({ slug, metric: "live-gmv", subject: "china-live-commerce", kind: "ESTIMATE", period: 2020, ...fields });
const cny = (amount: number, comparator = "EQUAL") => ({ amount, unit: "CNY", comparator });
const by = (key: string, attribution: Record<string, unknown> | null) => [{ key, attribution }];
const acme = { report: "acme-2021-live-report", inferred: false };
const bolt = { entity: "bolt-data", inferred: false };

/** The claim checker's scenario: registries and sources. */
export const CLAIM_SCENARIO: Scenario = {
  registries: {
    // The countable units its metrics use, registered as a data editor does (db/README.md, "Units").
    units: [
      { slug: "users", singular: "user", plural: "users", zh: "个用户", description: "People who use a service." },
      { slug: "hosts", singular: "host", plural: "hosts", zh: "名主播", description: "Live-streaming hosts." },
      { slug: "jobs", singular: "job", plural: "jobs", zh: "个就业岗位", description: "Jobs or job opportunities." },
      { slug: "sessions", singular: "session", plural: "sessions", zh: "场直播", description: "Live-streaming sessions." },
    ],
    markets: [{ slug: "china-live-commerce", name: "China's live-streaming e-commerce market", names: { "zh-Hans": "中国直播电商市场" }, description: "Live selling in China." }],
    platforms: [
      { slug: "streammall", name: "StreamMall", names: { "zh-Hans": "流购直播" }, description: "An invented live-commerce platform.", partOf: "china-live-commerce" },
      { slug: "clipshop", name: "ClipShop", names: { "zh-Hans": "短购" }, description: "Another invented platform.", partOf: "china-live-commerce" },
    ],
    events: [
      { slug: "singles-day-2021", name: "Singles' Day 2021", names: { "zh-Hans": "2021年双十一" }, aliases: ["Double 11 2021"], start: "2021-11-01", end: "2021-11-11", description: "The festival of 2021." },
      { slug: "singles-day-2021-first-day", name: "Singles' Day 2021, first day", description: "Its first day.", start: "2021-11-01", end: "2021-11-01", partOf: "singles-day-2021" },
      { slug: "singles-day-2020", name: "Singles' Day 2020", names: { "zh-Hans": "2020年双十一" }, start: "2020-11-01", end: "2020-11-11", description: "The festival of 2020." },
    ],
    reports: [{ slug: "acme-2021-live-report", title: "Live commerce report 2021", kind: "REPORT", authors: ["acme-research"], description: "An invented report." }],
    metrics: [
      { slug: "live-gmv", name: "Live-streaming e-commerce gross merchandise value", description: "Value of goods sold through live streams.", quantity: "MONEY", units: ["CNY", "USD"] },
      { slug: "live-share", name: "Live-streaming share of e-commerce", description: "Live-streaming GMV as a percentage of all e-commerce GMV (its penetration rate).", quantity: "SHARE", units: ["PERCENT"] },
      {
        slug: "live-gmv-growth",
        name: "Year-on-year growth of live-streaming e-commerce GMV",
        description: "Percentage change against the previous year.",
        quantity: "GROWTH_RATE",
        units: ["PERCENT"],
        related: [{ metric: "live-gmv-multiple", relation: "EQUIVALENT", scale: 0.01, offset: 1, note: "A growth of g percent is a multiple of 1 + g/100." }],
      },
      { slug: "live-gmv-multiple", name: "Live-streaming e-commerce GMV as a multiple of the previous year", description: "GMV divided by the previous year's.", quantity: "RATIO", units: ["times"] },
      { slug: "live-users", name: "Live-streaming e-commerce users", description: "People who bought through live streams.", quantity: "COUNT", units: ["users"] },
      { slug: "live-hosts", name: "Active live-streaming hosts", description: "Hosts who ran live-selling sessions.", quantity: "COUNT", units: ["hosts"] },
      { slug: "live-jobs", name: "Jobs created", description: "Jobs created by live-streaming e-commerce.", quantity: "COUNT", units: ["jobs"] },
      { slug: "live-sessions", name: "Live-streaming sessions", description: "Live-selling sessions held.", quantity: "COUNT", units: ["sessions"] },
      { slug: "live-sessions-per-day", name: "Live-streaming sessions per day", description: "Average live-selling sessions a day.", quantity: "COUNT", units: ["sessions/day"] },
    ],
  },
  sources: [
    noneSource("daily-news-2021-market", [
      stat("gmv-2020-1-2tn", { value: cny(1.2e12), citations: by("gmv-2020", acme) }),
      stat("gmv-2019-433-8bn", { period: 2019, value: cny(433.8e9), citations: by("gmv-2019", acme) }),
      stat("gmv-2021-2tn-forecast", { kind: "FORECAST", period: 2021, value: cny(2e12), citations: by("gmv-2021-f", bolt) }),
      stat("gmv-2022-2-5tn-forecast", { kind: "FORECAST", period: 2022, value: cny(2.5e12), citations: by("gmv-2022-f", bolt) }),
      stat("gmv-2018-135-2bn", { period: 2018, value: cny(135.2e9), citations: by("gmv-2018-acme", acme) }),
      stat("gmv-2020-usd-171bn", { value: { amount: 171e9, unit: "USD", comparator: "EQUAL" }, citations: by("gmv-2020-usd", acme) }),
      stat("share-2019-4-1pct", { metric: "live-share", period: 2019, value: { amount: 4.1, unit: "PERCENT", comparator: "EQUAL" }, citations: by("share-2019", acme) }),
      stat("growth-2020-121-5pct", { metric: "live-gmv-growth", value: { amount: 121.5, unit: "PERCENT", comparator: "EQUAL" }, citations: by("growth-2020", acme) }),
      stat("users-2020-388m", { metric: "live-users", kind: "SURVEY", value: { amount: 388e6, unit: "users", comparator: "EQUAL" }, citations: by("users-2020", bolt) }),
      stat("users-2019-265m", { metric: "live-users", period: 2019, value: { amount: 265e6, unit: "users", comparator: "EQUAL" }, citations: by("users-2019", null) }),
      stat("sessions-2020-h1-over-10m", { metric: "live-sessions", kind: "MEASUREMENT", period: "2020-H1", value: { amount: 10e6, unit: "sessions", comparator: "MORE_THAN" }, citations: by("sessions-h1", null) }),
      stat("sessions-per-day-2020-h1-over-50k", { metric: "live-sessions-per-day", kind: "MEASUREMENT", period: "2020-H1", value: { amount: 50000, unit: "sessions/day", comparator: "MORE_THAN" }, citations: by("sessions-day", null) }),
    ]),
    noneSource(
      "evening-post-2021-dissent",
      [
        stat("gmv-2021-2-3tn", { period: 2021, value: cny(2.3e12), citations: by("gmv-2021-e", null) }),
        stat("gmv-2018-135-2bn", { period: 2018, value: cny(135.2e9), citations: by("gmv-2018-bolt", bolt) }),
      ],
      { publisher: "evening-post", published: "2021-07-01" },
    ),
    noneSource(
      "streammall-2021-release",
      [
        stat("streammall-gmv-2020-400bn", { subject: "streammall", kind: "MEASUREMENT", value: cny(400e9), citations: by("sm-gmv", { entity: "streammall", inferred: false }) }),
        stat("streammall-hosts-2020-over-1-2m", { metric: "live-hosts", subject: "streammall", kind: "MEASUREMENT", value: { amount: 1.2e6, unit: "hosts", comparator: "MORE_THAN" }, citations: by("sm-hosts", { entity: "streammall", inferred: false }) }),
        stat("streammall-jobs-over-1-73m", { metric: "live-jobs", subject: "streammall", period: null, value: { amount: 1.73e6, unit: "jobs", comparator: "MORE_THAN" }, citations: by("sm-jobs", acme) }),
        stat("singles-day-2021-gmv-540bn", { event: "singles-day-2021", period: 2021, kind: "MEASUREMENT", value: cny(540e9), citations: by("sd-2021", null) }),
        stat("singles-day-2021-first-day-gmv-100bn", { event: "singles-day-2021-first-day", period: "2021-11-01", kind: "MEASUREMENT", value: cny(100e9), citations: by("sd-2021-day-one", null) }),
      ],
      { publisher: "acme-research", published: "2021-12-01" },
    ),
  ],
};
