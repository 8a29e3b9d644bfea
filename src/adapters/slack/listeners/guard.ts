import type { Context } from '@slack/bolt';
import type { Logger } from '../../../logger.js';
import type { Services } from '../../../services/index.js';

/** How long an event id stays claimed: longer than Slack's retries (about 5 minutes). */
const CLAIM_SECONDS = 3600;

export interface IncomingText {
  user?: string;
  bot_id?: string;
  subtype?: string;
}

/**
 * True when a message event should be answered: sent by a person (not a bot, not this app) and claimed
 * for the first time by its event id (shared state, so several instances answer once). A retry is
 * answered when its event was never seen — its first delivery may have hit an instance that was
 * restarting — and dropped when the event was already claimed. A retry without an event id cannot be
 * told apart from its first delivery and is dropped.
 */
export async function shouldAnswer(
  services: Services,
  log: Logger,
  eventId: string | undefined,
  event: IncomingText,
  context: Context,
): Promise<boolean> {
  const retry = context.retryNum
    ? { retryNum: context.retryNum, retryReason: context.retryReason }
    : undefined;
  if (retry && !eventId) {
    log.debug({ ...retry }, 'slack retry without an event id ignored');
    return false;
  }
  if (event.bot_id || event.subtype === 'bot_message' || !event.user || event.user === context.botUserId) {
    log.debug({ eventId }, 'slack message from a bot ignored');
    return false;
  }
  if (eventId && !(await services.state.claimOnce(`slack:event:${eventId}`, CLAIM_SECONDS))) {
    log.debug({ eventId, ...retry }, 'slack duplicate event ignored');
    return false;
  }
  if (retry) log.info({ eventId, ...retry }, 'slack retry of an unanswered event: answering it');
  return true;
}
