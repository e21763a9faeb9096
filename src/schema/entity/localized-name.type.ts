import { Field, ObjectType } from "type-graphql";
import type { EntityNameRow } from "../../db/entity.repo.js";
import { LocaleScalar } from "../common/scalars.js";

/** A name of an entity in one language. */
@ObjectType("LocalizedName", { description: "A name in a given language, e.g. 淘宝直播 (zh-Hans) for Taobao Live.", simpleResolvers: true })
export class LocalizedName {
  @Field(() => LocaleScalar, { description: "BCP 47 language tag of the name, e.g. `zh-Hans`, `zh-Hant`, `ja`." })
  readonly lang: string;

  @Field(() => String, { description: "The name as written in that language." })
  readonly name: string;

  constructor(row: EntityNameRow) {
    this.lang = row.lang;
    this.name = row.name;
  }
}
