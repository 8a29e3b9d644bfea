import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/index.js';
import { detectLang } from '../../src/core/lang.js';
import { realEngine, startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, buttonsOf, headerOf, MENTION_MARKUP } from '../helpers/slack-messages.js';
import { directMessageEvent, mentionEvent, newTs, postEvent } from '../helpers/slack-requests.js';
import { type ApiCall, BOT_USER_ID, sleep, waitFor } from '../helpers/slack-server.js';

/** The real Bolt app in HTTP mode, real engine, signed Events API requests, local Web API. */

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

function postsIn(threadTs: string): ApiCall[] {
  return bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === threadTs);
}

/** The one reply in a thread, public or (a refusal in a channel) shown only to the asker. */
async function oneReplyIn(threadTs: string): Promise<Record<string, unknown>> {
  const inThread = () =>
    [...bot.server.callsTo('chat.postMessage'), ...bot.server.callsTo('chat.postEphemeral')].filter(
      (c) => c.body.thread_ts === threadTs,
    );
  const call = await waitFor(() => inThread()[0], 5000, `a reply in thread ${threadTs}`);
  await sleep(150);
  expect(inThread()).toHaveLength(1);
  return call.body;
}

async function onePostIn(threadTs: string): Promise<Record<string, unknown>> {
  const call = await waitFor(() => postsIn(threadTs)[0], 5000, `a post in thread ${threadTs}`);
  await sleep(150);
  expect(postsIn(threadTs)).toHaveLength(1);
  return call.body;
}

describe('app_mention over HTTP', () => {
  it('answers in a thread under the mention, with the answer in blocks', async () => {
    const ts = newTs();
    const res = await postEvent(bot.eventsUrl, mentionEvent({ text: "What is R1's output price?", ts }));
    expect(res.status).toBe(200);
    const msg = await onePostIn(ts);
    expect(msg.channel).toBe('C0CHAN0001');
    expect(headerOf(msg)).toBeTruthy();
    expect(allText(msg)).toContain('2.19');
    expect(buttonsOf(msg).map((b) => b.action_id)).toEqual(
      expect.arrayContaining(['bb_vote_up', 'bb_vote_down']),
    );
    expect(String(msg.text)).toContain('2.19');
  });

  it('answers inside the thread the mention was made in', async () => {
    const root = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?', threadTs: root }));
    const msg = await onePostIn(root);
    expect(msg.thread_ts).toBe(root);
  });

  it('strips its own mention from the question', async () => {
    const ts = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'What license is DeepSeek-R1 under?', ts }));
    const msg = await onePostIn(ts);
    const expected = realEngine().answer({ text: 'What license is DeepSeek-R1 under?' });
    expect(headerOf(msg)).toBe(expected.title);
    expect(allText(msg)).not.toContain(BOT_USER_ID);
  });

  it('answers a French mention in French', async () => {
    const ts = newTs();
    await postEvent(
      bot.eventsUrl,
      mentionEvent({ text: 'Combien Nvidia a-t-elle perdu le 27 janvier ?', ts }),
    );
    const msg = await onePostIn(ts);
    expect(detectLang(String(msg.text))).toBe('fr');
    const labels = buttonsOf(msg).map((b) => b.text);
    expect(labels).toContain(`👍 ${t('fr').feedback.up}`);
    expect(allText(msg)).toContain(`${t('fr').fact.source} :`);
  });

  it('refuses an out-of-scope mention and points to what it knows', async () => {
    const ts = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'What is the best pizza recipe in Naples?', ts }));
    // In a channel, a refusal is shown only to the asker.
    expect(postsIn(ts)).toHaveLength(0);
    const msg = await oneReplyIn(ts);
    expect(msg.user).toBe('U0USER0001');
    const text = allText(msg);
    const topicNames = realEngine()
      .topics()
      .map((tp) => tp.name.en);
    const pointsToTopics = topicNames.some((name) => text.includes(name));
    const suggests = buttonsOf(msg).some((b) => b.action_id.startsWith('bb_related_'));
    expect(pointsToTopics || suggests).toBe(true);
    expect(buttonsOf(msg).some((b) => b.action_id.startsWith('bb_vote_'))).toBe(false);
  });

  it('escapes @channel-style text so the reply cannot notify anyone', async () => {
    const ts = newTs();
    const text = '<!channel> <!here> &lt;!everyone&gt; @everyone what license is R1 under? <@U0OTHER01>';
    await postEvent(bot.eventsUrl, mentionEvent({ text, ts }));
    const msg = await oneReplyIn(ts);
    expect(JSON.stringify(msg)).not.toMatch(MENTION_MARKUP);
    expect(msg.link_names).toBeUndefined();
  });

  it('escapes user text that an answer echoes back', async () => {
    const ts = newTs();
    const real = realEngine();
    // An engine that quotes the question, as a usage error does ("I couldn't read … as a number").
    bot.setEngine(() => ({ ...real, answer: (q) => ({ ...real.answer(q), body: `You asked: ${q.text}` }) }));
    try {
      await postEvent(
        bot.eventsUrl,
        mentionEvent({ text: '&lt;!channel&gt; & <!here|here> price of R1?', ts }),
      );
      const msg = await oneReplyIn(ts);
      const json = JSON.stringify(msg);
      expect(json).not.toMatch(MENTION_MARKUP);
      expect(allText(msg)).toContain('You asked: &lt;!channel&gt; &amp; here price of R1?');
    } finally {
      bot.setEngine(realEngine);
    }
  });
});

