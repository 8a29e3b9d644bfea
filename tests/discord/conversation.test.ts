import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_INPUT, followUpModal } from '../../src/adapters/discord/conversation.js';
import { messages } from '../../src/adapters/discord/messages.js';
import type { Engine } from '../../src/core/engine-types.js';
import { t } from '../../src/core/i18n/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { type Callback, startTestBot, type TestBot } from '../helpers/discord-bot.js';
import {
  buttonClick,
  CHANNEL_ID,
  GUILD_ID,
  modalSubmit,
  slashCommand,
  snowflake,
} from '../helpers/discord-interactions.js';

/** Multi-turn conversations through the real discord.js client and the local Discord server. */

let engine: Engine;
let bot: TestBot;
let app = '';

beforeAll(async () => {
  engine = loadEngineFromDir(path.resolve('knowledge'));
  bot = await startTestBot({ engine: () => engine });
  app = bot.server.applicationId;
});
afterAll(async () => {
  await bot?.close();
});

const embedOf = (c: Callback) => c.data?.embeds?.[0] ?? {};
const customIds = (c: Callback) =>
  (c.data?.components ?? [])
    .flatMap((row) => row.components)
    .flatMap((b) => (b.custom_id ? [b.custom_id] : []));
const ask = (question: string, userId: string, locale = 'en-US') =>
  slashCommand(app, 'ask', { question }, { userId, locale });
const callbackOf = (id: string) =>
  bot.server.requests.find((r) => r.method === 'POST' && r.path.includes(`/interactions/${id}/`));

describe('/ask conversations', () => {
  it('a second /ask by the same user in the same channel continues the conversation', async () => {
    const alice = snowflake();
    const first = await bot.send(ask('Who founded DeepSeek?', alice));
    const entry = engine.answer({ text: 'Who founded DeepSeek?' });
    expect(embedOf(first).title).toBe(entry.title);
    const second = await bot.send(ask('source?', alice));
    expect(second.data?.flags).toBeUndefined();
    expect(embedOf(second).title).toBe(t('en').conversation.sourceTitle);
    expect(embedOf(second).footer?.text).toContain(String(entry.source?.label));
    const third = await bot.send(ask('en français ?', alice));
    expect(embedOf(third).title).toBe(engine.answerEntry(String(entry.entryId), 'fr').title);
  });

  it('another user’s /ask is not part of it', async () => {
    const alice = snowflake();
    const bob = snowflake();
    await bot.send(ask('Who founded DeepSeek?', alice));
    const other = await bot.send(ask('source?', bob));
    expect(other.data?.flags).toBe(64);
    expect(embedOf(other).title).toBe(t('en').conversation.nothingYetTitle);
  });
});

