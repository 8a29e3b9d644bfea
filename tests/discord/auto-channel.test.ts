import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { parsePolicy } from '../../src/services/channel-policy.js';
import { startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { BOT_USER, GUILD_ID, snowflake } from '../helpers/discord-interactions.js';
import { sleep } from '../helpers/slack-server.js';

/** An `auto` channel on Discord: the real client with the Message Content intent, against the local server. */

const AUTO = snowflake();
const OTHER = snowflake();
let bot: TestBot;

const person = { id: snowflake(), username: 'asker', discriminator: '0', global_name: null, avatar: null };

function message(content: string, channelId: string, extra: Record<string, unknown> = {}) {
  return {
    id: snowflake(),
    channel_id: channelId,
    guild_id: GUILD_ID,
    author: person,
    member: { roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    ...extra,
  };
}

const threadsOn = (id: string) =>
  bot.server.requests.filter(
    (r) => r.method === 'POST' && r.path.endsWith(`/channels/${AUTO}/messages/${id}/threads`),
  );

beforeAll(async () => {
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  const policy = parsePolicy(`channels:\n  - { id: "${AUTO}", mode: auto }\n`);
  bot = await startTestBot({ engine: () => engine, policy: () => policy, messageContent: true });
  bot.server.dispatch('GUILD_CREATE', {
    id: GUILD_ID,
    name: 'Local',
    icon: null,
    owner_id: person.id,
    roles: [
      {
        id: GUILD_ID,
        name: '@everyone',
        permissions: '0',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    channels: [
      { id: AUTO, type: 0, name: 'ask-ai', guild_id: GUILD_ID, position: 0, permission_overwrites: [] },
      { id: OTHER, type: 0, name: 'general', guild_id: GUILD_ID, position: 1, permission_overwrites: [] },
    ],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: '2025-01-01T00:00:00.000Z',
    preferred_locale: 'en-US',
  });
  await sleep(100);
});
afterAll(async () => {
  await bot?.close();
});

describe('Discord auto channel', () => {
  it('asks for the Message Content intent only when enabled', () => {
    const identify = bot.server.gatewayLog.find((g) => g.op === 2) as { d: { intents: number } };
    expect(identify.d.intents & (1 << 15)).toBe(1 << 15);
    expect(identify.d.intents & (1 << 9)).toBe(1 << 9);
  });

  it('answers a question in a thread under it, and leaves chatter, other channels and bots alone', async () => {
    const q = message('How much did Nvidia stock fall?', AUTO);
    bot.server.dispatch('MESSAGE_CREATE', q);
    const thread = await bot.server.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith(`/messages/${q.id}/threads`),
    );
    expect((thread.body as { name: string }).name).toContain('Nvidia');
    const answer = await bot.server.waitForRequest(
      (r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && !r.path.includes(AUTO),
    );
    const body = answer.body as { embeds: { description?: string }[]; allowed_mentions: unknown };
    expect(body.embeds[0]?.description).toMatch(/Nvidia/);
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const quiet = [
      message('lunch?', AUTO),
      message('thanks all', AUTO),
      message('How much did Nvidia stock fall?', OTHER),
      message('How much did Nvidia stock fall?', AUTO, { author: { ...BOT_USER, id: snowflake() } }),
      message('<@123456789012345678> how much did Nvidia lose?', AUTO, {
        mentions: [
          { id: '123456789012345678', username: 'x', discriminator: '0', global_name: null, avatar: null },
        ],
      }),
    ];
    for (const m of quiet) bot.server.dispatch('MESSAGE_CREATE', m);
    await sleep(600);
    for (const m of quiet) expect(threadsOn(m.id)).toHaveLength(0);
  });
});
