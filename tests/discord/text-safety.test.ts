import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine-types.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { type Callback, startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { messageCommand, slashCommand } from '../helpers/discord-interactions.js';

/**
 * Hostile text through the real discord.js client against the local Discord server: whatever a user
 * types and the bot echoes — the question above an /ask answer (public or private), the amount in a
 * /cost error, a message given to "Ask briefbot" — comes back with no live link (masked link, markdown
 * link, bare or bracketed address, invite) and none of the invisible or direction-changing characters.
 */

const HOSTILE = [
  '[How much did Nvidia fall?](https://nvidia.example/fall)',
  'How much did Nvidia fall? https://evil.example/x <https://evil.example/y> www.evil.example discord.gg/abc',
  '\u202Eenilno ecnanif\u202C How much did Nvidia fall?\u200B\u0000\u2066x\u2069\uFEFF\u200E\u200F',
  '# Nvidia fell\n-# tiny print\n## How much did Nvidia fall?',
  '**bold** `code` > quote ||spoiler|| [a](<https://x.example>) [b]( https://y.example "t")',
  'Nvidia \u001b[31mred\u001b[0m \u00ad\u2060\u2062\u061c\u180e fall? steam://run/1 HTTPS://UPPER.example',
  '\u3164\u115f [ok](javascript:alert(1)) how much did nvidia fall',
];

let engine: Engine;
let bot: TestBot;
let app = '';
beforeAll(async () => {
  engine = loadEngineFromDir(path.resolve('knowledge'));
  bot = await startTestBot({ engine: () => engine, rateLimitPerMinute: 1000 });
  app = bot.server.applicationId;
});
afterAll(async () => {
  await bot?.close();
});

/** Every piece of text a reply shows. */
function texts(c: Callback): string[] {
  const out: string[] = [];
  if (c.data?.content) out.push(c.data.content);
  for (const e of c.data?.embeds ?? []) {
    out.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const row of c.data?.components ?? []) for (const b of row.components) out.push(b.label ?? '');
  return out.filter((s) => s !== '');
}

const LIVE_LINK = [
  /\[[^\]]*\]\(\s*<?[a-z][a-z0-9+.-]*:/i, // masked / markdown link
  /\b[a-z][a-z0-9+.-]*:\/\//i, // an address any client auto-links
  /\bwww\./i,
  /\bdiscord(?:app)?\.(?:gg|com)\//i,
];
/** Controls, bidi, zero-width, BOM, soft hyphen, fillers (a field that is only U+200B is Discord's empty). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u3164\u115f]/u;

function expectSafe(c: Callback, hostile: string): void {
  const all = texts(c);
  expect(all.length).toBeGreaterThan(0);
  for (const text of all) {
    for (const re of LIVE_LINK) expect(text, `live link for ${JSON.stringify(hostile)}`).not.toMatch(re);
    const visible = text === '\u200b' ? '' : text.replace(/\n/g, '');
    expect(visible, `invisible character for ${JSON.stringify(hostile)}`).not.toMatch(INVISIBLE);
    expect(text).not.toMatch(/^\s*(#{1,3}|-#)\s/m);
  }
}

describe('hostile strings echoed on Discord', () => {
  it.each(HOSTILE)('/ask public and private: %j', async (question) => {
    for (const extra of [{}, { private: true }] as Record<string, boolean>[]) {
      const reply = await bot.send(slashCommand(app, 'ask', { question, ...extra }));
      expect(reply.type).toBe(4);
      expectSafe(reply, question);
    }
  });

  it.each(HOSTILE)('/cost tokens: %j', async (tokens) => {
    expectSafe(await bot.send(slashCommand(app, 'cost', { tokens: tokens.slice(0, 100) })), tokens);
  });

  it.each(HOSTILE)('"Ask briefbot" on a message: %j', async (content) => {
    expectSafe(await bot.send(messageCommand(app, 'Ask briefbot', content)), content);
  });

  it('the question is still shown, readable, above the answer', async () => {
    const reply = await bot.send(slashCommand(app, 'ask', { question: HOSTILE[0] as string }));
    const description = reply.data?.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/How much did Nvidia fall\?/);
    expect(description).toContain('nvidia.example/fall');
    const bidi = await bot.send(slashCommand(app, 'ask', { question: HOSTILE[2] as string }));
    expect(bidi.data?.embeds?.[0]?.description ?? '').toContain('enilno ecnanif How much did Nvidia fall?x');
  });
});
