import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../ops/spawn-main.js';
import { tempDir } from '../ops/support.js';

/** `npm run ask -- --chart out.png "question"`, spawned as a user runs it. */
async function ask(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out, err };
}

describe('npm run ask -- --chart', () => {
  it('prints the answer with text bars and writes the chart PNG; says so when there is no chart', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'market.png');
      const done = await ask(['--chart', file, 'graphique bourse']);
      expect(done.code).toBe(0);
      expect(done.out).toMatch(/^Nvidia +█+.* −16,97/m);
      expect(done.out).not.toMatch(/`|\*\*/);
      expect(PNG.sync.read(readFileSync(file)).width).toBeGreaterThan(1000);
      const none = await ask(['--chart', join(dir.dir, 'none.png'), 'who founded DeepSeek?']);
      expect(none.code).toBe(1);
      expect(none.err).toContain('no chart');
    } finally {
      dir.cleanup();
    }
  }, 60_000);
});
