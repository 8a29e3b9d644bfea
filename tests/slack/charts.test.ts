import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import {
  askCommand,
  directMessageEvent,
  mentionEvent,
  newTs,
  postCommand,
  postEvent,
} from '../helpers/slack-requests.js';
import { type SlackUpload, waitFor } from '../helpers/slack-server.js';

/**
 * Charts end to end on Slack: the real Bolt app answers in Block Kit (with its text fallback), then
 * uploads the chart with files.uploadV2 into the answer's thread, against the local Web API.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

const uploadIn = (threadTs: string | undefined, channel = 'C0CHAN0001') =>
  waitFor(
    () =>
      [...bot.server.uploads.values()].find(
        (u) => u.completed && u.channel === channel && u.threadTs === threadTs,
      ),
    8000,
    `a chart upload in ${threadTs}`,
  );

function expectPng(upload: SlackUpload): PNG {
  const png = PNG.sync.read(upload.data as Buffer);
  expect(png.width).toBeGreaterThan(1000);
  return png;
}

describe('charts on Slack', () => {
  it('posts the answer, then the market chart in its thread, in the asker language', async () => {
    const ts = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'de combien le nasdaq a baissé ?', ts }));
    const upload = await uploadIn(ts);
    expect(upload.filename).toBe('briefbot-market-fr.png');
    expect(upload.title).toBe('Réaction des marchés, 27 janvier 2025');
    expect(upload.altText).toMatch(/Nasdaq/);
    expectPng(upload);
    const answer = bot.server.callsTo('chat.postMessage').find((c) => c.body.thread_ts === ts);
    expect(String(answer?.body.text ?? '').length).toBeGreaterThan(20);
    // The answer went out before the upload started.
    const order = bot.server.calls.map((c) => c.method);
    expect(order.lastIndexOf('chat.postMessage')).toBeLessThan(
      order.lastIndexOf('files.completeUploadExternal'),
    );
  });

  it('threads the chart under a top-level direct-message answer', async () => {
    const before = bot.server.callsTo('chat.postMessage').length;
    await postEvent(bot.eventsUrl, directMessageEvent({ text: '10M tokens on r1 vs o1', ts: newTs() }));
    const post = await waitFor(() => bot.server.callsTo('chat.postMessage')[before], 5000, 'the DM answer');
    const channel = String(post.body.channel);
    const upload = await waitFor(
      () => [...bot.server.uploads.values()].find((u) => u.completed && u.channel === channel),
      8000,
      'the DM chart',
    );
    expect(upload.filename).toBe('briefbot-cost-en.png');
    expect(upload.threadTs ?? String(post.body.thread_ts)).toBeTruthy();
  });

  it('answers `/ask chart training` with the chart in the channel', async () => {
    const res = await postCommand(bot.eventsUrl, askCommand('chart training', bot.server.responseUrl('c1')));
    expect(res.status).toBe(200);
    const upload = await uploadIn(undefined);
    expect(upload.filename).toBe('briefbot-training-en.png');
    const response = await waitFor(
      () => bot.server.responses.find((r) => r.id === 'c1'),
      5000,
      'the /ask response',
    );
    expect(response.body.response_type).toBe('in_channel');
    expect(String(response.body.text)).toContain('5.576');
  });

  it('keeps the answer when the upload is refused', async () => {
    // One call and its three retries (FAST_RETRY).
    bot.server.failNext('files.getUploadURLExternal', 4, 500);
    const ts = newTs();
    await postEvent(bot.eventsUrl, mentionEvent({ text: 'chart market', ts }));
    await bot.waitForLog('chart not uploaded; the answer stands without it');
    expect(bot.server.callsTo('chat.postMessage').some((c) => c.body.thread_ts === ts)).toBe(true);
  });
});

describe('the local Slack upload API rejects what Slack rejects', () => {
  const call = (method: string, body: Record<string, string>) =>
    fetch(`${bot.server.apiUrl}${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'Bearer xoxb-test-token',
      },
      body: new URLSearchParams(body).toString(),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);

  it('needs a filename and a length, the announced bytes, and an uploaded file to complete', async () => {
    expect(await call('files.getUploadURLExternal', { filename: 'x.png' })).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    const got = await call('files.getUploadURLExternal', { filename: 'x.png', length: '4' });
    expect(got.ok).toBe(true);
    const early = await call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: got.file_id }]),
      channel_id: 'C0CHAN0001',
    });
    expect(early).toMatchObject({ ok: false, error: 'file_not_found' });
    const short = await fetch(String(got.upload_url), { method: 'POST', body: Buffer.from('abc') });
    expect(short.status).toBe(400);
    const ok = await fetch(String(got.upload_url), { method: 'POST', body: Buffer.from('abcd') });
    expect(ok.status).toBe(200);
    const orphanThread = await call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: got.file_id }]),
      thread_ts: '1.2',
    });
    expect(orphanThread).toMatchObject({ ok: false, error: 'invalid_arguments' });
    const done = await call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: got.file_id }]),
      channel_id: 'C0CHAN0001',
    });
    expect(done.ok).toBe(true);
    const twice = await call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: got.file_id }]),
      channel_id: 'C0CHAN0001',
    });
    expect(twice).toMatchObject({ ok: false, error: 'file_not_found' });
  });
});
