import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { turnOf } from '../../../core/conversation/index.js';
import type { FeedbackReason } from '../../../core/feedback.js';
import { t } from '../../../core/i18n/index.js';
import type { Lang } from '../../../core/lang.js';
import type { Services } from '../../../services/index.js';
import { hashUser, recordVote, runLimited, voteTargetExists } from '../../../services/pipeline.js';
import { dmKey, threadKey } from '../conversation.js';
import { withErrorPolicy } from '../errors.js';
import { escalateBlock } from '../escalation.js';
import {
  FEEDBACK_CALLBACK,
  type FeedbackTarget,
  feedbackModal,
  formAnswers,
  parseFeedbackTarget,
} from '../feedback-form.js';
import { slackMessages } from '../messages.js';
import { ruleFor } from '../policy.js';
import { type Client, type Place, postApology, postNotice, postResult } from '../post.js';
import { ACTION, parseButtonValue, renderReply } from '../render.js';
import { escapeMrkdwn } from '../text.js';
import { postChart } from '../upload.js';

/** How long one person's vote on one message is remembered (a second click is not counted). */
const VOTE_SECONDS = 7 * 24 * 3600;

interface Clicked {
  place: Place;
  /** The button sat on an ephemeral message: whatever it answers stays ephemeral. */
  ephemeral: boolean;
  messageTs: string;
}

/** Where a click came from: the message's channel and thread (or the message itself, as thread root). */
function clicked(body: BlockButtonAction): Clicked {
  const container = body.container as {
    channel_id?: string;
    message_ts?: string;
    thread_ts?: string;
    is_ephemeral?: boolean;
  };
  const messageTs = container.message_ts ?? body.message?.ts ?? '';
  const ephemeral = container.is_ephemeral === true;
  const place: Place = { channel: body.channel?.id ?? container.channel_id ?? '', user: body.user.id };
  const threadTs = container.thread_ts ?? (body.message?.thread_ts as string | undefined);
  // An ephemeral message cannot be a thread root; a public one can.
  if (threadTs) place.threadTs = threadTs;
  else if (!ephemeral && messageTs) place.threadTs = messageTs;
  return { place, ephemeral, messageTs };
}

function ephemeralReply(respond: RespondFn, text: string): Promise<unknown> {
  return respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(text) });
}

/**
 * Related-question and did-you-mean buttons post that entry's answer in the same thread, as the next
 * turn of its conversation.
 */
function registerRelated(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'related_button' });
  app.action<BlockButtonAction>(ACTION.relatedPattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = parseButtonValue(action.value);
    const { place, ephemeral } = clicked(body);
    await withErrorPolicy(
      log,
      'related_button',
      () => value?.lang ?? 'en',
      (lang, errorId) =>
        ephemeral
          ? ephemeralReply(respond, t(lang).errors.apology(errorId))
          : postApology(client, place, lang, errorId),
      async () => {
        if (!value) return void (await postNotice(client, place, slackMessages('en').staleButton));
        const who = { platform: 'slack' as const, userId: place.user, locale: null };
        const result = await runLimited(services, who, value.lang, (e) =>
          e.answerEntry(value.entryId, value.lang),
        );
        if (ephemeral) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            ...renderReply(result.reply),
          });
        } else {
          const thread = await postResult(client, place, result, services);
          // The answer joins the thread's (or DM's) conversation: "source?" next refers to it.
          if (!result.limited && result.reply.answered) {
            const team = body.team?.id;
            const key = place.channel.startsWith('D')
              ? dmKey(team, place.channel)
              : threadKey(team, place.channel, place.threadTs ?? '');
            await services.conversations.append(key, {
              ...turnOf(result.reply, result.reply.title, Date.now()),
              entryId: value.entryId,
            });
            if (place.threadTs) await services.conversations.markActive(key);
          }
          if (thread && result.reply.chart)
            await postChart(client, place.channel, thread, result.reply, services);
        }
      },
    );
  });
}

