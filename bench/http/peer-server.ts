import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The peer of the HTTP benchmark: Mercurius (Fastify with graphql-jit and its own parsed-query
 * cache) serving the built server's executable schema with the same request context over the
 * same database, so the fact card can be compared with a fast Node GraphQL server doing the
 * same work. Mercurius and Fastify are optional: without them this prints PEER_MISSING and
 * exits with PEER_MISSING_CODE.
 *
 * Usage: node --import tsx bench/http/peer-server.ts <root> <port> <db> <row cache entries>
 * Prints "listening" once it listens.
 */

/** What the peer prints when Mercurius or Fastify cannot be imported. */
export const PEER_MISSING = "peer not installed: npm i -D mercurius@16 fastify@5";
/** Its exit code then. */
export const PEER_MISSING_CODE = 3;

const [root, portArg, db, rowCacheArg] = process.argv.slice(2);
if (root !== undefined && import.meta.url === pathToFileURL(process.argv[1]!).href) await main(root, Number(portArg), db!, Number(rowCacheArg ?? "0"));

async function main(root: string, port: number, db: string, rowCacheEntries: number): Promise<void> {
  type Loaded = { fastify: (opts?: object) => any; mercurius: unknown };
  let peer: Loaded;
  try {
    // Held in variables so that TypeScript does not look for the packages' types.
    const fastifyName = "fastify";
    const mercuriusName = "mercurius";
    const [f, m] = await Promise.all([import(fastifyName), import(mercuriusName)]);
    peer = { fastify: f.default ?? f, mercurius: m.default ?? m };
  } catch {
    console.log(PEER_MISSING);
    process.exit(PEER_MISSING_CODE);
  }

  // The built server's own modules, as `serve` runs them.
  const dist = (file: string) => import(pathToFileURL(join(root, "dist", "src", file)).href);
  await import("reflect-metadata");
  const { buildApiSchema } = (await dist("schema/index.js")) as typeof import("../../src/schema/index.js");
  const { createContext } = (await dist("schema/context.js")) as typeof import("../../src/schema/context.js");
  const { openKnowledgeBase } = (await dist("db/open.js")) as typeof import("../../src/db/open.js");
  const { RowCache } = (await dist("db/row-cache.js")) as typeof import("../../src/db/row-cache.js");

  const kb = openKnowledgeBase(db);
  const rowCache = rowCacheEntries > 0 ? new RowCache(rowCacheEntries) : undefined;
  const app = peer.fastify({ logger: false, keepAliveTimeout: 5000 });
  // jit: 1 compiles an operation with graphql-jit from its second use, as the real server does.
  await app.register(peer.mercurius, { schema: buildApiSchema(), jit: 1, context: () => createContext(kb, { rowCache }) });
  await app.listen({ port, host: "127.0.0.1" });
  console.log("listening");
  process.on("SIGTERM", () => {
    void app.close().then(() => {
      kb.close();
      process.exit(0);
    });
  });
}
