import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine-types.js';
import { createMetrics } from '../../src/services/metrics.js';
import { Observers } from '../../src/services/observer.js';
import { RedisState } from '../../src/services/redis.js';
import { realEngine, startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText } from '../helpers/slack-messages.js';
import { mentionEvent, newTs, postEvent } from '../helpers/slack-requests.js';
import { SlackServer, sleep, waitFor } from '../helpers/slack-server.js';
import { hasRedisServer, startRedis } from '../ops/redis-server.js';

/**
 * Delivery under faults, through the real Bolt app: a post that timed out but landed is not posted
 * again; a reply Slack refuses (invalid_blocks, msg_too_long) goes out as plain text; a retry is
 * answered exactly once across instances sharing Redis.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bot(options: Parameters<typeof startTestBot>[0] = {}): Promise<TestBot> {
  const b = await startTestBot(options);
  cleanups.push(() => b.close());
  return b;
}

const postsIn = (b: TestBot, ts: string) =>
  b.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

describe('a post that may have landed', () => {
  it('times out but landed: found in the thread by its post id, posted once', async () => {
    const b = await bot({ timeoutMs: 300 });
    b.server.delayNext('chat.postMessage', 1, 1000);
    const ts = newTs();
    await postEvent(b.eventsUrl, mentionEvent({ text: 'How much did Nvidia fall?', ts }));
    await b.waitForLog('slack post had landed after a failed attempt: not posted again');
    await sleep(1200);
    expect(postsIn(b, ts)).toHaveLength(1);
    const lookup = b.server.callsTo('conversations.replies')[0];
    expect(lookup?.body).toMatchObject({ ts, include_all_metadata: 'true' });
    expect(b.logs.some((l) => l.msg === 'slack handler failed')).toBe(false);
  });

  it('failed without landing (500): looked up, not found, posted once', async () => {
    const b = await bot();
    b.server.failNext('chat.postMessage', 1, 500);
    const ts = newTs();
    await postEvent(b.eventsUrl, mentionEvent({ text: 'How much did Nvidia fall?', ts }));
    await waitFor(() => postsIn(b, ts)[0]);
    await sleep(150);
    expect(postsIn(b, ts)).toHaveLength(1);
    expect(b.server.callsTo('conversations.replies')).toHaveLength(1);
    expect(allText(postsIn(b, ts)[0]?.body ?? {})).toMatch(/Nvidia/);
  });
});

describe('replies Slack refuses', () => {
  it('invalid_blocks: the same answer as plain text, logged and counted', async () => {
    const metrics = createMetrics({ defaults: false });
    const b = await bot({ observer: new Observers([metrics]) });
    b.server.refuseNext('chat.postMessage', 1, 'invalid_blocks');
    const ts = newTs();
    await postEvent(b.eventsUrl, mentionEvent({ text: "What is R1's output price?", ts }));
    const post = await waitFor(() => postsIn(b, ts)[0]);
    expect(post.body.blocks).toBeUndefined();
    expect(String(post.body.text)).toContain('2.19');
    const line = await b.waitForLog('slack refused the reply: posted as plain text');
    expect(line.reason).toBe('invalid_blocks');
    expect(await metrics.registry.metrics()).toMatch(
      /briefbot_slack_plain_fallbacks_total\{reason="invalid_blocks"\} 1/,
    );
    expect(b.logs.some((l) => l.msg === 'slack handler failed')).toBe(false);
  });

  it('msg_too_long: a long answer split into several plain messages, nothing lost', async () => {
    const b = await bot();
    const paragraph = (i: number) =>
      `Paragraph ${i}: ${'the Nasdaq fell and Nvidia lost value. '.repeat(40)}`;
    const body = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const engine = realEngine();
    const long: Engine = Object.create(engine) as Engine;
    long.answer = (q) => ({ ...engine.answer(q), body });
    b.setEngine(() => long);
    b.server.refuseNext('chat.postMessage', 1, 'msg_too_long');
    const ts = newTs();
    await postEvent(b.eventsUrl, mentionEvent({ text: 'How much did Nvidia fall?', ts }));
    await b.waitForLog('slack refused the reply: posted as plain text');
    await waitFor(() => postsIn(b, ts).length >= 5);
    await sleep(200);
    const pieces = postsIn(b, ts).map((c) => String(c.body.text));
    expect(pieces.length).toBeGreaterThan(4);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3500);
    const all = pieces.join('\n');
    for (let i = 1; i <= 12; i += 1) expect(all).toContain(`Paragraph ${i}:`);
  });

  it('the local Slack API refuses what Slack refuses', async () => {
    const server = await SlackServer.start();
    cleanups.push(() => server.close());
    const client = new WebClient('xoxb-test', { slackApiUrl: server.apiUrl, retryConfig: { retries: 0 } });
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const post = (args: Record<string, unknown>) =>
      client.chat.postMessage({ channel: 'C1', text: 'x', ...args }).then(
        () => 'ok',
        (err: { data?: { error?: string } }) => err.data?.error,
      );
    expect(await post({ blocks: Array.from({ length: 51 }, () => section('a')) })).toBe('invalid_blocks');
    expect(await post({ blocks: [section('a'.repeat(3001))] })).toBe('invalid_blocks');
    expect(await post({ text: 'a'.repeat(40_001) })).toBe('msg_too_long');
    expect(await post({ blocks: Array.from({ length: 50 }, () => section('a'.repeat(3000))) })).toBe('ok');
  });
});

describe.skipIf(!hasRedisServer())('retries across instances sharing Redis', () => {
  it('a retry first seen by two instances at once is answered by one of them, once', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const states = [new RedisState(redis.url), new RedisState(redis.url)];
    for (const s of states) {
      await s.connect();
      cleanups.push(() => s.close());
    }
    const [a, b] = [await bot({ state: states[0] }), await bot({ state: states[1] })];
    for (let i = 0; i < 5; i += 1) {
      const ts = newTs();
      const event = mentionEvent({ text: 'When was DeepSeek-R1 released?', ts });
      const acks = await Promise.all([
        postEvent(a.eventsUrl, event, { retryNum: 1 }),
        postEvent(b.eventsUrl, event, { retryNum: 1 }),
        postEvent(a.eventsUrl, event, { retryNum: 2 }),
      ]);
      expect(acks.map((r) => r.status)).toEqual([200, 200, 200]);
      await waitFor(() => postsIn(a, ts).length + postsIn(b, ts).length > 0);
      await sleep(150);
      expect(postsIn(a, ts).length + postsIn(b, ts).length).toBe(1);
    }
  });
});
