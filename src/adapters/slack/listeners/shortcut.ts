import type { App, BlockButtonAction, MessageShortcut } from '@slack/bolt';
import { t } from '../../../core/i18n/index.js';
import { chooseLang, type Lang } from '../../../core/lang.js';
import type { Services } from '../../../services/index.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { slackMessages } from '../messages.js';
import { type Place, postNotice, postResult } from '../post.js';
import { type Block, renderReply } from '../render.js';
import { plainQuestion } from '../text.js';

/** The message shortcut's callback id (slack-app-manifest.json). */
export const SHORTCUT_CALLBACK = 'ask_briefbot';
export const SHARE_ACTION = 'bb_share_thread';

/** What the share button carries: the question and the thread, so the click re-asks it there. */
interface ShareValue {
  q: string;
  thread: string;
  lang: Lang;
}

export function shareValue(v: ShareValue): string {
  return JSON.stringify(v);
}

export function parseShareValue(raw: string | undefined): ShareValue | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<ShareValue>;
    if (typeof v.q !== 'string' || v.q.length === 0 || v.q.length > MAX_QUESTION_LENGTH) return undefined;
    if (typeof v.thread !== 'string' || !/^\d{1,12}\.\d{1,8}$/.test(v.thread)) return undefined;
    if (v.lang !== 'en' && v.lang !== 'fr') return undefined;
    return { q: v.q, thread: v.thread, lang: v.lang };
  } catch {
    return undefined;
  }
}

/**
 * "Ask briefbot" on any message: answers the message's text as a question, privately to the person
 * who clicked (ephemeral, in the message's thread), with a "Share in thread" button that posts the
 * answer in the thread for everyone.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'message_shortcut' });

  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, async ({ ack, shortcut, client }) => {
    await ack();
    const question = plainQuestion(shortcut.message.text ?? '').slice(0, MAX_QUESTION_LENGTH);
    const thread = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    const place: Place = { channel: shortcut.channel.id, user: shortcut.user.id, threadTs: thread };
    const lang = chooseLang(question);
    await withErrorPolicy(
      log,
      'message_shortcut',
      () => lang,
      (l, errorId) => postNotice(client, place, t(l).errors.apology(errorId)),
      async () => {
        if (question === '') return void (await postNotice(client, place, slackMessages(lang).nothingToAsk));
        const result = await askQuestion(
          services,
          { platform: 'slack', userId: place.user, locale: null },
          question,
        );
        const { text, blocks } = renderReply(result.reply);
        const share: Block[] =
          result.reply.answered && !result.limited
            ? [
                {
                  type: 'actions',
                  block_id: 'bb_share',
                  elements: [
                    {
                      type: 'button',
                      action_id: SHARE_ACTION,
                      text: { type: 'plain_text', text: slackMessages(result.reply.lang).shareInThread },
                      value: shareValue({ q: question, thread, lang: result.reply.lang }),
                    },
                  ],
                },
              ]
            : [];
        await client.chat.postEphemeral({
          channel: place.channel,
          user: place.user,
          thread_ts: thread,
          text,
          blocks: [...blocks.filter((b) => b.block_id !== 'bb_feedback'), ...share].slice(0, 50),
        });
      },
    );
  });

  app.action<BlockButtonAction>(SHARE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const value = parseShareValue(action.value);
    const place: Place = { channel: body.channel?.id ?? '', user: body.user.id };
    await withErrorPolicy(
      log,
      'share_button',
      () => value?.lang ?? 'en',
      (l, errorId) => postNotice(client, place, t(l).errors.apology(errorId)),
      async () => {
        if (!value || !place.channel)
          return void (await postNotice(client, place, slackMessages('en').staleButton));
        place.threadTs = value.thread;
        const result = await askQuestion(
          services,
          { platform: 'slack', userId: place.user, locale: value.lang },
          value.q,
        );
        await postResult(client, place, result);
      },
    );
  });
}
