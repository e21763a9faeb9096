import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { type Settings, mib } from "../config.js";
import type { RequestContext } from "../schema/context.js";
import type { Logger } from "../logger.js";
import { DocumentCache } from "./document-store.js";
import { createFormatError, errorPlugin } from "./errors.js";
import { type JitExecutor, jitGateway } from "./jit-executor.js";
import { armorProtection, costLimitPlugin } from "./limits.js";
import { outcomePlugin } from "./outcome-plugin.js";

/** What Apollo Server is made from. */
export interface ApolloParts {
  readonly schema: GraphQLSchema;
  /** The schema as SDL (the jit gateway reports it to Apollo). */
  readonly sdl: string;
  readonly settings: Settings;
  readonly log: Logger;
  /** The graphql-jit executor, when operations are compiled (`executor: "jit"`). */
  readonly jit: JitExecutor | undefined;
  /** Plugins of other parts of the API (the prepared operations' registration). */
  readonly plugins?: readonly ApolloServerPlugin<RequestContext>[];
}

/**
 * Apollo Server as this API runs it, not started: introspection on, CSRF prevention on, no HTTP
 * batching, our query limits as validation rules and plugins, our document store, our error
 * masking and logging, and execution by graphql-jit when it is on. Its HTTP side is ours
 * (src/http/): Apollo's landing page, cache-control and usage reporting are off.
 */
export function createApollo(parts: ApolloParts): ApolloServer<RequestContext> {
  const { schema, sdl, settings, log, jit } = parts;
  const armor = armorProtection(settings, { fieldSuggestions: settings.fieldSuggestions });
  return new ApolloServer<RequestContext>({
    ...(jit ? { gateway: jitGateway(schema, sdl, jit) } : { schema }),
    // Shutdown is the Drainer's: Apollo's own SIGTERM handler would stop Apollo while requests
    // already received still wait to run, and they would fail with a 500.
    stopOnTerminationSignals: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: settings.debugErrors,
    // Parsed and validated documents are kept (keyed by the operation's SHA-256), so limits and
    // validation run once per distinct document; the store is bounded by the bytes they hold.
    parseOptions: { maxTokens: settings.maxTokens },
    documentStore: new DocumentCache(mib(settings.documentCacheMb)),
    validationRules: armor.validationRules,
    formatError: createFormatError({ debug: settings.debugErrors, maxTokens: settings.maxTokens }),
    stringifyResult: (value) => JSON.stringify(value),
    logger: apolloLogger(log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...armor.plugins,
      costLimitPlugin(settings.maxCost),
      outcomePlugin(),
      errorPlugin(log),
      ...(parts.plugins ?? []),
    ],
  });
}

/** Apollo's own log messages, through pino. */
function apolloLogger(log: Logger) {
  const child = log.child({ component: "apollo" });
  return {
    debug: (m: unknown) => child.debug(String(m)),
    info: (m: unknown) => child.info(String(m)),
    warn: (m: unknown) => child.warn(String(m)),
    error: (m: unknown) => child.error(String(m)),
  };
}
