import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import {
  askCommand,
  mentionEvent,
  postCommand,
  postEvent,
  SIGNING_SECRET,
  sign,
} from '../helpers/slack-requests.js';
import { sleep } from '../helpers/slack-server.js';

/** HTTP mode checks every request's v0 signature and timestamp before anything runs. */

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({
    customRoutes: [{ path: '/healthz', method: 'GET', handler: (_req, res) => res.writeHead(200).end('ok') }],
  });
});
afterAll(async () => {
  await bot?.close();
});

function nothingPosted(): void {
  expect(bot.server.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  expect(bot.server.responses).toHaveLength(0);
}

describe('request verification', () => {
  it('rejects a bad signature with 401 and posts nothing', async () => {
    const res = await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?' }), {
      secret: 'not-the-signing-secret',
    });
    expect(res.status).toBe(401);
    const cmd = await postCommand(
      bot.eventsUrl,
      askCommand('Who founded DeepSeek?', bot.server.responseUrl('x')),
      {
        signature: 'v0=0000',
      },
    );
    expect(cmd.status).toBe(401);
    await sleep(200);
    nothingPosted();
  });

  it('rejects a correctly signed request older than 5 minutes with 401', async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?' }), {
      timestamp: old,
    });
    expect(res.status).toBe(401);
    await sleep(200);
    nothingPosted();
  });

  it('rejects a request without signature headers', async () => {
    const res = await fetch(bot.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mentionEvent({ text: 'Who founded DeepSeek?' })),
    });
    expect(res.status).toBe(401);
    nothingPosted();
  });

  it('answers the url_verification challenge (signed)', async () => {
    const res = await postEvent(bot.eventsUrl, {
      token: 'x',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    const unsigned = await postEvent(
      bot.eventsUrl,
      { challenge: 'c', type: 'url_verification' },
      { signature: sign(SIGNING_SECRET, 1, '') },
    );
    expect(unsigned.status).toBe(401);
  });
});

describe('the HTTP server', () => {
  it('serves custom routes next to /slack/events and 404 elsewhere', async () => {
    const base = bot.eventsUrl.replace('/slack/events', '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(bot.eventsUrl)).status).toBe(404);
  });

  it('reports healthy while serving', () => {
    expect(bot.bot.healthy()).toBe(true);
    expect(bot.bot.name).toBe('slack');
    expect(bot.bot.mode).toBe('http');
  });
});
