/** node --cpu-prof --import tsx bench/profile-engine.ts: the engine alone on unique variants (cache off). */
import { createEngine, loadKnowledge } from '../src/core/index.js';
import { evalQuestions, takeVariants } from './questions.js';

const engine = createEngine(loadKnowledge('knowledge'), { cacheSize: 0 });
const qs = takeVariants(evalQuestions(), Number(process.argv[2] ?? 6000)).map((q) => q.question);
for (const q of qs.slice(0, 500)) engine.answer({ text: `${q} warm` });
const t0 = performance.now();
const c0 = process.cpuUsage();
for (const q of qs) engine.answer({ text: q });
const c = process.cpuUsage(c0);
console.log(
  `${qs.length} questions: ${((performance.now() - t0) / qs.length).toFixed(3)} ms each,` +
    ` CPU ${((c.user + c.system) / 1000 / qs.length).toFixed(3)} ms each`,
);