/**
 * 👍 / 👎 under an answer, one vote per person and message (the same rule on every platform): 👍 is
 * recorded at once; 👎 opens a form (reason, comment) and is recorded when it is sent. Either way the
 * person is thanked privately, and after a 👎 offered "Ask a person" where the channel has a target.
 */
function registerVotes(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'vote_button' });
  const votePattern = new RegExp(`^(?:${ACTION.voteUp}|${ACTION.voteDown})$`);
  app.action<BlockButtonAction>(votePattern, async ({ ack, body, action, client }) => {
    await ack();
    const value = parseButtonValue(action.value);
    const { place, ephemeral, messageTs } = clicked(body);
    if (ephemeral) delete place.threadTs;
    await withErrorPolicy(
      log,
      'vote_button',
      () => value?.lang ?? 'en',
      (lang, errorId) => postNotice(client, place, t(lang).errors.apology(errorId)),
      async () => {
        if (!value) return void (await postNotice(client, place, slackMessages('en').staleButton));
        // A forged or stale button (entry gone since a reload) records nothing and says so.
        if (!voteTargetExists(services.engine(), value.entryId)) {
          await postNotice(client, place, t(value.lang).data.unavailable);
          return;
        }
        if (action.action_id === ACTION.voteDown) {
          const target: FeedbackTarget = {
            entryId: value.entryId,
            lang: value.lang,
            channel: place.channel,
            messageTs,
            ...(place.threadTs ? { threadTs: place.threadTs } : {}),
          };
          await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(target) });
          return;
        }
        await castVote(services, client, { ...place }, messageTs, value.entryId, value.lang, 'up', {});
      },
    );
  });

  app.view(FEEDBACK_CALLBACK, async ({ ack, view, body, client }) => {
    await ack();
    const target = parseFeedbackTarget(view.private_metadata);
    if (!target) return;
    const place: Place = { channel: target.channel, user: body.user.id };
    if (target.threadTs) place.threadTs = target.threadTs;
    await withErrorPolicy(
      log,
      'feedback_form',
      () => target.lang,
      (lang, errorId) => postNotice(client, place, t(lang).errors.apology(errorId)),
      async () => {
        const answers = formAnswers(view.state.values as Parameters<typeof formAnswers>[0]);
        await castVote(
          services,
          client,
          place,
          target.messageTs,
          target.entryId,
          target.lang,
          'down',
          answers,
        );
      },
    );
  });
}

/** Claims the person's one vote on the message, records it and thanks them (with "Ask a person" after a 👎). */
async function castVote(
  services: Services,
  client: Client,
  place: Place,
  messageTs: string,
  entryId: string,
  lang: Lang,
  vote: 'up' | 'down',
  detail: { reason?: FeedbackReason; comment?: string },
): Promise<void> {
  const key = `vote:slack:${hashUser('slack', place.user)}:${place.channel}:${messageTs}`;
  if (!(await services.state.claimOnce(key, VOTE_SECONDS))) {
    await postNotice(client, place, slackMessages(lang).alreadyVoted);
    return;
  }
  const who = { platform: 'slack' as const, userId: place.user, locale: null };
  const recorded = await recordVote(services, who, entryId, vote, lang, detail);
  const m = t(lang);
  if (!recorded) return void (await postNotice(client, place, m.data.unavailable));
  const target = vote === 'down' ? ruleFor(services, place.channel).escalation : undefined;
  const question = target ? services.engine().answerEntry(entryId, lang) : undefined;
  if (!target || !question?.answered || !/^[CG]/.test(place.channel)) {
    await postNotice(client, place, m.feedback.recorded);
    return;
  }
  // After a 👎 in a channel with a target: "Ask a person", carrying the question the answer was for.
  const escalation = escalateBlock({
    q: question.title,
    l: lang,
    e: entryId,
    c: place.channel,
    ts: place.threadTs ?? messageTs,
  });
  await client.chat.postEphemeral({
    channel: place.channel,
    user: place.user,
    text: escapeMrkdwn(m.feedback.recorded),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(m.feedback.recorded) } },
      escalation,
    ],
    ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
  });
}

export function register(app: App, services: Services): void {
  registerRelated(app, services);
  registerVotes(app, services);
}
