import type { App } from '@slack/bolt';
import type { Services } from '../../../services/index.js';
import { plainQuestion } from '../text.js';
import { answerMessage } from './answer.js';

/** An @mention in a channel: the answer goes in a thread, under the mention or in its thread. */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'app_mention' });
  app.event('app_mention', async ({ event, body, context, client }) => {
    // In a direct message the message listener answers; this keeps one answer per question.
    if (event.channel.startsWith('D')) return;
    await answerMessage(services, log, 'app_mention', client, {
      question: plainQuestion(event.text, context.botUserId),
      place: { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '' },
      eventId: body.event_id,
      event,
      context,
    });
  });
}
