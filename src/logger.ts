import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/**
 * The server's structured log: one JSON object per line (pino), on stdout unless a destination
 * is given (tests pass an in-memory stream). Errors are serialized with their stack; every line
 * about a request carries its `requestId`.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
