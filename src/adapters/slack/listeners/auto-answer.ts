import type { App } from '@slack/bolt';
import { confidentEnough } from '../../../services/channel-policy.js';
import type { Services } from '../../../services/index.js';
import { addressedToSomeoneElse, threadKey } from '../conversation.js';
import { ruleFor } from '../policy.js';
import { plainQuestion } from '../text.js';
import { answerMessage } from './answer.js';

/**
 * A top-level message in a channel whose policy is `auto` (message.channels / message.groups events):
 * answered without a mention, in a thread under it, only when it is a question about the event answered
 * with high confidence. Everything else is left alone: never a refusal, a notice or small talk.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'auto_answer' });
  app.event('message', async ({ event, body, context, client }) => {
    if (event.subtype !== undefined) return;
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    if (event.thread_ts) return; // thread replies: thread-reply.ts
    if (ruleFor(services, event.channel).mode !== 'auto') return;
    const text = event.text ?? '';
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return; // app_mention answers it
    if (addressedToSomeoneElse(text, context.botUserId)) return;
    await answerMessage(services, log, 'auto_answer', client, {
      question: plainQuestion(text, context.botUserId),
      place: { channel: event.channel, threadTs: event.ts, user: event.user },
      eventId: body.event_id,
      event,
      context,
      conversation: {
        key: threadKey(context.teamId ?? body.team_id, event.channel, event.ts),
        accept: confidentEnough,
      },
    });
  });
}
