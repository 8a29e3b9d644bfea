import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_ACTION, SHORTCUT_CALLBACK, shareValue } from '../../src/adapters/slack/listeners/shortcut.js';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, buttonsOf } from '../helpers/slack-messages.js';
import { blockActions, newTs, postInteraction } from '../helpers/slack-requests.js';
import { waitFor } from '../helpers/slack-server.js';

function messageShortcut(text: string, o: { ts?: string; threadTs?: string; user?: string } = {}) {
  const ts = o.ts ?? newTs();
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: 'T0LOCAL', domain: 'local' },
    user: { id: o.user ?? 'U0CLICKER1', username: 'clicker', team_id: 'T0LOCAL', name: 'clicker' },
    channel: { id: 'C0CHAN0001', name: 'general' },
    is_enterprise_install: false,
    callback_id: SHORTCUT_CALLBACK,
    trigger_id: `${Date.now()}.trigger`,
    response_url: 'http://127.0.0.1:1/response/unused',
    message_ts: ts,
    message: {
      type: 'message',
      user: 'U0AUTHOR01',
      ts,
      text,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
  };
}

describe('Slack message shortcut "Ask briefbot"', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t.close());

  it("answers the message's text privately to the clicker, in the message's thread, with a share button", async () => {
    const ts = newTs();
    const res = await postInteraction(
      t.eventsUrl,
      messageShortcut('how much did nvidia lose on jan 27?', { ts }),
    );
    expect(res.status).toBe(200);
    const eph = await waitFor(() => t.server.callsTo('chat.postEphemeral')[0], 5000, 'ephemeral answer');
    expect(eph.body).toMatchObject({ channel: 'C0CHAN0001', user: 'U0CLICKER1', thread_ts: ts });
    expect(allText(eph.body)).toMatch(/Nvidia/);
    const share = buttonsOf(eph.body).find((b) => b.action_id === SHARE_ACTION);
    expect(share).toBeDefined();
    expect(t.server.callsTo('chat.postMessage')).toHaveLength(0);

    // Share: the answer is posted publicly in that thread.
    const click = blockActions({
      actionId: SHARE_ACTION,
      value: share?.value ?? '',
      responseUrl: t.server.responseUrl('s'),
      ephemeral: true,
      user: 'U0CLICKER1',
    });
    await postInteraction(t.eventsUrl, click);
    const posted = await waitFor(() => t.server.callsTo('chat.postMessage')[0], 5000, 'shared answer');
    expect(posted.body).toMatchObject({ channel: 'C0CHAN0001', thread_ts: ts });
    expect(allText(posted.body)).toMatch(/Nvidia/);
  });

  it('offers no share button on a refusal, and says when the message has no text', async () => {
    const before = t.server.callsTo('chat.postEphemeral').length;
    await postInteraction(t.eventsUrl, messageShortcut('lunch at noon, anyone?'));
    const refusal = await waitFor(() => t.server.callsTo('chat.postEphemeral')[before], 5000, 'refusal');
    expect(buttonsOf(refusal.body).some((b) => b.action_id === SHARE_ACTION)).toBe(false);
    await postInteraction(t.eventsUrl, messageShortcut('   '));
    const empty = await waitFor(
      () => t.server.callsTo('chat.postEphemeral')[before + 1],
      5000,
      'empty notice',
    );
    expect(String(empty.body.text)).toContain('no text');
  });

  it('a forged share value is refused as out of date, and posts nothing', async () => {
    const posts = t.server.callsTo('chat.postMessage').length;
    const eph = t.server.callsTo('chat.postEphemeral').length;
    for (const value of [
      '{"q":"x","thread":"<!channel>","lang":"en"}',
      'not json',
      shareValue({ q: 'x'.repeat(600), thread: '1.1', lang: 'en' }),
    ]) {
      await postInteraction(
        t.eventsUrl,
        blockActions({
          actionId: SHARE_ACTION,
          value,
          responseUrl: t.server.responseUrl('f'),
          ephemeral: true,
        }),
      );
    }
    await waitFor(() => t.server.callsTo('chat.postEphemeral').length >= eph + 3, 5000, 'stale notices');
    expect(t.server.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});