describe('the Follow up button and modal', () => {
  it('opens a modal within Discord’s limits; its question continues the conversation', async () => {
    const alice = snowflake();
    const first = await bot.send(ask('How much did Nvidia fall on January 27?', alice));
    const follow = customIds(first).find((id) => id.startsWith('bb:fu:'));
    expect(follow).toBe(`bb:fu:${alice}:en`);
    const click = buttonClick(app, String(follow), { userId: alice });
    const modal = await bot.send(click);
    expect(modal).toEqual({ type: 9, data: followUpModal(alice, 'en') });
    // The local server checks modals as Discord does: this one was accepted.
    expect(callbackOf(click.id)?.status).toBeLessThan(300);
    const submit = modalSubmit(
      app,
      String(modal.data?.custom_id),
      { [FOLLOW_UP_INPUT]: 'in short?' },
      { userId: alice },
    );
    const answer = await bot.send(submit);
    const full = engine.answer({ text: 'How much did Nvidia fall on January 27?' });
    expect(answer.type).toBe(4);
    expect(answer.data?.flags).toBeUndefined();
    expect(embedOf(answer).title).toBe(full.title);
    expect(embedOf(answer).description?.length).toBeLessThan(
      `> How much did Nvidia fall on January 27?\n\n${full.body}`.length,
    );
    expect(embedOf(answer).description).toContain('> in short?');
    // The answer to a follow-up offers the next one.
    expect(customIds(answer)).toContain(`bb:fu:${alice}:en`);
  });

  it('someone else following up on an answer leans on it, in a conversation of their own', async () => {
    const alice = snowflake();
    const bob = snowflake();
    await bot.send(ask('What license is DeepSeek-R1 under?', alice));
    const modal = await bot.send(buttonClick(app, `bb:fu:${alice}:en`, { userId: bob, locale: 'fr' }));
    expect(modal.data?.title).toBe(t('fr').conversation.followUpTitle);
    const answer = await bot.send(
      modalSubmit(app, String(modal.data?.custom_id), { [FOLLOW_UP_INPUT]: 'source?' }, { userId: bob }),
    );
    const license = engine.answer({ text: 'What license is DeepSeek-R1 under?' });
    expect(embedOf(answer).footer?.text).toContain(String(license.source?.label));
    // Bob can go on in his own conversation; Alice's was not touched.
    const bobNext = await bot.send(ask('in short?', bob));
    expect(embedOf(bobNext).title).toBe(license.title);
    const aliceTurns = await bot.services.conversations.load(`discord:${GUILD_ID}:${CHANNEL_ID}:${alice}`);
    expect(aliceTurns.turns.map((turn) => turn.entryId)).toEqual([license.entryId]);
  });

  it('a forged or stale modal gets a private notice, and an empty one asks for a question', async () => {
    const forged = await bot.send(modalSubmit(app, 'bb:fm:not-an-id:en', { [FOLLOW_UP_INPUT]: 'source?' }));
    expect(forged.data).toMatchObject({ flags: 64, content: messages.en.staleButton });
    const empty = await bot.send(modalSubmit(app, `bb:fm:${snowflake()}:en`, { [FOLLOW_UP_INPUT]: '   ' }));
    expect(empty.data?.flags).toBe(64);
  });
});

describe('related-question buttons answer in the conversation', () => {
  it('privately to the clicker, who can then follow up on that answer', async () => {
    const carol = snowflake();
    const first = await bot.send(ask('What is the R1 API price?', carol));
    const related = customIds(first).find((id) => id.startsWith('bb:rel:') && !id.includes(':chart-')) ?? '';
    const entryId = related.split(':')[2] ?? '';
    const click = await bot.send(buttonClick(app, related, { userId: carol }));
    expect(click.data?.flags).toBe(64);
    expect(embedOf(click).title).toBe(engine.answerEntry(entryId, 'en').title);
    const next = await bot.send(ask('source?', carol));
    expect(embedOf(next).footer?.text).toContain(String(engine.answerEntry(entryId, 'en').source?.label));
  });
});

describe('the local Discord server rejects modals Discord rejects', () => {
  async function postModal(data: unknown): Promise<number> {
    const id = snowflake();
    const res = await fetch(`${bot.server.apiUrl}/v10/interactions/${id}/tok/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 9, data }),
    });
    return res.status;
  }

  it('accepts the bot’s modal and refuses six rows, a long label, a long custom_id or a long title', async () => {
    const good = followUpModal(snowflake(), 'fr');
    expect(await postModal(good)).toBe(204);
    const row = good.components[0];
    expect(await postModal({ ...good, components: Array.from({ length: 6 }, () => row) })).toBe(400);
    const input = (row as unknown as { components: Record<string, unknown>[] }).components[0];
    const withInput = (changes: Record<string, unknown>) => ({
      ...good,
      components: [{ type: 1, components: [{ ...input, ...changes }] }],
    });
    expect(await postModal(withInput({ label: 'x'.repeat(46) }))).toBe(400);
    expect(await postModal(withInput({ custom_id: 'x'.repeat(101) }))).toBe(400);
    expect(await postModal(withInput({ max_length: 4001 }))).toBe(400);
    expect(await postModal({ ...good, custom_id: 'x'.repeat(101) })).toBe(400);
    expect(await postModal({ ...good, title: 'x'.repeat(46) })).toBe(400);
  });

  it('refuses a second callback to an interaction already answered (a modal after an answer)', async () => {
    const submit = modalSubmit(app, 'bb:fm:1:en', {});
    bot.server.interact(submit);
    await bot.server.waitForCallback(submit.id);
    const again = await fetch(`${bot.server.apiUrl}/v10/interactions/${submit.id}/${submit.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 9, data: followUpModal(snowflake(), 'en') }),
    });
    expect(again.status).toBe(400);
  });
});