describe('direct messages', () => {
  it('answers a direct message in the conversation', async () => {
    const ts = newTs();
    await postEvent(
      bot.eventsUrl,
      directMessageEvent({ text: 'How much did it cost to train DeepSeek-V3?', ts, channel: 'D0DMTEST01' }),
    );
    const call = await waitFor(() =>
      bot.server.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0DMTEST01'),
    );
    expect(call.body.thread_ts).toBeUndefined();
    expect(headerOf(call.body)).toBeTruthy();
  });

  it('ignores messages from bots and from itself', async () => {
    const fromBot = directMessageEvent({
      text: 'Who founded DeepSeek?',
      botId: 'B0OTHER001',
      channel: 'D0DMBOT001',
    });
    await postEvent(bot.eventsUrl, fromBot);
    await bot.waitForLog('slack message from a bot ignored', { eventId: fromBot.event_id as string });
    const fromSelf = mentionEvent({
      text: 'Who founded DeepSeek?',
      user: BOT_USER_ID,
      channel: 'C0SELF0001',
    });
    await postEvent(bot.eventsUrl, fromSelf);
    await bot.waitForLog('slack message from a bot ignored', { eventId: fromSelf.event_id as string });
    const channels = bot.server.callsTo('chat.postMessage').map((c) => c.body.channel);
    expect(channels).not.toContain('D0DMBOT001');
    expect(channels).not.toContain('C0SELF0001');
  });
});

describe('delivery guarantees', () => {
  it('does not answer a retried delivery a second time', async () => {
    const ts = newTs();
    const event = mentionEvent({ text: 'When was DeepSeek-R1 released?', ts });
    await postEvent(bot.eventsUrl, event);
    await waitFor(() => postsIn(ts)[0]);
    const retry = await postEvent(bot.eventsUrl, event, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await bot.waitForLog('slack duplicate event ignored', { eventId: event.event_id as string });
    await sleep(100);
    expect(postsIn(ts)).toHaveLength(1);
  });

  it('answers a retry whose first delivery never arrived, once', async () => {
    const ts = newTs();
    const event = mentionEvent({ text: 'When was DeepSeek-R1 released?', ts });
    expect((await postEvent(bot.eventsUrl, event, { retryNum: 1 })).status).toBe(200);
    await bot.waitForLog('slack retry of an unanswered event: answering it', {
      eventId: event.event_id as string,
    });
    await onePostIn(ts);
    expect((await postEvent(bot.eventsUrl, event, { retryNum: 2 })).status).toBe(200);
    await sleep(150);
    expect(postsIn(ts)).toHaveLength(1);
  });

  it('answers a duplicate event id once, even without a retry header', async () => {
    const ts = newTs();
    const event = mentionEvent({ text: 'When was DeepSeek-R1 released?', ts });
    await Promise.all([postEvent(bot.eventsUrl, event), postEvent(bot.eventsUrl, event)]);
    await bot.waitForLog('slack duplicate event ignored', { eventId: event.event_id as string });
    await onePostIn(ts);
  });

  it('apologizes once with an error id when a handler fails, logs it, and keeps working', async () => {
    const ts = newTs();
    bot.setEngine(() => {
      throw new Error('engine exploded');
    });
    try {
      await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?', ts }));
      const msg = await onePostIn(ts);
      const id = /error id: ([0-9a-f]{8})/.exec(String(msg.text))?.[1];
      expect(id).toBeDefined();
      expect(msg.blocks).toBeUndefined();
      const line = await bot.waitForLog('slack handler failed', { errorId: id });
      expect(line.err?.message).toBe('engine exploded');
      expect(line.err?.stack).toContain('engine exploded');
    } finally {
      bot.setEngine(realEngine);
    }
    const next = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?', ts: next }));
    const answer = await onePostIn(next);
    expect(buttonsOf(answer).some((b) => b.action_id === 'bb_vote_up')).toBe(true);
  });

  it('delivers the reply once when the Web API answers 500 and then recovers', async () => {
    const ts = newTs();
    bot.server.failNext('chat.postMessage', 2, 500);
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'How much did the Nasdaq fall?', ts }));
    await onePostIn(ts);
    const attempts = bot.server.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts,
    );
    expect(attempts.map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('waits out a 429 with Retry-After and delivers the reply once', async () => {
    const ts = newTs();
    bot.server.failNext('chat.postMessage', 1, 429, 1);
    const started = Date.now();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'How much did the Nasdaq fall?', ts }));
    await onePostIn(ts);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const attempts = bot.server.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts,
    );
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });
});
