import type { App } from '@slack/bolt';
import { isStop } from '../../../core/conversation/index.js';
import type { Reply } from '../../../core/reply.js';
import type { Services } from '../../../services/index.js';
import { addressedToSomeoneElse, threadKey, worthPostingUnasked } from '../conversation.js';
import { ruleFor } from '../policy.js';
import { plainQuestion } from '../text.js';
import { answerMessage, silenceThread } from './answer.js';

/**
 * A reply, without a mention, in a channel thread where the bot has answered (message.channels and
 * message.groups events). It is answered only when it is a question for the bot: a confident fact or
 * calculation, or a follow-up the conversation resolves. People talking to each other, replies naming
 * someone, thanks and small talk are left alone; "stop" / "tais-toi" silences the bot in the thread.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'thread_reply' });
  app.event('message', async ({ event, body, context, client }) => {
    if (event.subtype !== undefined) return;
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    const threadTs = event.thread_ts;
    if (!threadTs || threadTs === event.ts) return;
    const text = event.text ?? '';
    // A mention is answered by the app_mention listener; a reply naming someone else is not for the bot.
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return;
    if (addressedToSomeoneElse(text, context.botUserId)) return;
    if (ruleFor(services, event.channel).mode === 'quiet') return;
    const key = threadKey(context.teamId ?? body.team_id, event.channel, threadTs);
    if (!(await services.conversations.isActive(key))) return;
    if (await services.conversations.isSilenced(key)) return;
    const question = plainQuestion(text, context.botUserId);
    const standalone = () => services.engine().answer({ text: question });
    const incoming = {
      question,
      place: { channel: event.channel, threadTs, user: event.user },
      eventId: body.event_id,
      event,
      context,
      conversation: { key, accept: (reply: Reply) => worthPostingUnasked(reply, standalone) },
    };
    if (isStop(incoming.question)) {
      await silenceThread(services, log, 'thread_reply', client, incoming);
      return;
    }
    await answerMessage(services, log, 'thread_reply', client, incoming);
  });
}
