import { Field, ObjectType } from "type-graphql";

/** Relay page information. */
@ObjectType("PageInfo", { description: "Where a page lies in its list (Relay cursor connections).", simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether items follow this page (with last/before: whether any item lies at or after `before`)." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page (with first/after: whether any item lies at or before `after`)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when the page is empty." })
  endCursor: string | null;

  constructor(hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null) {
    this.hasNextPage = hasNextPage;
    this.hasPreviousPage = hasPreviousPage;
    this.startCursor = startCursor;
    this.endCursor = endCursor;
  }
}
