import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, headerOf } from '../helpers/slack-messages.js';
import { askCommand, mentionEvent, newTs } from '../helpers/slack-requests.js';
import { sleep, waitFor } from '../helpers/slack-server.js';

/** Socket Mode: apps.connections.open on the local Web API, then a local WebSocket that says hello. */

let bot: TestBot;
let routesPort = 0;
beforeAll(async () => {
  bot = await startTestBot({
    mode: 'socket',
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') },
    ],
  });
  routesPort = bot.bot.port ?? 0;
});
afterAll(async () => {
  await bot?.close();
});

let envelopeSeq = 0;
function send(type: string, payload: Record<string, unknown>, retryAttempt = 0): string {
  envelopeSeq += 1;
  const envelopeId = `env-${envelopeSeq}-${Date.now()}`;
  bot.server.sendEnvelope({
    envelope_id: envelopeId,
    type,
    payload,
    accepts_response_payload: type !== 'events_api',
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? 'timeout' : '',
  });
  return envelopeId;
}

describe('Socket Mode', () => {
  it('opens the connection with the app token and is healthy after hello', () => {
    const open = bot.server.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-test-token');
    expect(bot.server.socketCount).toBe(1);
    expect(bot.bot.mode).toBe('socket');
    expect(bot.bot.healthy()).toBe(true);
  });

  it('acks an app_mention envelope (retry_attempt 0) and answers in a thread', async () => {
    const ts = newTs();
    const envelopeId = send('events_api', mentionEvent({ text: "What is R1's output price?", ts }));
    const ack = await waitFor(() => bot.server.acks.find((a) => a.envelope_id === envelopeId));
    expect(ack.envelope_id).toBe(envelopeId);
    const post = await waitFor(() =>
      bot.server.callsTo('chat.postMessage').find((c) => c.body.thread_ts === ts),
    );
    expect(headerOf(post.body)).toBeTruthy();
    expect(allText(post.body)).toContain('2.19');
  });

  it('acks but does not answer a redelivery (retry_attempt 1) of the same event', async () => {
    const ts = newTs();
    const event = mentionEvent({ text: 'Who founded DeepSeek?', ts });
    send('events_api', event);
    await waitFor(() => bot.server.callsTo('chat.postMessage').find((c) => c.body.thread_ts === ts));
    const retryId = send('events_api', event, 1);
    await waitFor(() => bot.server.acks.find((a) => a.envelope_id === retryId));
    await bot.waitForLog('slack duplicate event ignored', { eventId: event.event_id as string });
    await sleep(100);
    expect(bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it('handles /ask over the socket: ack, then respond() to the response_url', async () => {
    const envelopeId = send(
      'slash_commands',
      askCommand("What is R1's output price?", bot.server.responseUrl('sock1')),
    );
    await waitFor(() => bot.server.acks.find((a) => a.envelope_id === envelopeId));
    const res = await waitFor(() => bot.server.responses.find((r) => r.id === 'sock1'));
    expect(res.body.response_type).toBe('in_channel');
  });

  it('serves custom routes on their own port', async () => {
    expect(routesPort).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${routesPort}/healthz`);
    expect(res.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${routesPort}/other`)).status).toBe(404);
  });

  it('disconnects cleanly on stop() and reports unhealthy', async () => {
    await bot.bot.stop();
    expect(bot.bot.healthy()).toBe(false);
    await waitFor(() => bot.server.socketCount === 0, 2000, 'the socket to close');
  });
});
