import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/adapters/discord/messages.js';
import { renderReply } from '../../src/adapters/discord/render.js';
import type { Engine } from '../../src/core/engine-types.js';
import { t } from '../../src/core/i18n/index.js';
import { createEngine, loadEngineFromDir, loadKnowledge } from '../../src/core/index.js';
import { type Callback, startTestBot, type TestBot } from '../helpers/discord-bot.js';
import {
  autocomplete,
  buttonClick,
  buttonClickOn,
  formSubmit,
  slashCommand,
  snowflake,
} from '../helpers/discord-interactions.js';

const VOTER = snowflake();

/**
 * End to end: the real discord.js client of briefbot, started with startDiscord(), against a local
 * Discord-compatible server, answering from the real knowledge base.
 */

const FRENCH = /\b(le|la|les|des|du|est|sont|par|pour|en)\b/i;
let engine: Engine;
let bot: TestBot;
let broken = false;
let app = '';

beforeAll(async () => {
  engine = loadEngineFromDir(path.resolve('knowledge'));
  bot = await startTestBot({
    engine: () => {
      if (broken) throw new Error('engine exploded');
      return engine;
    },
  });
  app = bot.server.applicationId;
});

afterAll(async () => {
  await bot?.close();
});

const embedOf = (c: Callback) => c.data?.embeds?.[0] ?? {};
const buttonsOf = (c: Callback) => (c.data?.components ?? []).flatMap((row) => row.components);
const customIds = (c: Callback) => buttonsOf(c).flatMap((b) => (b.custom_id ? [b.custom_id] : []));
const callbacksFor = (id: string) =>
  bot.server.requests.filter((r) => r.path.includes(`/interactions/${id}/`));

function ask(question: string, extra: Record<string, boolean> = {}, locale = 'en-US') {
  return slashCommand(app, 'ask', { question, ...extra }, { locale });
}

describe('connection', () => {
  it('identifies with the Guilds intent only and reports healthy', () => {
    expect(bot.server.gatewayLog[0]).toMatchObject({ op: 2, d: { intents: 1 } });
    expect(bot.adapter.healthy()).toBe(true);
  });
});

describe('/ask', () => {
  it('answers in English with the exact rendered embed, publicly, parsing no mention', async () => {
    const question = 'What is the R1 API price?';
    const interaction = ask(question);
    const body = await bot.send(interaction);
    const expected = renderReply(engine.answer({ text: question, locale: 'en-US' }), {
      question,
      followUp: interaction.member.user.id,
    });
    expect(body).toEqual({ type: 4, data: { tts: false, enforce_nonce: false, ...expected } });
    expect(body.data?.flags).toBeUndefined();
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(body).description).toContain('2.19');
    // One source line with the date for the reader; confidence only when it is not high.
    expect(embedOf(body).footer?.text).toMatch(
      /^Source: DeepSeek API pricing, 20 January 2025( · Confidence: \d{1,2}%)?$/,
    );
    expect(customIds(body)).toEqual(
      expect.arrayContaining(['bb:fb:up:r1-api-price:en', 'bb:fb:down:r1-api-price:en']),
    );
    expect(buttonsOf(body).find((b) => b.style === 5)?.url).toMatch(/^https:\/\//);
    expect(callbacksFor(interaction.id)).toHaveLength(1);
  });

  it('answers in French when the Discord locale is fr', async () => {
    const body = await bot.send(ask('What is the R1 API price?', {}, 'fr'));
    const embed = embedOf(body);
    expect(embed.description).toMatch(FRENCH);
    expect(embed.description).toContain('2,19');
    expect(embed.footer?.text).toMatch(
      /^Source : DeepSeek API pricing, 20 janvier 2025( · Confiance : \d{1,2}\s%)?$/u,
    );
    expect(customIds(body)).toContain('bb:fb:up:r1-api-price:fr');
    expect(buttonsOf(body).map((b) => b.label)).toEqual(expect.arrayContaining(['Utile', 'Pas utile']));
  });

  it('refuses an out-of-scope question ephemerally, listing what it can answer', async () => {
    const body = await bot.send(ask('What is the best pizza in Naples?'));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    const embed = embedOf(body);
    expect(embed.title).toBe(t('en').refusal.title);
    const shown = [embed.description, ...(embed.fields ?? []).map((f) => f.value)].join('\n');
    for (const topic of engine.topics()) expect(shown).toContain(topic.name.en);
    expect(customIds(body).some((id) => id.startsWith('bb:fb:'))).toBe(false);
  });

  it('keeps a private answer ephemeral', async () => {
    const body = await bot.send(ask('How much did Nvidia lose?', { private: true }));
    expect(body.data?.flags).toBe(64);
    expect(embedOf(body).title).toBeTruthy();
  });

  it('never pings anyone for a question containing @everyone, @here or a role mention', async () => {
    const question = '@everyone @here <@&123456789012345678> how much did **Nvidia** lose?';
    const body = await bot.send(ask(question));
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.content).toBeUndefined();
    expect(embedOf(body).description).toContain('\\*\\*Nvidia\\*\\*');
  });
});

