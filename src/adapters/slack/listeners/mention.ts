import type { App } from '@slack/bolt';
import { isStop } from '../../../core/conversation/index.js';
import type { Services } from '../../../services/index.js';
import { threadKey } from '../conversation.js';
import { ruleFor } from '../policy.js';
import { plainQuestion } from '../text.js';
import { answerMessage, silenceThread } from './answer.js';

/**
 * An @mention in a channel: the answer goes in a thread, under the mention or in its thread, and that
 * thread becomes a conversation (replies in it may follow up without a mention). "@briefbot stop"
 * silences the thread; any other mention brings the bot back.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'app_mention' });
  app.event('app_mention', async ({ event, body, context, client }) => {
    // In a direct message the message listener answers; this keeps one answer per question.
    if (event.channel.startsWith('D')) return;
    // A quiet channel takes slash commands only.
    if (ruleFor(services, event.channel).mode === 'quiet')
      return log.debug({ channel: event.channel }, 'mention in a quiet channel ignored');
    const threadTs = event.thread_ts ?? event.ts;
    const incoming = {
      question: plainQuestion(event.text, context.botUserId),
      place: { channel: event.channel, threadTs, user: event.user ?? '' },
      eventId: body.event_id,
      event,
      context,
      conversation: { key: threadKey(context.teamId ?? body.team_id, event.channel, threadTs) },
    };
    if (isStop(incoming.question)) {
      await silenceThread(services, log, 'app_mention', client, incoming);
      return;
    }
    await services.conversations.unsilence(incoming.conversation.key);
    await answerMessage(services, log, 'app_mention', client, incoming);
  });
}
