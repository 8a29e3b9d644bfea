import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessages } from '../../src/adapters/slack/messages.js';
import { t } from '../../src/core/i18n/index.js';
import { realEngine, startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { viewProblems } from '../helpers/slack-limits.js';
import { buttonsOf, headerOf } from '../helpers/slack-messages.js';
import { blockActions, mentionEvent, newTs, postEvent, postInteraction } from '../helpers/slack-requests.js';
import { sleep, waitFor } from '../helpers/slack-server.js';

/** Buttons on the bot's messages: related questions answer in the same thread; 👍 / 👎 are recorded. */

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

function postsIn(threadTs: string) {
  return bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === threadTs);
}

function ephemeralsFor(user: string) {
  return bot.server.callsTo('chat.postEphemeral').filter((c) => c.body.user === user);
}

describe('related-question buttons', () => {
  it('clicking a related question on a threaded answer posts that answer in the same thread', async () => {
    const root = newTs();
    await postEvent(
      bot.eventsUrl,
      mentionEvent({ text: 'How much did Nvidia lose on 27 January?', ts: root }),
    );
    const answer = await waitFor(() => postsIn(root)[0]);
    const related = buttonsOf(answer.body).find((b) => b.action_id.startsWith('bb_related_'));
    expect(related).toBeDefined();
    if (!related) return;
    expect(related.text.length).toBeLessThanOrEqual(75);

    const res = await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: related.action_id,
        value: related.value,
        messageTs: newTs(),
        threadTs: root,
        responseUrl: bot.server.responseUrl('related1'),
      }),
    );
    expect(res.status).toBe(200);
    const second = await waitFor(() => postsIn(root)[1]);
    const [id, lang] = related.value.split('|');
    expect(headerOf(second.body)).toBe(realEngine().answerEntry(id ?? '', lang === 'fr' ? 'fr' : 'en').title);
    await sleep(100);
    expect(postsIn(root)).toHaveLength(2);
  });

  it('threads under a top-level message (an /ask answer) when it has no thread yet', async () => {
    const messageTs = newTs();
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: 'bb_related_0',
        value: 'r1-license|fr',
        messageTs,
        responseUrl: bot.server.responseUrl('r2'),
      }),
    );
    const post = await waitFor(() => postsIn(messageTs)[0]);
    expect(headerOf(post.body)).toBe(realEngine().answerEntry('r1-license', 'fr').title);
  });

  it('answers privately when the button sat on an ephemeral message', async () => {
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: 'bb_related_1',
        value: 'r1-license|en',
        ephemeral: true,
        responseUrl: bot.server.responseUrl('eph1'),
      }),
    );
    const res = await waitFor(() => bot.server.responses.find((r) => r.id === 'eph1'));
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.replace_original).toBe(false);
    expect(headerOf(res.body)).toBe(realEngine().answerEntry('r1-license', 'en').title);
  });

  it('says a button is out of date when its value is not understood', async () => {
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: 'bb_related_0',
        value: 'garbage',
        user: 'U0STALE001',
        responseUrl: bot.server.responseUrl('s'),
      }),
    );
    const notice = await waitFor(() => ephemeralsFor('U0STALE001')[0]);
    expect(notice.body.text).toBe(slackMessages('en').staleButton);
  });
});