describe('autocomplete', () => {
  it('returns at most 25 choices within 100 characters, the most relevant first', async () => {
    const body = await bot.send(autocomplete(app, 'ask', { question: 'nvidia' }, 'question'));
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]?.name.toLowerCase()).toContain('nvidia');
    expect(choices).toEqual(engine.complete('nvidia', 'en', 25));
  });

  it('suggests questions in the user locale and handles an empty prefix', async () => {
    const fr = await bot.send(autocomplete(app, 'ask', { question: 'nvidia' }, 'question', { locale: 'fr' }));
    expect(fr.data?.choices).toEqual(engine.complete('nvidia', 'fr', 25));
    const empty = await bot.send(autocomplete(app, 'ask', { question: '' }, 'question'));
    expect((empty.data?.choices ?? []).length).toBeLessThanOrEqual(25);
  });
});

describe('/cost model and /facts topic autocomplete', () => {
  it('offers the models of the loaded price list, filtered by what is typed', async () => {
    const all = await bot.send(autocomplete(app, 'cost', { tokens: '1M', model: '' }, 'model'));
    expect(all.data?.choices).toEqual(engine.models().map((m) => ({ name: m.name, value: m.id })));
    const mini = await bot.send(autocomplete(app, 'cost', { tokens: '1M', model: 'mini' }, 'model'));
    expect(mini.data?.choices?.map((c) => c.value)).toEqual(['openai-o1-mini']);
  });

  it('shows a hot-reloaded model and topic at once, without registering again', async () => {
    const before = engine;
    const kb = loadKnowledge(path.resolve('knowledge'));
    const first = kb.models[0];
    const topic = kb.topics[0];
    if (!first || !topic) throw new Error('empty knowledge');
    engine = createEngine({
      ...kb,
      models: [...kb.models, { ...first, id: 'new-model', name: 'New Model', aliases: [] }],
      topics: [...kb.topics, { ...topic, id: 'new-topic', name: { en: 'New topic', fr: 'Nouveau sujet' } }],
    });
    try {
      const models = await bot.send(autocomplete(app, 'cost', { tokens: '1M', model: 'new' }, 'model'));
      expect(models.data?.choices).toEqual([{ name: 'New Model', value: 'new-model' }]);
      const topics = await bot.send(
        autocomplete(app, 'facts', { topic: 'nouveau' }, 'topic', { locale: 'fr' }),
      );
      expect(topics.data?.choices).toEqual([{ name: 'Nouveau sujet', value: 'new-topic' }]);
    } finally {
      engine = before;
    }
  });
});

