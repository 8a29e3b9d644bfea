import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createEngine, type Engine, loadKnowledge, type Reply } from '../../src/core/index.js';
import { DEFAULT_KNOWLEDGE_LIMITS } from '../../src/core/knowledge/files.js';
import { KnowledgeHolder, runWorker } from '../../src/ops/knowledge.js';
import { entryPrint, PART_ENTRIES } from '../../src/ops/knowledge-messages.js';
import { capturedLogger, knowledgeCopy, taggedEntry } from './support.js';

/**
 * The reload worker builds the index off the main thread and posts it with the knowledge in parts;
 * the holder swaps engines only when everything arrived and wraps cleanly.
 */

const QUESTION = 'When did the DeepSeek selloff happen?';
const ORIGINAL = 'The selloff hit on Monday 27 January 2025';
/** More entries than one part holds, so the knowledge crosses in several messages. */
const EXTRA = PART_ENTRIES * 3 + 17;

/** Adds EXTRA entries (shipped market entries cloned with new ids and a tag in each question). */
function grow(dir: string): void {
  const doc = parse(readFileSync(path.join(dir, 'market.yaml'), 'utf8')) as {
    topic: { name: unknown };
    entries: { id: string; questions: { en: string[]; fr: string[] } }[];
  };
  const entries = Array.from({ length: EXTRA }, (_, i) =>
    taggedEntry(doc.entries[i % doc.entries.length] as (typeof doc.entries)[number], `zq${i}`),
  );
  writeFileSync(
    path.join(dir, 'grown.yaml'),
    stringify({ topic: { id: 'grown', name: doc.topic.name }, entries }),
  );
}

/** A reply without the time it was given. */
const plain = (r: Reply) => ({ ...r, turn: { ...r.turn, at: 0 } });

/** Questions about shipped and grown entries, typos, other subjects, French, small talk. */
const QUESTIONS = [
  QUESTION,
  'how much did nvidia lose zq5',
  'combien a perdu nvidia zq301',
  'wat is deepseak',
  'who founded Apple?',
  'prix de R1 par million de tokens',
  "c'est quoi le modèle R1 zq777",
  'hi',
  'how much for 2.5 million input tokens on deepseek r1?',
  `did the nasdaq fall zq${EXTRA - 1}`,
];

