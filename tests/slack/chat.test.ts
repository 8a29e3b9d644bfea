import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { agentFetch } from '../../src/adapters/slack/agent-fetch.js';
import { fastChat } from '../../src/adapters/slack/chat.js';
import { SlackServer } from '../helpers/slack-server.js';

/**
 * The replies' own path to the Web API (chat.ts), against the local Slack server: the same request
 * as the Web API client's, its answers and errors, its retries and Retry-After.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const RETRY = { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 100 };

async function setup(timeoutMs = 2000) {
  const server = await SlackServer.start();
  const fetch = agentFetch();
  cleanups.push(() => server.close());
  cleanups.push(() => fetch.destroy());
  const plain = new WebClient('xoxb-test', {
    slackApiUrl: server.apiUrl,
    fetch,
    retryConfig: { retries: 0 },
  });
  const fast = new WebClient('xoxb-test', { slackApiUrl: server.apiUrl, fetch, retryConfig: { retries: 0 } });
  fastChat({ fetch, retry: RETRY, timeoutMs })(fast);
  return { server, plain, fast };
}

const attempts = (server: SlackServer) =>
  server.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status);

const message = {
  channel: 'C0CHAN0001',
  thread_ts: '1700000000.000100',
  text: 'Nvidia & co fell <17%>',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Nvidia* fell' } }],
  metadata: { event_type: 'briefbot_reply', event_payload: { post_id: 'p1' } },
  unfurl_links: false,
  unfurl_media: false,
};

describe('fastChat', () => {
  it('sends the arguments the Web API client sends, as JSON, and answers what Slack answers', async () => {
    const { server, plain, fast } = await setup();
    const a = await plain.chat.postMessage(message);
    const b = await fast.chat.postMessage(message);
    const [first, second] = server.callsTo('chat.postMessage');
    // The client's form carries scalars as text; the JSON body carries them as they are.
    const asText = (body: Record<string, unknown> = {}) =>
      Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'object' ? v : String(v)]));
    expect(asText(second?.body)).toEqual(asText(first?.body));
    expect(second?.body).toMatchObject({ unfurl_links: false, blocks: message.blocks });
    expect(second?.headers.authorization).toBe('Bearer xoxb-test');
    expect(first?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(second?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(b.ok).toBe(true);
    expect(typeof b.ts).toBe('string');
    expect(Object.keys(b).sort()).toEqual(expect.arrayContaining(['ok', 'channel', 'ts']));
    expect(a.ts).not.toBe(b.ts);
    await fast.chat.postEphemeral({ channel: 'C0CHAN0001', user: 'U0ASKER001', text: 'only you' });
    expect(server.callsTo('chat.postEphemeral')[0]?.body).toMatchObject({
      user: 'U0ASKER001',
      text: 'only you',
    });
  });

  it('throws a Slack refusal as a platform error with the answer, without retrying it', async () => {
    const { server, fast } = await setup();
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(fast.chat.postMessage({ channel: 'C0CHAN0001', text: 'x', blocks })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_blocks' },
    });
    expect(server.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('retries a 500 with backoff, then gives up with an HTTP error', async () => {
    const { server, fast } = await setup();
    server.failNext('chat.postMessage', 1, 500);
    expect((await fast.chat.postMessage({ channel: 'C0CHAN0001', text: 'again' })).ok).toBe(true);
    server.failNext('chat.postMessage', 3, 500);
    await expect(fast.chat.postMessage({ channel: 'C0CHAN0001', text: 'never' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
    // 2 + 3 attempts: retries: 2 means three attempts in all.
    expect(attempts(server)).toEqual([500, 200, 500, 500, 500]);
  });

  it('waits out a 429 for its Retry-After, then posts', async () => {
    const { server, fast } = await setup();
    server.failNext('chat.postMessage', 1, 429, 1);
    const started = Date.now();
    expect((await fast.chat.postMessage({ channel: 'C0CHAN0001', text: 'later' })).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(attempts(server)).toEqual([429, 200]);
  });

  it('times a call out and retries it (a late answer is an attempt like a failed one)', async () => {
    const { server, fast } = await setup(200);
    server.delayNext('chat.postMessage', 1, 600);
    await fast.chat.postMessage({ channel: 'C0CHAN0001', text: 'slow' });
    expect(server.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
  });
});

describe('fastChat and chart uploads', () => {
  it('carries files.uploadV2 (its two Web API calls) into the thread', async () => {
    const { server, fast } = await setup();
    await fast.files.uploadV2({
      channel_id: 'C0CHAN0001',
      thread_ts: '1700000000.000100',
      file: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      filename: 'chart.png',
      title: 'A chart',
      alt_text: 'bars',
    });
    expect(server.callsTo('files.getUploadURLExternal')[0]?.body).toMatchObject({ filename: 'chart.png' });
    const done = server.callsTo('files.completeUploadExternal')[0];
    expect(done?.body).toMatchObject({ channel_id: 'C0CHAN0001', thread_ts: '1700000000.000100' });
    const [upload] = [...server.uploads.values()];
    expect(upload).toMatchObject({
      filename: 'chart.png',
      length: 4,
      completed: true,
      threadTs: '1700000000.000100',
    });
    expect(upload?.data).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('sends one Buffer raw to the upload URL, retrying a failed attempt; other uploads go the client way', async () => {
    const server = await SlackServer.start();
    cleanups.push(() => server.close());
    const base = agentFetch();
    cleanups.push(() => base.destroy());
    const seen: { url: string; type: string | undefined; raw: boolean }[] = [];
    let failUpload = 1;
    const fetch = Object.assign(
      async (url: string | URL, init?: Parameters<typeof base>[1]) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        const type = headers['Content-Type'] ?? headers['content-type'];
        seen.push({ url: String(url), type, raw: Buffer.isBuffer(init?.body) });
        if (String(url).includes('/upload/') && failUpload-- > 0)
          return new Response('busy', { status: 500 }) as never;
        return base(url, init);
      },
      { timed: true as const },
    );
    const fast = new WebClient('xoxb-test', {
      slackApiUrl: server.apiUrl,
      fetch,
      retryConfig: { retries: 0 },
    });
    fastChat({ fetch, retry: RETRY, timeoutMs: 2000 })(fast);
    const bytes = Buffer.from('not really a png, but bytes');
    await fast.files.uploadV2({
      channel_id: 'C0CHAN0001',
      file: bytes,
      filename: 'chart.png',
      title: 'A chart',
    });
    const uploads = seen.filter((s) => s.url.includes('/upload/'));
    expect(uploads).toHaveLength(2);
    expect(uploads.every((u) => u.raw && u.type === 'application/octet-stream')).toBe(true);
    expect([...server.uploads.values()][0]).toMatchObject({
      data: bytes,
      completed: true,
      channel: 'C0CHAN0001',
    });
    // Text content is not one Buffer: the Web API client's own upload (a multipart form) sends it.
    seen.length = 0;
    await fast.files.uploadV2({ channel_id: 'C0CHAN0001', content: 'a,b\n1,2', filename: 'data.csv' });
    const second = seen.filter((s) => s.url.includes('/upload/'));
    expect(second).toHaveLength(1);
    expect(second[0]?.raw).toBe(false);
    expect([...server.uploads.values()][1]).toMatchObject({ filename: 'data.csv', completed: true });
  });
});
