import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine-types.js';
import { t } from '../../src/core/i18n/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { MemoryState } from '../../src/services/memory.js';
import { startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { slashCommand } from '../helpers/discord-interactions.js';

/**
 * Deferral, rate limit and shutdown, end to end. The rate-limit store is made slow on demand (as a
 * remote Redis can be) and the bot defers after 100 ms instead of 1.5 s to keep the suite fast.
 */

class SlowState extends MemoryState {
  delayMs = 0;
  override async increment(key: string, windowSeconds: number): Promise<number> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    return super.increment(key, windowSeconds);
  }
}

const state = new SlowState();
let engine: Engine;
let broken = false;
let bot: TestBot;
let app = '';

beforeAll(async () => {
  engine = loadEngineFromDir(path.resolve('knowledge'));
  bot = await startTestBot({
    engine: () => {
      if (broken) throw new Error('engine exploded late');
      return engine;
    },
    state,
    rateLimitPerMinute: 3,
    deferAfterMs: 100,
  });
  app = bot.server.applicationId;
});

afterAll(async () => {
  await bot?.close();
});

function webhook(token: string, method: string) {
  return bot.server.waitForRequest(
    (r) => r.method === method && r.path.startsWith(`/api/v10/webhooks/${app}/${token}`),
  );
}

describe('when the answer is slow', () => {
  it('defers publicly, then edits the original with the answer', async () => {
    state.delayMs = 300;
    const interaction = slashCommand(app, 'ask', { question: 'What is the R1 API price?' });
    const callback = await bot.send(interaction);
    expect(callback).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await webhook(interaction.token, 'PATCH');
    expect(edit.path).toBe(`/api/v10/webhooks/${app}/${interaction.token}/messages/@original`);
    const body = edit.body as {
      embeds: { description: string }[];
      allowed_mentions: unknown;
      flags?: number;
    };
    expect(body.embeds[0]?.description).toContain('2.19');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
  });

  it('defers ephemerally for a private question', async () => {
    state.delayMs = 300;
    const interaction = slashCommand(app, 'ask', { question: 'Who founded DeepSeek?', private: true });
    expect(await bot.send(interaction)).toEqual({ type: 5, data: { flags: 64 } });
    await webhook(interaction.token, 'PATCH');
  });

  it('replaces a public deferral by an ephemeral follow-up for a refusal', async () => {
    state.delayMs = 300;
    const interaction = slashCommand(app, 'ask', { question: 'What is the best pizza in Naples?' });
    expect((await bot.send(interaction)).type).toBe(5);
    await webhook(interaction.token, 'DELETE');
    const followUp = await webhook(interaction.token, 'POST');
    expect(followUp.body).toMatchObject({ flags: 64, embeds: [{ title: t('en').refusal.title }] });
  });

  it('turns a failure after a public deferral into one ephemeral apology', async () => {
    state.delayMs = 300;
    broken = true;
    const interaction = slashCommand(app, 'ask', { question: 'What is the R1 API price?' });
    try {
      expect((await bot.send(interaction)).type).toBe(5);
      await webhook(interaction.token, 'DELETE');
      const followUp = await webhook(interaction.token, 'POST');
      expect(followUp.body).toMatchObject({
        flags: 64,
        content: expect.stringMatching(/error id: [0-9a-f]{8}/),
      });
    } finally {
      broken = false;
    }
    expect(bot.server.webhookRequests(interaction.token)).toHaveLength(2);
  });
});

describe('rate limit', () => {
  it('answers a user over the limit with an ephemeral notice', async () => {
    state.delayMs = 0;
    const who = { userId: '123456789012345678' };
    for (let i = 0; i < 3; i += 1) {
      const ok = await bot.send(slashCommand(app, 'about', {}, who));
      expect(ok.data?.flags).toBeUndefined();
    }
    const limited = await bot.send(slashCommand(app, 'about', {}, who));
    expect(limited.data).toMatchObject({ flags: 64, embeds: [{ title: t('en').limits.title }] });
  });
});

describe('stop', () => {
  it('lets a reply in flight finish, then disconnects and reports unhealthy', async () => {
    state.delayMs = 300;
    const interaction = slashCommand(app, 'training');
    bot.server.interact(interaction);
    await bot.server.waitForCallback(interaction.id);
    await bot.adapter.stop();
    const edit = bot.server.webhookRequests(interaction.token).find((r) => r.method === 'PATCH');
    expect(edit).toBeDefined();
    expect(bot.adapter.healthy()).toBe(false);
  });
});
