import { Field, ObjectType } from "type-graphql";
import type { BuildInfo } from "../../db/meta.repo.js";

/** What the served database is: its data version and build time. */
@ObjectType("KnowledgeBaseInfo", { description: "The knowledge base being served: which version of the curated data, built when.", simpleResolvers: true })
export class KnowledgeBaseInfo {
  @Field(() => String, { description: "Data version: SHA-256 over the curated files and the build format. The same files always give the same version; any change gives another." })
  readonly dataVersion: string;

  @Field(() => String, { description: "When the database was built (ISO 8601 date-time, UTC)." })
  readonly builtAt: string;

  constructor(build: BuildInfo) {
    this.dataVersion = build.dataVersion;
    this.builtAt = build.builtAt;
  }
}
