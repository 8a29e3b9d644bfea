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
 * True when a message event should be answered: sent by a person (not a bot, not this app), a first
 * delivery (Slack retries are ignored: over HTTP the first has no retry number, in Socket Mode it is 0),
 * and claimed for the first time by its event id (shared state, so several instances answer once).
 */
export async function shouldAnswer(
  services: Services,
  log: Logger,
  eventId: string | undefined,
  event: IncomingText,
  context: Context,
): Promise<boolean> {
  if (context.retryNum) {
    log.debug(
      { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
      'slack retry ignored',
    );
    return false;
  }
  if (event.bot_id || event.subtype === 'bot_message' || !event.user || event.user === context.botUserId) {
    log.debug({ eventId }, 'slack message from a bot ignored');
    return false;
  }
  if (eventId && !(await services.state.claimOnce(`slack:event:${eventId}`, CLAIM_SECONDS))) {
    log.debug({ eventId }, 'slack duplicate event ignored');
    return false;
  }
  return true;
}
