import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEngine,
  type Engine,
  KnowledgeError,
  loadKnowledge,
  type Reply,
} from '../../src/core/index.js';
import { DEFAULT_KNOWLEDGE_LIMITS } from '../../src/core/knowledge/files.js';
import { loadStartupEngine, type StartupStore } from '../../src/ops/knowledge-cache.js';
import { knowledgeCopy, tempDir } from './support.js';

/**
 * Start-up keeps the knowledge it read (validated, indexed) for the next start of the same build:
 * the same files give the same engine from the store, and any change (a file, the build, damage to the
 * store) reads the files again.
 */

const QUESTIONS = [
  'When did the DeepSeek selloff happen?',
  'combien a perdu nvidia',
  'wat is deepseak',
  'who founded Apple?',
  'how much for 2.5 million input tokens on deepseek r1?',
  'hi',
];
const ORIGINAL = 'The selloff hit on Monday 27 January 2025';

const plain = (r: Reply) => ({ ...r, turn: { ...r.turn, at: 0 } });
const answers = (engine: Engine) => QUESTIONS.map((text) => plain(engine.answer({ text })));

describe('start-up knowledge store', () => {
  let kb: ReturnType<typeof knowledgeCopy>;
  let tmp: ReturnType<typeof tempDir>;
  let store: StartupStore;
  const written = () => statSync(store.file, { throwIfNoEntry: false })?.mtimeMs;
  const load = async () => (await loadStartupEngine(kb.dir, DEFAULT_KNOWLEDGE_LIMITS, store)).engine;
  const fresh = () => answers(createEngine(loadKnowledge(kb.dir)));

  beforeEach(() => {
    kb = knowledgeCopy();
    tmp = tempDir('briefbot-store-');
    store = { stamp: 'build 1', file: path.join(tmp.dir, '.knowledge-cache') };
  });
  afterEach(() => {
    kb.cleanup();
    tmp.cleanup();
  });

  it('answers from the store exactly as from the files, and stores nothing without a build', async () => {
    expect(
      answers(
        (await loadStartupEngine(kb.dir, DEFAULT_KNOWLEDGE_LIMITS, { ...store, stamp: undefined })).engine,
      ),
    ).toEqual(fresh());
    expect(written()).toBeUndefined();

    expect(answers(await load())).toEqual(fresh());
    const first = written();
    expect(first).toBeDefined();
    const fromStore = await load();
    expect(written()).toBe(first);
    expect(answers(fromStore)).toEqual(fresh());
  });

  it('reads the files again when one changes, or when the build does', async () => {
    await load();
    const market = path.join(kb.dir, 'market.yaml');
    writeFileSync(market, readFileSync(market, 'utf8').replace(ORIGINAL, `EDITED ${ORIGINAL}`));
    expect((await load()).answer({ text: QUESTIONS[0] as string }).body).toContain(`EDITED ${ORIGINAL}`);

    const before = readFileSync(store.file);
    store = { ...store, stamp: 'build 2' };
    expect(answers(await load())).toEqual(fresh());
    expect(readFileSync(store.file).equals(before)).toBe(false);
  });

  it('a damaged store is read around, and invalid files fail as always', async () => {
    await load();
    const bytes = readFileSync(store.file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    writeFileSync(store.file, bytes);
    expect(answers(await load())).toEqual(fresh());

    writeFileSync(store.file, 'garbage');
    expect(answers(await load())).toEqual(fresh());

    const market = path.join(kb.dir, 'market.yaml');
    writeFileSync(market, readFileSync(market, 'utf8').replace('- id: nasdaq-drop', '- id: selloff-date'));
    await expect(load()).rejects.toThrow(KnowledgeError);
  });
});
