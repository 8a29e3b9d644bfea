import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worthPostingUnasked } from '../../src/adapters/slack/conversation.js';
import { t } from '../../src/core/i18n/index.js';
import { makeReply } from '../../src/core/reply.js';
import { realEngine, startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, buttonsOf, headerOf } from '../helpers/slack-messages.js';
import {
  blockActions,
  channelMessageEvent,
  directMessageEvent,
  mentionEvent,
  newTs,
  postEvent,
  postInteraction,
} from '../helpers/slack-requests.js';
import { type ApiCall, sleep, waitFor } from '../helpers/slack-server.js';

/** Multi-turn conversations through the real Bolt app (HTTP mode) and the local Slack Web API. */

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

async function nthPostIn(threadTs: string, n: number): Promise<Record<string, unknown>> {
  const call = await waitFor(() => postsIn(threadTs)[n - 1], 5000, `post ${n} in thread ${threadTs}`);
  return call.body;
}

/** Sends an event and waits until the bot has logged that it handled (or dropped) it. */
async function send(body: Record<string, unknown>): Promise<void> {
  const res = await postEvent(bot.eventsUrl, body);
  expect(res.status).toBe(200);
}

/** Waits long enough that a post, had there been one, would have been made. */
async function settle(): Promise<void> {
  await sleep(300);
}

async function startThread(question: string): Promise<{ root: string; first: Record<string, unknown> }> {
  const root = newTs();
  await send(mentionEvent({ text: question, ts: root }));
  return { root, first: await nthPostIn(root, 1) };
}

describe('Slack threads are conversations', () => {
  it('answers a follow-up in its thread without a new mention', async () => {
    const { root, first } = await startThread('How much did Nvidia fall on January 27?');
    await send(channelMessageEvent({ text: 'source?', threadTs: root, user: 'U0USER0002' }));
    const second = await nthPostIn(root, 2);
    expect(headerOf(second)).toBe(t('en').conversation.sourceTitle);
    const expected = realEngine().answer({ text: 'How much did Nvidia fall on January 27?' });
    expect(allText(second)).toContain(String(expected.source?.label));
    expect(String(first.text)).not.toBe(String(second.text));
    await send(channelMessageEvent({ text: 'en français ?', threadTs: root }));
    const third = await nthPostIn(root, 3);
    expect(headerOf(third)).toBe(realEngine().answerEntry(String(expected.entryId), 'fr').title);
  });

  it('answers a complete question asked in the thread without a mention', async () => {
    const { root } = await startThread('Who founded DeepSeek?');
    await send(channelMessageEvent({ text: 'What license is DeepSeek-R1 under?', threadTs: root }));
    const second = await nthPostIn(root, 2);
    expect(headerOf(second)).toBe(realEngine().answer({ text: 'What license is DeepSeek-R1 under?' }).title);
  });

  it('leaves people talking to each other alone, and never posts a refusal unasked', async () => {
    const { root } = await startThread('How much did Nvidia fall on January 27?');
    for (const text of [
      'ok thanks all',
      'lol',
      '<@U0USER0003> can you check the nvidia drop before the meeting?',
      'Shall we grab lunch at noon?',
      "What's the weather like in Paris today?",
    ]) {
      await send(channelMessageEvent({ text, threadTs: root, user: 'U0USER0002' }));
    }
    await settle();
    expect(postsIn(root)).toHaveLength(1);
    expect(bot.server.callsTo('chat.postEphemeral').filter((c) => c.body.thread_ts === root)).toHaveLength(0);
  });

  it('ignores replies in threads where it has not answered, and top-level channel messages', async () => {
    const root = newTs();
    await send(channelMessageEvent({ text: 'How much did Nvidia fall on January 27?', ts: root }));
    await send(channelMessageEvent({ text: 'source?', threadTs: root }));
    await send(channelMessageEvent({ text: 'Who founded DeepSeek?', threadTs: root }));
    await settle();
    expect(postsIn(root)).toHaveLength(0);
    expect(bot.server.callsTo('chat.postMessage').filter((c) => c.body.ts === root)).toHaveLength(0);
  });

  it('"stop" silences it in that thread (once acknowledged); a mention brings it back', async () => {
    const { root } = await startThread('Who founded DeepSeek?');
    await send(channelMessageEvent({ text: 'tais-toi', threadTs: root, user: 'U0USER0002' }));
    const ack = await nthPostIn(root, 2);
    expect(String(ack.text)).toBe(t('fr').conversation.stopped);
    await send(channelMessageEvent({ text: 'What license is DeepSeek-R1 under?', threadTs: root }));
    await send(channelMessageEvent({ text: 'stop', threadTs: root }));
    await settle();
    expect(postsIn(root)).toHaveLength(2);
    // Another thread is not silenced.
    const other = await startThread('Who founded DeepSeek?');
    await send(channelMessageEvent({ text: 'What license is DeepSeek-R1 under?', threadTs: other.root }));
    await nthPostIn(other.root, 2);
    // An explicit mention in the silenced thread answers and lifts the silence.
    await send(mentionEvent({ text: 'What license is DeepSeek-R1 under?', threadTs: root }));
    await nthPostIn(root, 3);
    await send(channelMessageEvent({ text: 'source?', threadTs: root }));
    const after = await nthPostIn(root, 4);
    expect(headerOf(after)).toBe(t('en').conversation.sourceTitle);
  });

  it('a direct-message channel is one conversation', async () => {
    const channel = 'D0DMCONV01';
    await send(directMessageEvent({ text: 'Who founded DeepSeek?', channel }));
    await send(directMessageEvent({ text: 'in short?', channel }));
    const posts = await waitFor(
      () => {
        const p = bot.server.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
        return p.length >= 2 ? p : undefined;
      },
      5000,
      'two DM answers',
    );
    const full = realEngine().answer({ text: 'Who founded DeepSeek?' });
    expect(headerOf(posts[1]?.body ?? {})).toBe(full.title);
    expect(allText(posts[1]?.body ?? {}).length).toBeLessThan(allText(posts[0]?.body ?? {}).length);
  });

  it('a related-question button’s answer becomes the thread’s last turn', async () => {
    const { root, first } = await startThread('How much did Nvidia lose on 27 January?');
    const related = buttonsOf(first).find((b) => b.action_id.startsWith('bb_related_'));
    expect(related).toBeDefined();
    await postInteraction(
      bot.eventsUrl,
      blockActions({
        actionId: String(related?.action_id),
        value: String(related?.value),
        messageTs: newTs(),
        threadTs: root,
        responseUrl: bot.server.responseUrl('conv-related'),
      }),
    );
    await nthPostIn(root, 2);
    await send(channelMessageEvent({ text: 'source?', threadTs: root }));
    const source = await nthPostIn(root, 3);
    const [id] = String(related?.value).split('|');
    const entry = realEngine().answerEntry(id ?? '', 'en');
    expect(allText(source)).toContain(String(entry.source?.label));
    expect(allText(source)).toContain(entry.title);
  });

  it('a retried or duplicated thread reply is answered once', async () => {
    const { root } = await startThread('Who founded DeepSeek?');
    const event = channelMessageEvent({ text: 'source?', threadTs: root, eventId: 'EvCONVDUP1' });
    await send(event);
    await send(event);
    await nthPostIn(root, 2);
    await settle();
    expect(postsIn(root)).toHaveLength(2);
  });
});