describe('/cost, /training, /facts, /about', () => {
  it('/cost prices 10M output tokens on R1 at $21.90, publicly', async () => {
    const r1 = engine.models().find((m) => /R1/.test(m.name));
    const body = await bot.send(
      slashCommand(app, 'cost', { tokens: '10M', model: r1?.id ?? '', direction: 'output' }),
    );
    expect(body.data?.flags).toBeUndefined();
    const embed = embedOf(body);
    expect([embed.description, ...(embed.fields ?? []).map((f) => f.value)].join('\n')).toContain('21.90');
    // A calculation can be wrong too: it gets 👍 / 👎 under a pseudo entry id.
    expect(customIds(body)).toEqual(
      expect.arrayContaining(['bb:fb:up:calc-cost:en', 'bb:fb:down:calc-cost:en']),
    );
  });

  it('/cost reads the whole amount field: cache hits and multipliers', async () => {
    const body = await bot.send(
      slashCommand(app, 'cost', { tokens: '1000 requests of 5k tokens cached', model: 'o1' }),
    );
    expect(embedOf(body).description).toContain('$37.50');
  });

  it('/cost with an unreadable amount is an ephemeral usage error', async () => {
    const body = await bot.send(slashCommand(app, 'cost', { tokens: 'lots of' }));
    expect(body.data?.flags).toBe(64);
  });

  it('/training uses the V3 report defaults: $5,576,000', async () => {
    const body = await bot.send(slashCommand(app, 'training'));
    const embed = embedOf(body);
    expect([embed.description, ...(embed.fields ?? []).map((f) => f.value)].join('\n')).toContain(
      '5,576,000',
    );
    expect(body.data?.flags).toBeUndefined();
  });

  it('/facts lists the topics, and in French gives the facts of one topic', async () => {
    const list = await bot.send(slashCommand(app, 'facts'));
    const shown = JSON.stringify(embedOf(list));
    for (const topic of engine.topics()) expect(shown).toContain(topic.name.en);
    const market = engine.topics().find((topic) => topic.id === 'market');
    const one = await bot.send(slashCommand(app, 'facts', { topic: 'market' }, { locale: 'fr' }));
    expect(embedOf(one).title).toContain(market?.name.fr);
    expect(JSON.stringify(embedOf(one))).toMatch(FRENCH);
  });

  it('/about explains the sources and how to report a wrong answer', async () => {
    const body = await bot.send(slashCommand(app, 'about'));
    expect(embedOf(body).title).toBe(t('en').about.title);
    expect(body.data?.flags).toBeUndefined();
    // The same overview as Slack's App Home: topics with example questions, and how to ask.
    const names = (embedOf(body).fields ?? []).map((f) => f.name);
    for (const topic of engine.topics()) expect(names).toContain(`${topic.name.en} — try`);
    expect(names).toContain('How to ask me');
    expect(JSON.stringify(embedOf(body).fields)).toContain('Ask briefbot');
    const fr = await bot.send(slashCommand(app, 'about', {}, { locale: 'fr' }));
    expect((embedOf(fr).fields ?? []).map((f) => f.name)).toContain('Comment me poser une question');
  });
});

