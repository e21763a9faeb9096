import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Generates the example client's types from the API's schema (schema.graphql, committed at
 * the project root) and the operations written in src/: GraphQL Code Generator's client
 * preset writes src/gql/, with a `graphql()` function that returns typed documents. Paths
 * are relative to this file, so `graphql-codegen --config examples/client/codegen.ts` runs
 * from anywhere.
 */
const config: CodegenConfig = {
  schema: new URL("../../schema.graphql", import.meta.url).pathname,
  documents: [new URL("./src/**/*.ts", import.meta.url).pathname, `!${new URL("./src/gql/**", import.meta.url).pathname}`],
  generates: {
    [new URL("./src/gql/", import.meta.url).pathname]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Operations travel as plain strings: the client needs no GraphQL runtime to send them.
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          LocalDate: "string",
          PartialDate: "string",
          URL: "string",
          Locale: "string",
          // checkClaim's claimReview: schema.org ClaimReview JSON-LD, an object of any shape.
          JSONObject: "Record<string, unknown>",
        },
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
