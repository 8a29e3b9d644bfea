import { describe, expect, it } from 'vitest';
import { startSlack } from '../../src/adapters/slack/index.js';
import { silentLogger } from '../../src/logger.js';
import { createServices } from '../../src/services/index.js';
import { FAST_RETRY, realEngine, startTestBot } from '../helpers/slack-bot.js';
import { mentionEvent, newTs, postEvent, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer, waitFor } from '../helpers/slack-server.js';

/** Starting and stopping the adapter. */

describe('startSlack', () => {
  it('rejects when the token check (auth.test) fails, instead of crashing later', async () => {
    const server = await SlackServer.start();
    server.failNext('auth.test', 10, 500);
    const services = createServices({ engine: realEngine, logger: silentLogger() });
    try {
      await expect(
        startSlack(
          { botToken: 'xoxb-bad', signingSecret: SIGNING_SECRET, apiUrl: server.apiUrl, mode: 'http' },
          services,
          { port: 0, host: '127.0.0.1', retryConfig: FAST_RETRY },
        ),
      ).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('stop() stops taking requests and lets a reply in flight reach Slack', async () => {
    const bot = await startTestBot();
    try {
      const ts = newTs();
      bot.server.failNext('chat.postMessage', 1, 429, 1);
      await postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?', ts }));
      await waitFor(() => bot.server.calls.find((c) => c.method === 'chat.postMessage' && c.status === 429));
      expect(bot.bot.inFlight()).toBe(1);
      await bot.bot.stop();
      expect(bot.bot.healthy()).toBe(false);
      expect(bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
      await expect(
        postEvent(bot.eventsUrl, mentionEvent({ text: 'Who founded DeepSeek?' })),
      ).rejects.toThrow();
    } finally {
      await bot.close();
    }
  });
});
