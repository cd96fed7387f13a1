/**
 * Structured logs without a logging library. In Lambda the functions use the JSON log format:
 * Lambda itself writes every console line as JSON with the timestamp, level and request id, and
 * drops lines below the configured application log level. Here we only shape the message, so
 * errors keep their name, message and stack. (Powertools Logger would add ~21 KB to every bundle.)
 */

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// Locally (and in tests) LOG_LEVEL filters; in Lambda the platform filters and this stays 'debug'.
const threshold = ORDER[(process.env.LOG_LEVEL?.toLowerCase() as Level | 'silent' | undefined) ?? 'debug'] ?? 10;

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, cause: serialize(value.cause) };
  }
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  if (ORDER[level] < threshold) return;
  const entry: Record<string, unknown> = { message };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
  console[level](entry);
}

/** The project's log: one structured line per call. */
export const log = {
  debug: (message: string, fields: Record<string, unknown> = {}) => write('debug', message, fields),
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
};