describe('buttons', () => {
  it('answers a related question only to the clicker, never as a new public message', async () => {
    const first = await bot.send(ask('What is the R1 API price?'));
    const related = customIds(first).find((id) => id.startsWith('bb:rel:') && !id.includes(':chart-')) ?? '';
    const entryId = related.split(':')[2] ?? '';
    const body = await bot.send(buttonClick(app, related));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(embedOf(body).title).toBe(engine.answerEntry(entryId, 'en').title);
    expect(customIds(body)).toContain(`bb:fb:up:${entryId}:en`);
  });

  it('records a 👍 once per person and message and thanks the voter privately, in their language', async () => {
    const before = bot.feedback.votes.length;
    const message = { id: snowflake() };
    const click = () =>
      bot.send(buttonClickOn(app, 'bb:fb:up:nvidia-drop:en', message, { locale: 'fr', userId: VOTER }));
    const body = await click();
    expect(body).toEqual({
      type: 4,
      data: {
        content: t('fr').feedback.recorded,
        tts: false,
        enforce_nonce: false,
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
    expect(bot.feedback.votes.slice(before)).toEqual([
      expect.objectContaining({ platform: 'discord', entryId: 'nvidia-drop', vote: 'up', lang: 'en' }),
    ]);
    expect((await click()).data?.content).toBe(messages.fr.alreadyVoted);
    expect(bot.feedback.votes.slice(before)).toHaveLength(1);
  });

  it('👎 opens a form whose reason and comment are recorded with the vote', async () => {
    const before = bot.feedback.votes.length;
    const messageId = snowflake();
    const opened = await bot.send(
      buttonClickOn(app, 'bb:fb:down:nvidia-drop:en', { id: messageId }, { userId: VOTER }),
    );
    expect(opened.type).toBe(9);
    const modal = opened.data as unknown as {
      custom_id: string;
      title: string;
      components: { type: number; component: { custom_id: string; options?: { value: string }[] } }[];
    };
    expect(modal.title).toBe('What was wrong?');
    expect(modal.components.map((c) => [c.type, c.component.custom_id])).toEqual([
      [18, 'reason'],
      [18, 'comment'],
    ]);
    expect(modal.components[0]?.component.options?.map((o) => o.value)).toEqual([
      'wrong',
      'outdated',
      'unclear',
      'not-asked',
    ]);
    expect(bot.feedback.votes).toHaveLength(before);

    const submitted = [
      { type: 18, id: 1, component: { type: 3, id: 2, custom_id: 'reason', values: ['wrong'] } },
      {
        type: 18,
        id: 3,
        component: { type: 4, id: 4, custom_id: 'comment', value: 'It was -17%, not -16%' },
      },
    ];
    const thanks = await bot.send(formSubmit(app, modal.custom_id, submitted, messageId, { userId: VOTER }));
    expect(thanks.data?.content).toBe(t('en').feedback.recorded);
    expect(thanks.data?.flags).toBe(64);
    expect(bot.feedback.votes.slice(before)).toEqual([
      expect.objectContaining({
        entryId: 'nvidia-drop',
        vote: 'down',
        reason: 'wrong',
        comment: 'It was -17%, not -16%',
      }),
    ]);
    const again = await bot.send(formSubmit(app, modal.custom_id, submitted, messageId, { userId: VOTER }));
    expect(again.data?.content).toBe(messages.en.alreadyVoted);
    expect(bot.feedback.votes.slice(before)).toHaveLength(1);
  });

  it('records a vote on a calculation', async () => {
    const before = bot.feedback.votes.length;
    await bot.send(buttonClick(app, 'bb:fb:up:calc-training:en'));
    expect(bot.feedback.votes.slice(before)).toEqual([
      expect.objectContaining({ platform: 'discord', entryId: 'calc-training', vote: 'up' }),
    ]);
  });

  it('refuses a vote for an entry that does not exist (forged or stale button), recording nothing', async () => {
    const before = bot.feedback.votes.length;
    const body = await bot.send(buttonClick(app, 'bb:fb:up:no-such-entry:en', { locale: 'fr' }));
    expect(body.data).toMatchObject({ content: t('fr').data.unavailable, flags: 64 });
    expect(bot.feedback.votes).toHaveLength(before);
  });

  it('answers a button it does not know ephemerally', async () => {
    const body = await bot.send(buttonClick(app, 'someone-else:button'));
    expect(body.data).toMatchObject({ content: messages.en.staleButton, flags: 64 });
  });
});

describe('errors', () => {
  it('turns a handler failure into one ephemeral apology with an error id, logged in full, and keeps serving', async () => {
    broken = true;
    const interaction = ask('What is the R1 API price?');
    const body = await bot.send(interaction).finally(() => {
      broken = false;
    });
    expect(body.data?.flags).toBe(64);
    const errorId = /error id: ([0-9a-f]{8})/.exec(body.data?.content ?? '')?.[1];
    expect(body.data?.content).toBe(t('en').errors.apology(errorId ?? 'missing'));
    const logged = bot.logs.find((l) => l.errorId === errorId) as {
      err?: { stack?: string };
      level?: number;
    };
    expect(logged?.level).toBe(50);
    expect(logged?.err?.stack).toContain('engine exploded');
    expect(callbacksFor(interaction.id)).toHaveLength(1);
    const next = await bot.send(ask('What is the R1 API price?'));
    expect(next.data?.flags).toBeUndefined();
    expect(bot.adapter.healthy()).toBe(true);
  });

  it('answers an unknown command ephemerally', async () => {
    const body = await bot.send(slashCommand(app, 'dance'));
    expect(body.data).toMatchObject({ content: t('en').errors.unknownCommand, flags: 64 });
  });
});

describe('gateway', () => {
  it('resumes after the connection drops and answers what arrived meanwhile', async () => {
    const resumed = bot.server.waitForSession('resumed');
    bot.server.dropConnection();
    const interaction = ask('Who founded DeepSeek?');
    bot.server.interact(interaction);
    await resumed;
    const body = (await bot.server.waitForCallback(interaction.id)).body as Callback;
    expect(body.type).toBe(4);
    expect(embedOf(body).title).toBeTruthy();
    expect(bot.server.gatewayLog.filter((g) => g.op === 2)).toHaveLength(1);
    expect(bot.server.gatewayLog.at(-1)).toMatchObject({ op: 6, d: { token: expect.any(String) } });
    expect(bot.adapter.healthy()).toBe(true);
    const after = await bot.send(ask('What is the R1 API price?'));
    expect(after.type).toBe(4);
  });
});
