import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { t } from '../../src/core/i18n/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createServices } from '../../src/services/index.js';
import { capturedLogger, KNOWLEDGE } from '../ops/support.js';

async function chat(lines: string[]): Promise<string> {
  const engine = loadEngineFromDir(KNOWLEDGE);
  const services = createServices({ engine: () => engine, logger: capturedLogger().logger });
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  const done = runConsole(services, input, output);
  input.end(`${lines.join('\n')}\n`);
  await done;
  return out;
}

describe('console chat: the session is one conversation', () => {
  it('follows up on the last answer; "new" / "nouveau" forgets it', async () => {
    const out = await chat(['Who founded DeepSeek?', 'source?', 'new', 'source?', 'nouveau', 'quit']);
    const sections = out.split('\n\n');
    const sourceIntro = t('en').conversation.sourceIntro('Who founded DeepSeek?');
    expect(out).toContain(sourceIntro);
    expect(out.split(t('en').conversation.fresh)).toHaveLength(2);
    expect(out).toContain(t('fr').conversation.fresh);
    // After "new", "source?" has nothing to cite.
    const afterNew = out.slice(out.indexOf(t('en').conversation.fresh));
    expect(afterNew).toContain(t('en').conversation.nothingYetTitle);
    expect(afterNew).not.toContain(sourceIntro);
    expect(sections.length).toBeGreaterThan(3);
  });
});
