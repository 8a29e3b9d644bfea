import type { App } from '@slack/bolt';
import type { Services } from '../../../services/index.js';
import { dmKey } from '../conversation.js';
import type { Place } from '../post.js';
import { plainQuestion } from '../text.js';
import { answerMessage } from './answer.js';

/**
 * A direct message to the bot: answered in the conversation (in the thread when it was in one). The
 * direct-message channel is one conversation: follow-ups lean on the earlier questions.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'direct_message' });
  app.event('message', async ({ event, body, context, client }) => {
    // Edits, deletions, joins and bot posts carry a subtype: only plain messages are questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    const place: Place = { channel: event.channel, user: event.user };
    if (event.thread_ts) place.threadTs = event.thread_ts;
    await answerMessage(services, log, 'direct_message', client, {
      question: plainQuestion(event.text ?? '', context.botUserId),
      place,
      eventId: body.event_id,
      event,
      context,
      conversation: { key: dmKey(context.teamId ?? body.team_id, event.channel) },
    });
  });
}
