import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

/** One object of every type implementing Node, fetched by natural key. */
const SAMPLES = `{
  statistic(slug: "shoplive-users-about-100m") { __typename id slug }
  citation(slug: "widget-blog-2021-roundup.gmv-2020-roundup") { __typename id slug }
  source(slug: "undated-widget-notes") { __typename id slug }
  report(slug: "widget-digest-2021") { __typename id slug }
  metric(slug: "users") { __typename id slug }
  platform(slug: "shoplive") { __typename id slug }
  organization(slug: "widget-corp") { __typename id slug }
  mcn(slug: "hostco") { __typename id slug }
  brand(slug: "sprocket") { __typename id slug }
  person(slug: "ada-host") { __typename id slug }
  market(slug: "widget-market") { __typename id slug }
  event(slug: "widget-fest-2020") { __typename id slug }
}`;

describe("global IDs", () => {
  it("round-trips node(id) for every type", async () => {
    const samples: Record<string, { __typename: string; id: string; slug: string }> = await api.data(SAMPLES);
    expect(Object.keys(samples)).toHaveLength(12);
    for (const sample of Object.values(samples)) {
      const back = await api.data(`query($id: ID!) { node(id: $id) { __typename id ... on Entity { slug } ... on Statistic { slug } ... on Citation { slug } ... on Source { slug } ... on Report { slug } ... on Metric { slug } } }`, {
        id: sample.id,
      });
      expect(back).toEqual({ node: sample });
    }
  });

  it("derives IDs from type and slug, so they survive a rebuild", async () => {
    const { platform } = await api.data(`{ platform(slug: "shoplive") { id } }`);
    expect(platform.id).toBe(Buffer.from("Platform:shoplive").toString("base64url"));
  });

  it("fetches many nodes in the order asked, with null for IDs that name nothing", async () => {
    const samples = await api.data(SAMPLES);
    const gone = Buffer.from("Statistic:no-such-figure").toString("base64url");
    const wrongType = Buffer.from("Platform:widget-corp").toString("base64url");
    const data = await api.data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [samples.event.id, gone, samples.statistic.id, wrongType],
    });
    expect(data).toEqual({ nodes: [{ __typename: "Event", id: samples.event.id }, null, { __typename: "Statistic", id: samples.statistic.id }, null] });
  });

  it("rejects an ID this API never issued as a user error", async () => {
    for (const id of ["hello", Buffer.from("Nope:x").toString("base64url"), "U3RhdGlzdGljOg", "not base64!"]) {
      const r = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(r.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.argumentName])).toEqual([
        [`Argument id: ${JSON.stringify(id)} is not an ID issued by this API.`, "BAD_USER_INPUT", "id"],
      ]);
    }
  });

  it("refuses more than 100 IDs at once", async () => {
    const r = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => "x") });
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["Argument ids may hold at most 100 IDs, got 101.", "BAD_USER_INPUT"]]);
  });
});
