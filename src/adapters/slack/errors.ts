import type { Lang } from '../../core/lang.js';
import type { Logger } from '../../logger.js';
import { newErrorId } from '../../services/pipeline.js';

/**
 * The adapter's one error policy: a handler failure is logged in full with a short error id, the
 * person gets one short apology quoting that id, and nothing is rethrown (the process stays up).
 */
export async function withErrorPolicy(
  log: Logger,
  where: string,
  lang: () => Lang,
  apologize: (lang: Lang, errorId: string) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    const errorId = newErrorId();
    log.error({ err, errorId, where }, 'slack handler failed');
    try {
      await apologize(lang(), errorId);
    } catch (apologyErr) {
      log.error({ err: apologyErr, errorId, where }, 'slack apology could not be sent');
    }
  }
}

/** For `app.error`: anything that escaped a handler (or failed in Bolt itself) is logged with an id. */
export function logUnhandled(log: Logger): (error: Error) => Promise<void> {
  return async (error) => {
    log.error({ err: error, errorId: newErrorId() }, 'slack error outside a handler');
  };
}
