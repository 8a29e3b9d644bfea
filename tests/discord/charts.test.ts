import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartRenderer } from '../../src/charts/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { buttonClick, slashCommand } from '../helpers/discord-interactions.js';

/** Charts end to end: the real discord.js client uploads the PNG its embed shows, to a local Discord. */
let bot: TestBot;
let app = '';
const engine = loadEngineFromDir(path.resolve('knowledge'));

beforeAll(async () => {
  bot = await startTestBot({ engine: () => engine });
  app = bot.server.applicationId;
});
afterAll(async () => {
  await bot?.close();
});

async function send(interaction: { id: string }) {
  const body = await bot.send(interaction);
  const request = bot.server.requests.find((r) => r.path.includes(`/interactions/${interaction.id}/`));
  return { body, files: request?.files ?? [] };
}

type Embed = { image?: { url: string }; title?: string; description?: string };
const embedOf = (body: { data?: { embeds?: unknown[] } }) => (body.data?.embeds?.[0] ?? {}) as Embed;

describe('charts on Discord', () => {
  it('attaches the market chart as the embed image of a market answer', async () => {
    const { body, files } = await send(
      slashCommand(app, 'ask', { question: 'how much did nvidia and the others fall?' }),
    );
    expect(body.type).toBe(4);
    expect(embedOf(body).image?.url).toBe('attachment://briefbot-market-en.png');
    expect(files.map((f) => f.name)).toEqual(['briefbot-market-en.png']);
    const png = PNG.sync.read(files[0]?.data as Buffer);
    expect(png.width).toBeGreaterThan(1000);
    // The file part files[0] is declared as attachment 0, with the chart's alternative text.
    const attachments = (body.data?.attachments ?? []) as { id: string; description?: string }[];
    expect(attachments.map((a) => String(a.id))).toEqual(['0']);
    expect(attachments[0]?.description).toMatch(/Nasdaq/);
    // The answer's first line answers in one sentence; the text stays.
    expect(embedOf(body).description).toBeTruthy();
  });

  it('answers /chart in the user language, with a "Show as chart" button elsewhere', async () => {
    const { body, files } = await send(slashCommand(app, 'chart', { kind: 'training' }, { locale: 'fr' }));
    expect(embedOf(body).title).toContain('entraînement');
    expect(files.map((f) => f.name)).toEqual(['briefbot-training-fr.png']);

    const fact = await send(slashCommand(app, 'ask', { question: 'nvidia market cap loss?' }));
    expect(fact.files).toEqual([]);
    const button = (fact.body.data?.components ?? [])
      .flatMap((row) => row.components)
      .find((b) => b.custom_id === 'bb:rel:chart-market:en');
    expect(button?.label).toBe('Show as chart');
    const clicked = await send(buttonClick(app, 'bb:rel:chart-market:en'));
    expect(clicked.files.map((f) => f.name)).toEqual(['briefbot-market-en.png']);
  });

  it('puts the cost chart on a cost answer', async () => {
    const { files } = await send(slashCommand(app, 'cost', { tokens: '10M', model: 'o1' }));
    expect(files.map((f) => f.name)).toEqual(['briefbot-cost-en.png']);
  });

  it('still answers, without the image, when the chart cannot be rendered', async () => {
    const charts = bot.services.charts;
    const broken: ChartRenderer = { size: 0, png: () => Promise.reject(new Error('rasterizer down')) };
    bot.services.charts = broken;
    try {
      const { body, files } = await send(slashCommand(app, 'chart', { kind: 'market' }));
      expect(body.type).toBe(4);
      expect(files).toEqual([]);
      expect(embedOf(body).image).toBeUndefined();
      expect(embedOf(body).title).toContain('Market reaction');
      expect(bot.logs.some((l) => l.msg === 'chart not rendered; answering without it')).toBe(true);
    } finally {
      if (charts) bot.services.charts = charts;
    }
  });
});
