import { Field, Int, ObjectType } from "type-graphql";
import type { Page } from "../../db/page.js";
import { encodeCursor } from "./cursor.js";
import { PageInfo } from "./page-info.type.js";

/** An edge as served: the cursor and the node. */
export interface EdgeShape<TNode> {
  readonly cursor: string;
  readonly node: TNode;
}

/** The runtime shape every connection type shares. */
export interface ConnectionShape<TNode> {
  readonly edges: EdgeShape<TNode>[];
  readonly nodes: TNode[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** A connection class made by `connectionType`. */
export type ConnectionClass<TNode> = new (edges: EdgeShape<TNode>[], pageInfo: PageInfo, count: () => number) => ConnectionShape<TNode>;

/**
 * Declares the Relay connection and edge types of a list, `<Name>Connection` and `<Name>Edge`.
 * Call once per node type, at module level. `totalCount` is computed only when asked for
 * (it is the one part of a page whose cost grows with the list).
 */
export function connectionType<TNode>(name: string, node: () => unknown, what: string): ConnectionClass<TNode> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item, for `after`/`before`." })
    cursor!: string;

    @Field(node as () => object, { description: `The ${what}.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay cursor connection).`, simpleResolvers: true })
  class Connection implements ConnectionShape<TNode> {
    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges: EdgeShape<TNode>[];

    @Field(() => [node() as object], { description: "The items of this page, without cursors." })
    nodes: TNode[];

    @Field(() => PageInfo, { description: "Cursors and whether more items lie before or after this page." })
    pageInfo: PageInfo;

    private count: (() => number) | null;
    private counted = 0;

    constructor(edges: EdgeShape<TNode>[], pageInfo: PageInfo, count: () => number) {
      this.edges = edges;
      this.nodes = edges.map((e) => e.node);
      this.pageInfo = pageInfo;
      this.count = count;
    }

    @Field(() => Int, { description: "How many items the whole list has (with the same filter), across all pages." })
    get totalCount(): number {
      if (this.count) {
        this.counted = this.count();
        this.count = null;
      }
      return this.counted;
    }
  }
  return Connection;
}

/**
 * Builds a connection from a repository page: wraps each row as a node and gives it a cursor
 * in the list named `list`.
 */
export function toConnection<Row, TNode>(
  Connection: ConnectionClass<TNode>,
  list: string,
  page: Page<Row>,
  wrap: (row: Row) => TNode,
  count: () => number,
): ConnectionShape<TNode> {
  const edges = page.rows.map((r) => ({ cursor: encodeCursor(list, { key: r.sortKey, id: r.sortId }), node: wrap(r) }));
  const info = new PageInfo(page.hasNextPage, page.hasPreviousPage, edges[0]?.cursor ?? null, edges[edges.length - 1]?.cursor ?? null);
  return new Connection(edges, info, count);
}
