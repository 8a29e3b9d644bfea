import type { Context } from '@slack/bolt';
import { detectMeta } from '../../../core/conversation/index.js';
import { t } from '../../../core/i18n/index.js';
import { chooseLang } from '../../../core/lang.js';
import type { Logger } from '../../../logger.js';
import type { Services } from '../../../services/index.js';
import { askQuestion, type InConversation, type PipelineResult } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { escalationFor } from '../escalation.js';
import { localeFor, ruleFor } from '../policy.js';
import { type Client, type Place, postApology, postNotice, postResult } from '../post.js';
import { escapeMrkdwn } from '../text.js';
import { postChart } from '../upload.js';
import { type IncomingText, shouldAnswer } from './guard.js';

export interface Incoming {
  question: string;
  place: Place;
  eventId: string | undefined;
  event: IncomingText;
  context: Context;
  /** The thread or DM this message continues; with `accept`, a reply it turns down is not posted. */
  conversation?: InConversation;
}

/**
 * What a mention, a direct message and a thread reply share: under the one error policy, drop
 * retries, bots and duplicates, ask the pipeline in the message's conversation, post the result where
 * the question was asked.
 */
export async function answerMessage(
  services: Services,
  log: Logger,
  listener: string,
  client: Client,
  incoming: Incoming,
): Promise<void> {
  const { question, place } = incoming;
  await withErrorPolicy(
    log,
    listener,
    () => chooseLang(question),
    (lang, errorId) => postApology(client, place, lang, errorId),
    async () => {
      // A resumed event (journal.ts) was claimed by the run that crashed: its claim is not held against it.
      const eventId = incoming.context.resumed ? undefined : incoming.eventId;
      if (!(await shouldAnswer(services, log, eventId, incoming.event, incoming.context))) return;
      const { conversation } = incoming;
      const slot = services.admission.enter();
      let chart: { thread: string; result: PipelineResult } | undefined;
      try {
        if (slot.kind === 'shed') {
          log.warn({ eventId: incoming.eventId }, 'question dropped: too many in flight');
          return;
        }
        if (slot.kind === 'busy') {
          // Unasked thread replies get no notice at all; asked questions hear that the bot is busy.
          if (!conversation?.accept) await postNotice(client, place, t(chooseLang(question)).data.busy);
          return;
        }
        const rule = ruleFor(services, place.channel);
        const result = await askQuestion(
          services,
          { platform: 'slack', userId: place.user, locale: localeFor(rule) },
          question,
          conversation,
        );
        // Unasked (a thread reply without a mention): nothing but an answer is posted, not even a notice.
        if (result.ignored || (conversation?.accept && result.limited)) return;
        // In a channel, a refusal is shown only to the asker (with "Ask a person" where configured).
        const inChannel = !place.channel.startsWith('D');
        const refusal = !result.reply.answered && result.reply.kind === 'none';
        const thread = await postResult(client, place, result, services, {
          ephemeral: inChannel && (refusal || rule.visibility === 'private'),
          extra:
            inChannel && rule.escalation
              ? escalationFor(result.reply, question, place.channel, place.threadTs)
              : [],
        });
        if (conversation && place.threadTs) await services.conversations.markActive(conversation.key);
        if (thread && result.reply.chart) chart = { thread, result };
      } finally {
        slot.release();
      }
      // The chart follows outside the admission slot: the answer is out, the upload is extra.
      if (chart) await postChart(client, place.channel, chart.thread, chart.result.reply, services);
    },
  );
}

/**
 * "stop" / "tais-toi" in a thread: the bot stops answering unasked replies there (a new @mention
 * brings it back) and says so once, in the thread.
 */
export async function silenceThread(
  services: Services,
  log: Logger,
  listener: string,
  client: Client,
  incoming: Incoming & { conversation: InConversation },
): Promise<void> {
  const { question, place } = incoming;
  const lang = detectMeta(question)?.lang ?? chooseLang(question);
  await withErrorPolicy(
    log,
    listener,
    () => lang,
    (l, errorId) => postApology(client, place, l, errorId),
    async () => {
      const eventId = incoming.context.resumed ? undefined : incoming.eventId;
      if (!(await shouldAnswer(services, log, eventId, incoming.event, incoming.context))) return;
      await services.conversations.silence(incoming.conversation.key);
      log.info({ channel: place.channel }, 'silenced in a thread');
      const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
      await client.chat.postMessage({
        channel: place.channel,
        text: escapeMrkdwn(t(lang).conversation.stopped),
        ...thread,
      });
    },
  );
}
