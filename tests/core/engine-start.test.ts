import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/core/index.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { prepareEngine } from '../../src/core/prepare.js';

describe('an engine made from a prepared index (the start-up store)', () => {
  it('reads no word through the lexicon until it is asked something', () => {
    // A word's term may read the lists of common words (some 10 MB): the console's prompt and a bot's
    // connection, which answer nothing, must not pay for them.
    const kb = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
    const lexicon = new Lexicon(kb.vocabulary);
    const prepared = prepareEngine(kb, lexicon);
    const term = vi.spyOn(lexicon, 'term');
    const engine = createEngine(kb, {}, { ...prepared, lexicon });
    expect(term).not.toHaveBeenCalled();
    // Asked, it reads the gaps' words too: "what's the latest deepseek model" gets its gap.
    expect(engine.answer({ text: "what's the latest deepseek model?" }).body).toMatch(/2025/);
    expect(term).toHaveBeenCalled();
  });
});