describe('feedback buttons', () => {
  it('records a vote once per person and message, and acknowledges it privately', async () => {
    const messageTs = newTs();
    const click = () =>
      postInteraction(
        bot.eventsUrl,
        blockActions({
          actionId: 'bb_vote_up',
          value: 'nvidia-drop|fr',
          messageTs,
          user: 'U0VOTER001',
          responseUrl: bot.server.responseUrl('v'),
        }),
      );
    await click();
    const thanks = await waitFor(() => ephemeralsFor('U0VOTER001')[0]);
    expect(thanks.body.text).toBe(t('fr').feedback.recorded);
    expect(thanks.body.thread_ts).toBe(messageTs);
    expect(bot.feedback.votes).toEqual([
      expect.objectContaining({ platform: 'slack', entryId: 'nvidia-drop', vote: 'up', lang: 'fr' }),
    ]);
    expect(JSON.stringify(bot.feedback.votes)).not.toContain('U0VOTER001');

    await click();
    const again = await waitFor(() => ephemeralsFor('U0VOTER001')[1]);
    expect(again.body.text).toBe(slackMessages('fr').alreadyVoted);
    expect(bot.feedback.votes).toHaveLength(1);
  });

  it('records a vote on a calculation and rejects a forged entry id', async () => {
    const vote = (value: string, user: string) =>
      postInteraction(
        bot.eventsUrl,
        blockActions({ actionId: 'bb_vote_up', value, user, responseUrl: bot.server.responseUrl(user) }),
      );
    await vote('calc-cost|en', 'U0VOTER005');
    await waitFor(() => ephemeralsFor('U0VOTER005')[0]);
    expect(bot.feedback.votes.filter((v) => v.entryId === 'calc-cost')).toHaveLength(1);
    await vote('made-up-entry|en', 'U0VOTER006');
    const notice = await waitFor(() => ephemeralsFor('U0VOTER006')[0]);
    expect(notice.body.text).toBe(t('en').data.unavailable);
    expect(bot.feedback.votes.some((v) => v.entryId === 'made-up-entry')).toBe(false);
  });

  it('refuses a vote for an entry that does not exist (forged or stale button), recording nothing', async () => {
    const before = bot.feedback.votes.length;
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: 'bb_vote_up',
        value: 'no-such-entry|fr',
        user: 'U0VOTER003',
        responseUrl: bot.server.responseUrl('v3'),
      }),
    );
    const notice = await waitFor(() => ephemeralsFor('U0VOTER003')[0]);
    expect(notice.body.text).toBe(t('fr').data.unavailable);
    expect(bot.feedback.votes).toHaveLength(before);
  });

  it('👎 opens a form; its reason and comment are recorded with the vote, once', async () => {
    const messageTs = newTs();
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: 'bb_vote_down',
        value: 'r1-license|en',
        messageTs,
        user: 'U0VOTER002',
        responseUrl: bot.server.responseUrl('v2'),
      }),
    );
    const opened = await waitFor(() => bot.server.callsTo('views.open')[0], 5000, 'views.open');
    expect(opened.body.trigger_id).toBeDefined();
    const view = (typeof opened.body.view === 'string' ? JSON.parse(opened.body.view) : opened.body.view) as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: { block_id: string; element: { options?: { value: string }[] } }[];
    };
    expect(viewProblems(view)).toEqual([]);
    expect(view.title.text).toBe('What was wrong?');
    expect(view.blocks[0]?.element.options?.map((o) => o.value)).toEqual([
      'wrong',
      'outdated',
      'unclear',
      'not-asked',
    ]);
    expect(bot.feedback.votes.filter((v) => v.entryId === 'r1-license')).toEqual([]);

    const submit = () =>
      postInteraction(bot.eventsUrl, {
        type: 'view_submission',
        team: { id: 'T0LOCAL', domain: 'local' },
        user: { id: 'U0VOTER002', username: 'voter', team_id: 'T0LOCAL' },
        api_app_id: 'A0LOCAL',
        token: 'legacy-verification-token',
        trigger_id: `${Date.now()}.trigger`,
        view: {
          id: 'V0FORM0001',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: {
            values: {
              bb_reason: { reason: { type: 'radio_buttons', selected_option: { value: 'outdated' } } },
              bb_comment: {
                comment: { type: 'plain_text_input', value: '  The license\nchanged\u0000 later ' },
              },
            },
          },
        },
      });
    expect((await submit()).status).toBe(200);
    const thanks = await waitFor(() => ephemeralsFor('U0VOTER002')[0], 5000, 'thanks');
    expect(thanks.body.text).toBe(t('en').feedback.recorded);
    expect(bot.feedback.votes.filter((v) => v.entryId === 'r1-license')).toEqual([
      expect.objectContaining({
        vote: 'down',
        lang: 'en',
        reason: 'outdated',
        comment: 'The license changed later',
      }),
    ]);
    await submit();
    const again = await waitFor(() => ephemeralsFor('U0VOTER002')[1], 5000, 'already voted');
    expect(again.body.text).toBe(slackMessages('en').alreadyVoted);
    expect(bot.feedback.votes.filter((v) => v.entryId === 'r1-license')).toHaveLength(1);
  });
});
