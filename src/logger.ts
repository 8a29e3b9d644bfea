import { createRequire } from 'node:module';
import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'redisUrl',
  '*.redisUrl',
  'config.discordToken',
  'config.slackBotToken',
  'config.slackAppToken',
  'config.slackSigningSecret',
  'config.discord.token',
  'config.slack.botToken',
  'config.slack.appToken',
  'config.slack.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
];

export interface LoggerSettings {
  level?: string;
  /** Pretty, human-readable output (development, TTY only, and only when pino-pretty is installed). */
  pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass a stream to read them. */
  destination?: pino.DestinationStream;
}

/** True when the pino-pretty development dependency can be loaded (it is absent from the image). */
export function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** Builds the process logger. Components take it injected and call `child({ component })`. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { app: 'briefbot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty && prettyAvailable()) {
    try {
      return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
    } catch {
      // pino-pretty failed to start: plain JSON is fine.
    }
  }
  // Lines are written off the main thread (sonic-boom, asynchronously): a synchronous write per line
  // blocked the event loop for the disk's time (about 0.06 ms a request, loaded, in
  // `npm run bench:slack`). Lines still queued are written at exit and by flushLogger().
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

/** Writes out whatever the logger still buffers (a no-op for the synchronous stdout destination). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** A logger that writes nothing, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
