import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'config.discordToken',
  'config.slackBotToken',
  'config.slackAppToken',
  'config.slackSigningSecret',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
];

export interface LoggerSettings {
  level?: string;
  /** Pretty, human-readable output (development, TTY only). */
  pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass a stream to read them. */
  destination?: pino.DestinationStream;
}

/** Builds the process logger. Components take it injected and call `child({ component })`. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { app: 'briefbot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty) {
    try {
      return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
    } catch {
      // pino-pretty is a development dependency; without it, plain JSON is fine.
    }
  }
  return pino(options);
}

/** A logger that writes nothing, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
