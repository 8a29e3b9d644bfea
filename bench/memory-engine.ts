/** node --import tsx bench/memory-engine.ts [entries]: what the engine's memory per entry is made of. */
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import { createEngine, loadKnowledge } from '../src/core/index.js';
import { Lexicon } from '../src/core/lexicon.js';
import { fold } from '../src/core/normalize.js';
import { SearchIndex } from '../src/core/search.js';
import { synthetic } from './synthetic.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  // Typed arrays keep their contents outside the JS heap: they count too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const size = Number(process.argv[2] ?? 10_000);
const { kb } = synthetic(loadKnowledge('knowledge'), size, 1);
const kept: unknown[] = [];
const measure = (name: string, build: () => unknown) => {
  const h0 = heap();
  kept.push(build());
  console.log(`${name.padEnd(28)} ${((heap() - h0) / size / 1024).toFixed(2)} KB / entry`);
};
const lexicon = new Lexicon(kb.vocabulary);
measure('SearchIndex', () => new SearchIndex(kb.entries, lexicon, {}));
measure('autocomplete (2 × fuse.js)', () =>
  ['en', 'fr'].map(
    (lang) =>
      new Fuse(
        kb.entries.flatMap((e) => e.questions[lang as 'en'].map((q) => ({ q, folded: fold(q), id: e.id }))),
        { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: 0.45 },
      ),
  ),
);
measure('whole engine', () => createEngine(kb, { cacheSize: 0 }));