describe('reload worker', () => {
  let kb: ReturnType<typeof knowledgeCopy>;
  beforeAll(() => {
    kb = knowledgeCopy();
    grow(kb.dir);
  });
  afterAll(() => kb.cleanup());

  it('posts the whole knowledge in parts with an index that matches it', async () => {
    const response = await runWorker(kb.dir, DEFAULT_KNOWLEDGE_LIMITS);
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const direct = loadKnowledge(kb.dir);
    expect(response.kb.entries.map((e) => e.id)).toEqual(direct.entries.map((e) => e.id));
    expect(response.kb.entries.length).toBeGreaterThan(EXTRA);
    expect([...response.kb.byId.keys()]).toEqual([...direct.byId.keys()]);
    for (const e of response.kb.entries) expect(response.kb.byId.get(e.id)).toBe(e);
    expect(response.prepared.index.entries).toBe(direct.entries.length);
  });

  it('sends only the entries that changed: the bot keeps its own objects for the others', async () => {
    const current = loadKnowledge(kb.dir);
    const held = new Map(current.entries.map((e) => [entryPrint(e), e]));
    const same = await runWorker(kb.dir, DEFAULT_KNOWLEDGE_LIMITS, {}, held);
    expect(same.ok && same.reused).toBe(current.entries.length);
    expect(same.ok && same.kb.entries.every((e, i) => e === current.entries[i])).toBe(true);

    const market = path.join(kb.dir, 'market.yaml');
    const text = readFileSync(market, 'utf8');
    writeFileSync(market, text.replace(ORIGINAL, `EDITED ${ORIGINAL}`));
    try {
      const edited = await runWorker(kb.dir, DEFAULT_KNOWLEDGE_LIMITS, {}, held);
      expect(edited.ok).toBe(true);
      if (!edited.ok) return;
      expect(edited.reused).toBe(current.entries.length - 1);
      const changed = edited.kb.entries.filter((e, i) => e !== current.entries[i]);
      expect(changed).toHaveLength(1);
      expect(changed[0]?.answer.en).toContain(`EDITED ${ORIGINAL}`);
      expect(edited.kb.entries).toEqual(loadKnowledge(kb.dir).entries);
      expect(edited.kb.byId.get(changed[0]?.id as string)).toBe(changed[0]);
    } finally {
      writeFileSync(market, text);
    }
  });

  it('the swapped engine answers exactly as one built on the main thread', async () => {
    const holder = await KnowledgeHolder.open(kb.dir, capturedLogger().logger);
    const before = holder.current();
    const result = await holder.reload();
    expect(result).toEqual({ ok: true, entries: before.size });
    const swapped = holder.current();
    expect(swapped).not.toBe(before);
    const built: Engine = createEngine(loadKnowledge(kb.dir));
    for (const text of QUESTIONS) {
      for (const locale of [null, 'fr']) {
        expect(plain(swapped.answer({ text, locale })), text).toEqual(plain(built.answer({ text, locale })));
      }
    }
    expect(swapped.complete('nvidia', 'en')).toEqual(built.complete('nvidia', 'en'));
  });

  it('a vocabulary edit gets a new lexicon: the swapped engine still answers as one built afresh', async () => {
    const holder = await KnowledgeHolder.open(kb.dir, capturedLogger().logger);
    const vocabulary = path.join(kb.dir, 'vocabulary.yaml');
    const text = readFileSync(vocabulary, 'utf8');
    // "nvidia" becomes a stop word: questions about it read differently.
    writeFileSync(vocabulary, text.replace('  en: [a, an, the,', '  en: [a, an, the, nvidia,'));
    try {
      expect((await holder.reload()).ok).toBe(true);
      const built = createEngine(loadKnowledge(kb.dir));
      for (const q of QUESTIONS)
        expect(plain(holder.current().answer({ text: q })), q).toEqual(plain(built.answer({ text: q })));
    } finally {
      writeFileSync(vocabulary, text);
    }
  });

  it('the old engine answers while the worker builds, until the swap', async () => {
    const { logger, lines } = capturedLogger();
    const holder = await KnowledgeHolder.open(kb.dir, logger);
    const before = holder.current();
    const market = path.join(kb.dir, 'market.yaml');
    const text = readFileSync(market, 'utf8');
    writeFileSync(market, text.replace(ORIGINAL, `EDITED ${ORIGINAL}`));
    try {
      const seen: string[] = [];
      let pending = true;
      const asking = setInterval(() => {
        if (!pending) return;
        const engine = holder.current();
        expect(engine).toBe(before);
        seen.push(engine.answer({ text: QUESTION }).body);
      }, 5);
      const reloading = holder.reload().finally(() => {
        pending = false;
      });
      const result = await reloading;
      clearInterval(asking);
      expect(result.ok).toBe(true);
      // Answers kept coming during the reload, all from the previous knowledge…
      expect(seen.length).toBeGreaterThan(0);
      for (const body of seen) {
        expect(body).toContain(ORIGINAL);
        expect(body).not.toContain('EDITED');
      }
      // …and the new engine answers with the edit from the swap on.
      expect(holder.current().answer({ text: QUESTION }).body).toContain(`EDITED ${ORIGINAL}`);
      const logged = lines.find((l) => l.msg === 'knowledge reloaded');
      expect(logged).toMatchObject({ indexMs: expect.any(Number), buildMs: expect.any(Number) });
    } finally {
      writeFileSync(market, text);
    }
  });

  it('keeps the old engine when the prepared index does not fit the knowledge', async () => {
    const { logger, lines } = capturedLogger();
    // The real worker, but the index arrives with one variant's weight missing: a damaged build.
    let damage = true;
    const load: typeof runWorker = async (...args) => {
      const r = await runWorker(...args);
      if (r.ok && damage) r.prepared.index.variantWeight = r.prepared.index.variantWeight.subarray(1);
      return r;
    };
    const holder = await KnowledgeHolder.open(kb.dir, logger, {}, { load });
    const before = holder.current();
    const result = await holder.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toContain('cannot build the index');
    expect(holder.current()).toBe(before);
    expect(before.answer({ text: QUESTION }).body).toContain(ORIGINAL);
    expect(lines.some((l) => l.msg === 'knowledge reload rejected, previous knowledge kept')).toBe(true);
    // A sound build afterwards swaps as usual.
    damage = false;
    expect((await holder.reload()).ok).toBe(true);
    expect(holder.current()).not.toBe(before);
  });
});
