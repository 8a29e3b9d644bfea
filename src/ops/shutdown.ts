import { flushLogger, type Logger } from '../logger.js';

const processExit = (code: number) => process.exit(code);

/** Replies in flight get at most 10 s; the rest of the shutdown (flushes, closes) gets a little more. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

export interface ShutdownOptions {
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * On SIGTERM or SIGINT, runs `stop` once (stop taking events, finish replies in flight, disconnect,
 * flush stores), flushes the logs and exits 0. A second signal, or a stop that outlasts the timeout,
 * exits 1. Returns the same shutdown, for other reasons to stop (the console chat ending).
 */
export function onShutdownSignals(
  stop: () => Promise<void>,
  logger: Logger,
  options: ShutdownOptions = {},
): (reason: string, exitCode?: number) => Promise<void> {
  const exit = options.exit ?? processExit;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    if (running) return running;
    logger.info({ reason }, 'shutting down');
    const timer = exitAfter(options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS, 'shutdown timed out', logger, exit);
    running = stop()
      .then(
        () => {
          logger.info('stopped');
          return exitCode;
        },
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          return 1;
        },
      )
      .then(async (code) => {
        clearTimeout(timer);
        await flushLogger(logger);
        exit(code);
      });
    return running;
  };

  for (const signal of signals) {
    process.on(signal, () => {
      if (running) {
        logger.warn({ signal }, 'second signal: exiting now');
        exit(1);
        return;
      }
      void shutdown(signal);
    });
  }
  return shutdown;
}

/** How long a crash gives the shutdown before exiting anyway (shorter than a signal's). */
export const CRASH_TIMEOUT_MS = 5000;

/**
 * An uncaught exception or an unhandled rejection leaves the process in an unknown state: it is logged
 * (fatal, with the error), the bot is stopped as cleanly as a short timeout allows (replies in flight,
 * stores flushed) and the process exits 1, for the supervisor to restart it. A second crash during that
 * shutdown is logged and waits for the first.
 */
export function onFatalErrors(
  shutdown: () => ((reason: string, exitCode?: number) => Promise<void>) | undefined,
  logger: Logger,
  options: { exit?: (code: number) => void; timeoutMs?: number } = {},
): void {
  const exit = options.exit ?? processExit;
  let crashed = false;
  const handle = (kind: 'uncaughtException' | 'unhandledRejection') => (err: unknown) => {
    logger.fatal({ err, kind }, kind === 'uncaughtException' ? 'uncaught exception' : 'unhandled rejection');
    if (crashed) return;
    crashed = true;
    const timer = exitAfter(
      options.timeoutMs ?? CRASH_TIMEOUT_MS,
      'shutdown after a crash timed out',
      logger,
      exit,
    );
    const stop = shutdown();
    if (stop) {
      void stop(kind, 1);
    } else {
      clearTimeout(timer);
      exitAfterFlush(logger, exit);
    }
  };
  process.on('uncaughtException', handle('uncaughtException'));
  process.on('unhandledRejection', handle('unhandledRejection'));
}

/** Exits 1 once the logs are flushed. */
function exitAfterFlush(logger: Logger, exit: (code: number) => void): void {
  void flushLogger(logger).finally(() => exit(1));
}

/** A stop that outlasts `timeoutMs` is logged and the process exits 1, its logs flushed. */
function exitAfter(
  timeoutMs: number,
  message: string,
  logger: Logger,
  exit: (code: number) => void,
): NodeJS.Timeout {
  const timer = setTimeout(() => {
    logger.error({ timeoutMs }, message);
    exitAfterFlush(logger, exit);
  }, timeoutMs);
  timer.unref();
  return timer;
}
