import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Runs `ask --jsonl` as the scoring tools do: lines on stdin, one JSON object a line on stdout. */
async function askJsonl(lines: string[]): Promise<Record<string, unknown>[]> {
  const { code, out } = await runCli('src/cli/ask.ts', ['--jsonl'], { input: `${lines.join('\n')}\n` });
  expect(code).toBe(0);
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('ask --jsonl with conversations', () => {
  it('keeps interleaved conversations apart, in input order, one object per line', async () => {
    const lines = [
      JSON.stringify({ text: 'how much did nvidia fall on jan 27?', conversation: 'a' }),
      JSON.stringify({ text: 'qui a fondé deepseek ?', conversation: 'b', locale: 'fr' }),
      JSON.stringify({ text: 'source?', conversation: 'a' }),
      'source?',
      JSON.stringify({ text: 'en anglais ?', conversation: 'b' }),
      JSON.stringify({ text: "what's the weather in Paris?", conversation: 'a' }),
      JSON.stringify({ text: 'in short?', conversation: 'a' }),
      '{"text": broken',
      JSON.stringify({ conversation: 'c' }),
      JSON.stringify({ text: 'tes sources ?', conversation: 'b' }),
    ];
    const out = await askJsonl(lines);
    expect(out).toHaveLength(lines.length);
    const [a1, b1, a2, plain, b2, a3, a4, broken, empty, b3] = out as Record<string, unknown>[];
    expect(a1?.answered).toBe(true);
    expect(a2).toMatchObject({ question: 'source?', answered: true, entry: a1?.entry, lang: 'en' });
    // A plain line stays standalone: no conversation to take a source from.
    expect(plain?.entry).not.toBe(a1?.entry);
    expect(plain).toMatchObject({ answered: false, kind: 'help', entry: null });
    expect(b1).toMatchObject({ lang: 'fr', answered: true });
    expect(b2).toMatchObject({ entry: b1?.entry, lang: 'en', answered: true });
    expect(a3).toMatchObject({ answered: false, kind: 'none' });
    expect(a4).toMatchObject({ answered: true, entry: a1?.entry });
    expect(String(a4?.text).length).toBeLessThan(String(a1?.text).length);
    expect(broken?.question).toBe('{"text": broken');
    expect(empty?.answered).toBe(false);
    // After "en anglais ?", conversation b went on in English; "tes sources ?" is French wording.
    expect(b3).toMatchObject({ entry: b1?.entry, lang: 'fr', answered: true });
  }, 60_000);
});

describe('JsonlSession', () => {
  it('keeps conversations with long ids apart, sharing a prefix or not', async () => {
    const { JsonlSession } = await import('../../src/cli/jsonl.js');
    const { loadEngineFromDir } = await import('../../src/core/index.js');
    const session = new JsonlSession(loadEngineFromDir('knowledge'));
    const a = `${'x'.repeat(5000)}a`;
    const b = `${'x'.repeat(5000)}b`;
    const line = (text: string, conversation: string) => JSON.stringify({ text, conversation });
    const first = session.answer(line('Who founded DeepSeek?', a));
    expect(session.answer(line('source?', b))).toMatchObject({ answered: false, kind: 'help' });
    expect(session.answer(line('source?', a))).toMatchObject({ answered: true, entry: first.entry });
    // A number is a conversation id too.
    session.answer(JSON.stringify({ text: 'Who founded DeepSeek?', conversation: 7 }));
    expect(session.answer(JSON.stringify({ text: 'source?', conversation: '7' }))).toMatchObject({
      answered: true,
    });
  });
});
