import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { readQuestions, runEval, share } from '../../src/eval/run.js';

const root = join(import.meta.dirname, '../..');
const report = runEval(
  loadEngineFromDir(join(root, 'knowledge')),
  readQuestions(join(root, 'tests/eval/questions.jsonl')),
);

describe('the evaluation set (tests/eval/questions.jsonl)', () => {
  it('has at least 150 questions, 40 of them out of scope', () => {
    expect(report.outcomes.length).toBeGreaterThanOrEqual(150);
    expect(report.outOfScope.total).toBeGreaterThanOrEqual(40);
  });
  it('is answered with at least 95% in-scope accuracy', () => {
    expect(share(report.inScope)).toBeGreaterThanOrEqual(0.95);
  });
  it('refuses at least 95% of the out-of-scope questions', () => {
    expect(share(report.outOfScope)).toBeGreaterThanOrEqual(0.95);
  });
  it('answers in the language of the question at least 95% of the time', () => {
    expect(share(report.language, 'langOk')).toBeGreaterThanOrEqual(0.95);
  });
});
