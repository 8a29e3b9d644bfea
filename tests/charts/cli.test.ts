import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../ops/support.js';

/** `npm run ask -- --chart out.png "question"`, spawned as a user runs it. */
const ask = (args: string[]) => runCli('src/cli/ask.ts', args);

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
