import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { type Callback, startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { buttonClickOn, CHANNEL_ID, messageCommand } from '../helpers/discord-interactions.js';
import { commandProblems } from '../helpers/discord-limits.js';

/** "Ask briefbot" on a message, through the real discord.js client against the local server. */

let bot: TestBot;
beforeAll(async () => {
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  bot = await startTestBot({ engine: () => engine });
});
afterAll(async () => {
  await bot?.close();
});

const buttons = (c: Callback) => (c.data?.components ?? []).flatMap((r) => r.components);

describe('message context-menu command "Ask briefbot"', () => {
  it("answers the message's text privately, with a button that shares the answer in the channel", async () => {
    const interaction = messageCommand(
      bot.server.applicationId,
      'Ask briefbot',
      'how much did nvidia lose on jan 27?',
    );
    const body = await bot.send(interaction);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.description).toMatch(/Nvidia/);
    const share = buttons(body).find((b) => b.custom_id?.startsWith('bb:share:'));
    expect(share?.custom_id).toBe(`bb:share:${CHANNEL_ID}:${interaction.targetId}:en`);

    const click = buttonClickOn(bot.server.applicationId, share?.custom_id ?? '', {
      embeds: body.data?.embeds,
      flags: 64,
    });
    const shared = await bot.send(click);
    expect(shared.type).toBe(4);
    expect(shared.data?.flags ?? 0).toBe(0);
    expect(shared.data?.embeds?.[0]?.description).toBe(body.data?.embeds?.[0]?.description);
    expect(shared.data?.content).toContain(`/${CHANNEL_ID}/${interaction.targetId}`);
    expect(shared.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers French text in French, refuses chatter without a share button, and says when there is no text', async () => {
    const fr = await bot.send(
      messageCommand(bot.server.applicationId, 'Ask briefbot', 'combien a perdu nvidia le 27 janvier ?', {
        locale: 'fr',
      }),
    );
    expect(fr.data?.embeds?.[0]?.description).toMatch(/Nvidia/);
    expect(buttons(fr).find((b) => b.custom_id?.startsWith('bb:share:'))?.label).toBe(
      'Partager dans le salon',
    );

    const chatter = await bot.send(
      messageCommand(bot.server.applicationId, 'Ask briefbot', 'lunch at noon, anyone?'),
    );
    expect(chatter.data?.flags).toBe(64);
    expect(buttons(chatter).some((b) => b.custom_id?.startsWith('bb:share:'))).toBe(false);

    const empty = await bot.send(messageCommand(bot.server.applicationId, 'Ask briefbot', ''));
    expect(empty.data?.content).toContain('no text');
  });

  it('a share click from another channel or without an embed is refused as out of date', async () => {
    const forged = buttonClickOn(
      bot.server.applicationId,
      `bb:share:123456789012345678:123456789012345679:en`,
      {
        embeds: [{ description: 'free nitro' }],
      },
    );
    const body = await bot.send(forged);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds ?? []).toEqual([]);
  });
});

describe('the local server rejects registrations Discord rejects', () => {
  it('names, descriptions and context-menu rules', () => {
    expect(commandProblems([{ name: 'Ask', description: 'x' }])[0]).toMatch(/lowercase/);
    expect(commandProblems([{ name: 'ask', description: '' }])[0]).toMatch(/description/);
    expect(commandProblems([{ name: 'Ask briefbot', type: 3, description: 'no' }])[0]).toMatch(
      /no description/,
    );
    expect(commandProblems([{ name: 'x'.repeat(33), type: 3 }])[0]).toMatch(/1 to 32/);
    expect(
      commandProblems([
        { name: 'ask', description: 'a' },
        { name: 'ask', description: 'b' },
      ]),
    ).toEqual(['1: duplicate name']);
    expect(
      commandProblems([
        { name: 'Ask briefbot', type: 3 },
        { name: 'ask', description: 'a' },
      ]),
    ).toEqual([]);
  });
});

describe('the local server rejects messages Discord rejects', () => {
  it('embed, content and component limits', async () => {
    const { messageProblems } = await import('../helpers/discord-limits.js');
    expect(messageProblems({ content: 'x'.repeat(2001) })).toEqual(['content: at most 2000 characters']);
    expect(messageProblems({ embeds: [{ title: 't'.repeat(257) }] })).toEqual([
      'embeds.0.title: at most 256',
    ]);
    expect(
      messageProblems({
        embeds: [
          {
            description: 'd'.repeat(4000),
            fields: [
              { name: 'n', value: 'v'.repeat(1024) },
              { name: 'n', value: 'v'.repeat(1024) },
            ],
          },
        ],
      }),
    ).toEqual(['embeds.0: more than 6000 characters in all']);
    expect(
      messageProblems({
        components: [
          { type: 1, components: Array.from({ length: 6 }, () => ({ type: 2, custom_id: 'a', label: 'b' })) },
        ],
      }),
    ).toEqual(['components.0: 1 to 5 buttons']);
    const res = await fetch(`${bot.server.apiUrl}/v10/interactions/1/tok/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 4,
        data: { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      }),
    });
    expect(res.status).toBe(400);
  });
});
