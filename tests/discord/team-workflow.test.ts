import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { parsePolicy } from '../../src/services/channel-policy.js';
import { type Callback, startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { buttonClickOn, CHANNEL_ID, slashCommand, snowflake } from '../helpers/discord-interactions.js';

/** Channel policy, refusal etiquette and "Ask a person" through the real discord.js client. */

const HELP_CHANNEL = snowflake();
const ROLE = snowflake();
let bot: TestBot;
let policyText = '';

beforeAll(async () => {
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  policyText = `default:\n  escalation: { channel: "${HELP_CHANNEL}", mention: "${ROLE}" }\n`;
  bot = await startTestBot({ engine: () => engine, policy: () => parsePolicy(policyText) });
});
afterAll(async () => {
  await bot?.close();
});

const buttons = (c: Callback) => (c.data?.components ?? []).flatMap((r) => r.components);
const ask = (question: string, locale = 'en-US') =>
  slashCommand(bot.server.applicationId, 'ask', { question }, { locale });
const sentTo = (channel: string) =>
  bot.server.requests.filter(
    (r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`,
  );

describe('refusal etiquette and "Ask a person" on Discord', () => {
  it('a refusal is private, says "did you mean" once, and offers "Ask a person" that escalates once', async () => {
    const body = await bot.send(ask('who won the 2018 world cup?'));
    expect(body.data?.flags).toBe(64);
    const embed = body.data?.embeds?.[0];
    const text = [
      embed?.description ?? '',
      ...(embed?.fields ?? []).map((f) => `${f.name}\n${f.value}`),
    ].join('\n');
    expect(text.split('Did you mean').length - 1).toBeLessThanOrEqual(1);
    const esc = buttons(body).find((b) => b.custom_id?.startsWith('bb:esc:'));
    expect(esc?.label).toBe('Ask a person');

    const message = { id: snowflake(), embeds: body.data?.embeds, flags: 64 };
    const first = await bot.send(buttonClickOn(bot.server.applicationId, esc?.custom_id ?? '', message));
    expect(first.data?.content).toMatch(/asked the team/);
    expect(first.data?.flags).toBe(64);
    const root = sentTo(HELP_CHANNEL);
    expect(root).toHaveLength(1);
    const posted = root[0]?.body as {
      content: string;
      allowed_mentions: { parse: string[]; roles: string[] };
    };
    expect(posted.content).toMatch(
      new RegExp(
        `^<@&${ROLE}> <@\\d+> asked something briefbot could not settle: “who won the 2018 world cup\\?”`,
      ),
    );
    expect(posted.allowed_mentions).toMatchObject({ parse: [], roles: [ROLE] });
    const thread = bot.server.requests.find(
      (r) => r.method === 'POST' && /\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path),
    );
    expect(thread).toBeDefined();
    const details = bot.server.requests.filter(
      (r) =>
        r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && !r.path.includes(HELP_CHANNEL),
    );
    expect(JSON.stringify(details.at(-1)?.body)).toContain(`https://discord.com/channels/`);

    const second = await bot.send(buttonClickOn(bot.server.applicationId, esc?.custom_id ?? '', message));
    expect(second.data?.content).toMatch(/already been passed/);
    expect(sentTo(HELP_CHANNEL)).toHaveLength(1);
  });

  it('without a target there is no button; a private or one-language channel is respected', async () => {
    policyText = `channels:\n  - { id: "${CHANNEL_ID}", visibility: private, languages: [fr] }\n`;
    const refusal = await bot.send(ask('who won the 2018 world cup?'));
    expect(buttons(refusal).some((b) => b.custom_id?.startsWith('bb:esc:'))).toBe(false);
    const answer = await bot.send(ask('How much did Nvidia lose on January 27?'));
    expect(answer.data?.flags).toBe(64);
    expect(answer.data?.embeds?.[0]?.description).toMatch(/\b(le|la|les|des|du|est)\b/);
    policyText = '';
    const open = await bot.send(ask('How much did Nvidia lose on January 27?'));
    expect(open.data?.flags).toBeUndefined();
  });
});