describe('slack-app-manifest.json', () => {
  it('subscribes to thread messages with the scopes Slack requires for them', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync('slack-app-manifest.json', 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    const events = manifest.settings.event_subscriptions.bot_events;
    const scopes = manifest.oauth_config.scopes.bot;
    // Slack refuses a manifest whose bot events lack their scope.
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.im': 'im:history',
    };
    for (const event of ['app_mention', 'message.channels', 'message.groups', 'message.im']) {
      expect(events).toContain(event);
      expect(scopes).toContain(needs[event]);
    }
  });
});

describe('worthPostingUnasked', () => {
  const fact = (entryId: string, confidence: number) =>
    makeReply({ kind: 'fact', lang: 'en', title: 't', body: 'b', answered: true, entryId, confidence });
  const refusal = makeReply({ kind: 'none', lang: 'en', title: 't', body: 'b' });
  it('posts calculations, confident facts and follow-ups the conversation resolved; never refusals', () => {
    expect(worthPostingUnasked(fact('a', 0.8), () => refusal)).toBe(true);
    expect(
      worthPostingUnasked(
        makeReply({ kind: 'cost', lang: 'en', title: 't', body: 'b', answered: true }),
        () => refusal,
      ),
    ).toBe(true);
    // Low confidence: posted only when the conversation made the difference.
    expect(worthPostingUnasked(fact('a', 0.4), () => refusal)).toBe(true);
    expect(worthPostingUnasked(fact('a', 0.4), () => fact('b', 0.6))).toBe(true);
    expect(worthPostingUnasked(fact('a', 0.4), () => fact('a', 0.4))).toBe(false);
    expect(worthPostingUnasked(refusal, () => fact('a', 0.9))).toBe(false);
    expect(
      worthPostingUnasked(
        makeReply({ kind: 'chat', lang: 'en', title: 't', body: 'b', answered: true }),
        () => refusal,
      ),
    ).toBe(false);
  });
});
