import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/index.js';
import { realEngine, startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, buttonsOf, headerOf, MENTION_MARKUP } from '../helpers/slack-messages.js';
import { askCommand, postCommand } from '../helpers/slack-requests.js';
import { type ResponseUrlPost, sleep, waitFor } from '../helpers/slack-server.js';

/** `/ask` over HTTP: form-encoded, signed; acked at once, answered once through the response_url. */

let bot: TestBot;
let seq = 0;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

/** Sends `/ask <text>`, checks the empty ack, and returns the one respond() it brings. */
async function ask(text: string): Promise<Record<string, unknown>> {
  seq += 1;
  const id = `cmd${seq}`;
  const res = await postCommand(bot.eventsUrl, askCommand(text, bot.server.responseUrl(id)));
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  const posts = (): ResponseUrlPost[] => bot.server.responses.filter((r) => r.id === id);
  const first = await waitFor(() => posts()[0], 5000, `respond() for /ask ${text}`);
  await sleep(100);
  expect(posts()).toHaveLength(1);
  return first.body;
}

describe('/ask', () => {
  it('posts an answer in the channel', async () => {
    const body = await ask("What is R1's output price?");
    expect(body.response_type).toBe('in_channel');
    expect(allText(body)).toContain('2.19');
    expect(headerOf(body)).toBeTruthy();
    expect(buttonsOf(body).some((b) => b.action_id === 'bb_vote_up')).toBe(true);
  });

  it('shows a refusal only to the person who asked', async () => {
    const body = await ask('What is the best pizza recipe in Naples?');
    expect(body.response_type).toBe('ephemeral');
    expect(buttonsOf(body).some((b) => b.action_id.startsWith('bb_vote_'))).toBe(false);
  });

  it('answers `/ask private …` privately', async () => {
    const body = await ask("private What is R1's output price?");
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain('2.19');
    expect(allText(body)).not.toMatch(/\bprivate\b/i);
  });

  it('answers an empty `/ask` with help, privately', async () => {
    const body = await ask('');
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toBe(t('en').help.title);
  });

  it('routes `/ask help` and `/ask topics` through the engine, privately', async () => {
    const help = await ask('help');
    expect(help.response_type).toBe('ephemeral');
    expect(headerOf(help)).toBe(t('en').help.title);
    const topics = await ask('topics');
    expect(topics.response_type).toBe('ephemeral');
    expect(headerOf(topics)).toBe(t('en').topics.title);
  });

  it('computes a cost question and posts it in the channel', async () => {
    const body = await ask('cost 10M tokens on o1');
    expect(body.response_type).toBe('in_channel');
    const text = allText(body);
    expect(text).toContain('$600.00');
    expect(text).not.toContain('**');
  });

  it('answers in French when asked in French', async () => {
    const body = await ask('Combien Nvidia a-t-elle perdu le 27 janvier ?');
    expect(body.response_type).toBe('in_channel');
    expect(allText(body)).toContain(`${t('fr').fact.source} :`);
  });

  it('escapes what the user typed', async () => {
    const body = await ask('<!channel> &lt;!here&gt; <@U0OTHER01> Who founded DeepSeek?');
    expect(JSON.stringify(body)).not.toMatch(MENTION_MARKUP);
  });

  it('apologizes privately with an error id when the handler fails', async () => {
    bot.setEngine(() => {
      throw new Error('engine down');
    });
    try {
      const body = await ask('Who founded DeepSeek?');
      expect(body.response_type).toBe('ephemeral');
      const id = /error id: ([0-9a-f]{8})/.exec(String(body.text))?.[1];
      expect(id).toBeDefined();
      await bot.waitForLog('slack handler failed', { errorId: id });
    } finally {
      bot.setEngine(realEngine);
    }
  });
});
