import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { buildApiSchema, schemaSdl } from "../../src/schema/index.js";

describe("schema hygiene", () => {
  it("keeps the committed schema.graphql equal to the schema the code builds", () => {
    const committed = readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8");
    if (committed !== schemaSdl()) {
      expect.fail("schema.graphql is stale: the code builds a different schema. Regenerate it with `npm run schema` and commit the result.");
    }
  });

  it("describes every type, field, argument, input field and enum value", () => {
    const missing: string[] = [];
    const need = (what: string, description: string | null | undefined) => {
      if (!description || description.trim() === "") missing.push(what);
    };
    for (const type of Object.values(buildApiSchema().getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      need(`type ${type.name}`, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`field ${type.name}.${field.name}`, field.description);
          for (const arg of field.args) need(`argument ${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) need(`input field ${type.name}.${field.name}`, field.description);
      if (isEnumType(type)) for (const value of type.getValues()) need(`enum value ${type.name}.${value.name}`, value.description);
      if (isUnionType(type)) need(`union ${type.name}`, type.description);
    }
    expect(missing).toEqual([]);
  });

  it("emits the schema sorted, so that it diffs cleanly", () => {
    const sdl = schemaSdl();
    const typeNames = [...sdl.matchAll(/^(?:type|interface|union|enum|input|scalar) (\w+)/gm)].map((m) => m[1]!);
    // graphql-js sorts by character code (digits as numbers): "MCN" before "Market".
    expect(typeNames).toEqual([...typeNames].sort((a, b) => (a < b ? -1 : 1)));
  });
});
