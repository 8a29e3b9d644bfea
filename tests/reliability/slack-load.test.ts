import { afterEach, describe, expect, it } from 'vitest';
import { type Briefbot, startBriefbot } from '../../src/app.js';
import { mentionEvent, postEvent, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer, waitFor } from '../helpers/slack-server.js';
import { freePort } from '../ops/spawn-main.js';
import { capturedLogger, tempDir, testConfig } from '../ops/support.js';

/** The real app (startBriefbot: real engine, real Bolt, HTTP mode) against a local Slack Web API. */

const QUESTIONS = [
  'How much did Nvidia fall?',
  'When did the DeepSeek selloff happen?',
  'What does DeepSeek R1 cost?',
  'combien a perdu Nvidia ?',
  'How much did DeepSeek-V3 cost to train?',
];

let lastLogs: Record<string, unknown>[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startApp(): Promise<{ bot: Briefbot; slack: SlackServer; events: string }> {
  const slack = await SlackServer.start();
  cleanups.push(() => slack.close());
  const data = tempDir();
  cleanups.push(data.cleanup);
  const port = await freePort();
  const logs = capturedLogger('warn');
  lastLogs = logs.lines;
  const bot = await startBriefbot(
    testConfig({
      port,
      dataDir: data.dir,
      rateLimitPerMinute: 10,
      slack: { botToken: 'xoxb-load', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, mode: 'http' },
    }),
    logs.logger,
  );
  cleanups.push(() => bot.stop());
  return { bot, slack, events: `http://127.0.0.1:${port}/slack/events` };
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next;
      next += 1;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const replies = (slack: SlackServer) => [
  ...slack.callsTo('chat.postMessage'),
  ...slack.callsTo('chat.postEphemeral'),
];

describe('load: signed Slack HTTP requests against the real app', () => {
  it('500 app_mentions at 50 concurrent (plus 50 retried deliveries) → exactly 500 replies, none duplicated', async () => {
    const { slack, events } = await startApp();
    const sent = Array.from({ length: 500 }, (_, i) =>
      mentionEvent({
        text: QUESTIONS[i % QUESTIONS.length] as string,
        user: `U${String(i).padStart(8, '0')}`,
      }),
    );
    const started = Date.now();
    const statuses = await pool(
      sent.map((body) => () => postEvent(events, body).then((r) => r.status)),
      50,
    );
    // Slack re-delivers when an ack is late: the same event_id again must not bring a second reply.
    const retried = await pool(
      sent.slice(0, 50).map((body) => () => postEvent(events, body, { retryNum: 1 }).then((r) => r.status)),
      50,
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    expect(retried.every((s) => s === 200)).toBe(true);

    await waitFor(() => replies(slack).length >= 500, 60_000, '500 replies');
    const elapsed = Date.now() - started;
    const posted = replies(slack);
    const threads = posted.map((c) => String(c.body.thread_ts));
    const expected = sent.map((b) => String((b.event as { ts: string }).ts));
    const seen = new Map<string, number>();
    for (const t of threads) seen.set(t, (seen.get(t) ?? 0) + 1);
    const duplicated = [...seen].filter(([, n]) => n > 1);
    expect(posted).toHaveLength(500);
    // On failure, say what the doubled posts were and what the app logged (warnings and errors).
    const doubled = posted
      .filter((c) => duplicated.some(([t]) => t === String(c.body.thread_ts)))
      .map((c) => `${c.method} ${c.body.thread_ts} ${String(c.body.text).slice(0, 60)}`);
    expect(
      duplicated,
      `threads answered twice: ${doubled.join('; ')} | logs: ${JSON.stringify(lastLogs.slice(0, 3))}`,
    ).toEqual([]);
    expect(new Set(threads).size).toBe(500);
    expect(new Set(threads)).toEqual(new Set(expected));
    expect(slack.calls.filter((c) => c.status !== 200)).toEqual([]);
    console.info(
      `load: 500 signed app_mentions at 50 concurrent + 50 retries → ${posted.length} replies ` +
        `(${new Set(threads).size} distinct threads) in ${elapsed} ms`,
    );
  }, 120_000);
});

describe('faults: the local Web API failing for a while', () => {
  for (const fault of [
    { status: 500 as const, count: 3, retryAfter: 1 },
    { status: 429 as const, count: 2, retryAfter: 1 },
  ]) {
    it(`chat.postMessage answering ${fault.status} ${fault.count} times → the reply arrives once`, async () => {
      const { slack, events } = await startApp();
      slack.failNext('chat.postMessage', fault.count, fault.status, fault.retryAfter);
      const first = mentionEvent({ text: 'How much did Nvidia fall?', user: 'UFAULT001' });
      expect((await postEvent(events, first)).status).toBe(200);
      await waitFor(() => slack.callsTo('chat.postMessage').length === 1, 20_000, 'the reply');

      const second = mentionEvent({ text: 'What does DeepSeek R1 cost?', user: 'UFAULT002' });
      expect((await postEvent(events, second)).status).toBe(200);
      await waitFor(() => slack.callsTo('chat.postMessage').length === 2, 20_000, 'the second reply');

      const failed = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === fault.status);
      expect(failed).toHaveLength(fault.count);
      const threads = slack.callsTo('chat.postMessage').map((c) => c.body.thread_ts);
      expect(threads).toEqual([(first.event as { ts: string }).ts, (second.event as { ts: string }).ts]);
    });
  }
});
