import { readFileSync } from 'node:fs';
import type { Engine, Reply } from '../core/index.js';

/** Scoring of the engine on a labelled question set (tests/eval/questions.jsonl). */
export interface EvalQuestion {
  question: string;
  lang: 'en' | 'fr';
  category: string;
  /** An entry id, "none" (must refuse), "cost" or "training" (must route to that calculator). */
  expect: string;
}

export interface EvalOutcome {
  q: EvalQuestion;
  reply: Reply;
  correct: boolean;
  langOk: boolean;
}

export interface Rates {
  total: number;
  correct: number;
  langOk: number;
}

export interface EvalReport {
  outcomes: EvalOutcome[];
  byCategory: Map<string, Rates>;
  inScope: Rates;
  outOfScope: Rates;
  language: Rates;
}

export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalQuestion);
}

export function isCorrect(q: EvalQuestion, reply: Reply): boolean {
  if (q.expect === 'none') return !reply.answered && reply.kind === 'none';
  if (q.expect === 'cost' || q.expect === 'training') return reply.kind === q.expect && reply.answered;
  return reply.kind === 'fact' && reply.entryId === q.expect;
}

function add(r: Rates, o: EvalOutcome): void {
  r.total += 1;
  if (o.correct) r.correct += 1;
  if (o.langOk) r.langOk += 1;
}

const empty = (): Rates => ({ total: 0, correct: 0, langOk: 0 });

export function runEval(engine: Engine, questions: EvalQuestion[]): EvalReport {
  const report: EvalReport = {
    outcomes: [],
    byCategory: new Map(),
    inScope: empty(),
    outOfScope: empty(),
    language: empty(),
  };
  for (const q of questions) {
    const reply = engine.answer({ text: q.question });
    const o: EvalOutcome = { q, reply, correct: isCorrect(q, reply), langOk: reply.lang === q.lang };
    report.outcomes.push(o);
    const cat = report.byCategory.get(q.category) ?? empty();
    add(cat, o);
    report.byCategory.set(q.category, cat);
    add(q.expect === 'none' ? report.outOfScope : report.inScope, o);
    add(report.language, o);
  }
  return report;
}

export function share(r: Rates, key: 'correct' | 'langOk' = 'correct'): number {
  return r.total === 0 ? 1 : r[key] / r.total;
}
