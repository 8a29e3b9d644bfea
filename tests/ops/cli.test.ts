import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanEnv, spawnMain } from './spawn-main.js';
import { tempDir } from './support.js';

/** The command-line faces, spawned as a user runs them: the console chat, `ask`, `ask --jsonl`, `kb:check`. */

const run = (script: string, args: string[], input?: string) => runCli(script, args, { input });

describe('the console chat (npm start with no token)', () => {
  it('answers what is typed, in English and French, and "quit" ends it with exit 0', async () => {
    const data = tempDir();
    const main = spawnMain(cleanEnv({ DATA_DIR: data.dir }));
    try {
      const stdin = main.child.stdin;
      if (!stdin) throw new Error('no stdin');
      const until = async (re: RegExp) => {
        for (let i = 0; i < 300 && !re.test(main.stdout()); i += 1)
          await new Promise((r) => setTimeout(r, 50));
        expect(main.stdout()).toMatch(re);
      };
      await until(/briefbot — \d+ facts/);
      stdin.write('How much did Nvidia fall?\n');
      await until(/17\s?%|16[.,]97/);
      stdin.write('Combien a coûté l’entraînement de DeepSeek-V3 ?\n');
      await until(/5[.,]6|5,58|millions/);
      stdin.write('\u202Ewhat is\u0000 the MIT license about?\n');
      stdin.write('quit\n');
      expect(await main.exited).toBe(0);
      expect(main.stdout().includes('\u202E') || main.stdout().includes('\u0000')).toBe(false);
      expect(main.stderr()).toBe('');
    } finally {
      await main.kill();
      data.cleanup();
    }
  });

  it('ends with exit 0 when stdin closes', async () => {
    const data = tempDir();
    const main = spawnMain(cleanEnv({ DATA_DIR: data.dir }));
    try {
      main.child.stdin?.end('Who founded DeepSeek?\n');
      expect(await main.exited).toBe(0);
      expect(main.stdout()).toMatch(/Liang Wenfeng/);
    } finally {
      await main.kill();
      data.cleanup();
    }
  });
});

describe('npm run ask', () => {
  it('prints the plain-text answer to one question', async () => {
    const { code, out } = await run('src/cli/ask.ts', ['How much did Nvidia fall?']);
    expect(code).toBe(0);
    expect(out).toMatch(/Nvidia/);
    expect(out.trim().startsWith('{')).toBe(false);
  });

  it('--jsonl: one JSON object per input line, in order, whatever the line holds', async () => {
    const lines = [
      'How much did Nvidia fall?',
      'combien coûte R1 par million de tokens ?',
      '{"text": "Who founded DeepSeek?", "conversation": "a"}',
      '{not json',
      '',
      'x'.repeat(5000),
    ];
    const { code, out, err } = await run('src/cli/ask.ts', ['--jsonl'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    expect(err).toBe('');
    const objects = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; answered: boolean; lang: string; text: string });
    expect(objects).toHaveLength(lines.length);
    expect(objects[0]).toMatchObject({ answered: true, lang: 'en' });
    expect(objects[1]).toMatchObject({ lang: 'fr' });
    expect(objects[2]?.text).toMatch(/Liang Wenfeng/);
    for (const o of objects) expect(typeof o.text).toBe('string');
  });
});

describe('npm run kb:check', () => {
  it('passes the repository knowledge with exit 0', async () => {
    const { code, out } = await run('src/cli/kb-check.ts', ['knowledge']);
    expect(code).toBe(0);
    expect(out).toMatch(/\d+ files, \d+ entries in \d+ topics/);
    expect(out).toContain('Knowledge base OK.');
  });

  it('names file, entry and field of every problem, exit 1', async () => {
    const { code, out } = await run('src/cli/kb-check.ts', [path.join('tests', 'fixtures', 'kb-broken')]);
    expect(code).toBe(1);
    expect(out).toMatch(/error\s+market\.yaml.*nvidia-drop.*related/);
    expect(out).toMatch(/market\.yaml.*nasdaq-drop/);
    expect(out).toMatch(/\d+ error\(s\)/);
  });

  it('a folder that does not exist: a clear message, exit 1', async () => {
    const { code, err } = await run('src/cli/kb-check.ts', ['no/such/folder']);
    expect(code).toBe(1);
    expect(err).toMatch(/no\/such\/folder/);
  });
});
