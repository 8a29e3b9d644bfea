import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Bolt and its Web API and Socket Mode clients log through this: their lines go to the project's
 * pino logger (component "slack", library "bolt"). Error arguments become the `err` field.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ lib: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (!log.isLevelEnabled(level)) return;
      const err = args.find((a): a is Error => a instanceof Error);
      const msg = args
        .filter((a) => a !== err)
        .map((a) => (typeof a === 'string' ? a : safeString(a)))
        .join(' ');
      if (err) log[level]({ err }, msg || err.message);
      else log[level](msg);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The level is pino's; Bolt's calls to change it are ignored.
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
