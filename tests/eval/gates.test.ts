import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { GATES } from '../../src/eval/gates.js';
import type { EvalReport } from '../../src/eval/outcome.js';
import { runAll } from '../../src/eval/run.js';

/**
 * The evaluation gates: every development set in tests/eval/ is scored through the engine and each gate
 * metric must stay at or above its floor in src/eval/gates.ts (the one table; the issue's target sits next
 * to it). Raise a floor when a change raises the figure on the whole set; never lower one to pass.
 */
const root = join(import.meta.dirname, '../..');

/** Minimum sizes the issues ask for (issue 8: real ≥ 150 with ≥ 50 French, must-refuse ≥ 1,000, small talk ≥ 60). */
const SIZES: { set: string; min: number; minFr?: number; minEn?: number }[] = [
  { set: 'real', min: 150, minFr: 50 },
  { set: 'refuse', min: 1000, minFr: 400, minEn: 400 },
  { set: 'smalltalk', min: 60, minFr: 25, minEn: 25 },
  // Conversations are counted as conversations (issue 9: at least 40); the language minimums count turns.
  { set: 'conversations', min: 40, minFr: 50, minEn: 50 },
  { set: 'calculator', min: 80, minFr: 35, minEn: 35 },
  { set: 'legacy', min: 150 },
];

let report: EvalReport;
beforeAll(() => {
  report = runAll(loadEngineFromDir(join(root, 'knowledge')), root);
});

describe('the development sets', () => {
  for (const s of SIZES) {
    it(`${s.set} has at least ${s.min} items${s.minFr ? ` (${s.minFr} French)` : ''}`, () => {
      const set = report.sets.find((x) => x.def.id === s.set);
      expect(set?.missing).toBeFalsy();
      const outcomes = set?.outcomes ?? [];
      const count = s.set === 'conversations' ? new Set(outcomes.map((o) => o.conv)).size : outcomes.length;
      expect(count).toBeGreaterThanOrEqual(s.min);
      if (s.minFr) expect(outcomes.filter((o) => o.lang === 'fr').length).toBeGreaterThanOrEqual(s.minFr);
      if (s.minEn) expect(outcomes.filter((o) => o.lang === 'en').length).toBeGreaterThanOrEqual(s.minEn);
    });
  }
});

describe('the evaluation gates (src/eval/gates.ts)', () => {
  for (const g of GATES) {
    it(`#${g.issue} ${g.description}: at least ${(g.floor * 100).toFixed(1)}% (target ${(g.target * 100).toFixed(1)}%)`, () => {
      expect(g.floor).toBeLessThanOrEqual(g.target);
      const m = report.metrics.get(g.metric);
      if (g.floor > 0) expect(m, `metric ${g.metric} was not measured`).toBeDefined();
      expect(m?.value ?? 1).toBeGreaterThanOrEqual(g.floor);
    });
  }
});
