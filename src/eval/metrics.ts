import type { EvalReport, Outcome, SetReport } from './outcome.js';

/** Figures from scored outcomes: rates, the gate metrics (ids used by gates.ts), the calibration bands. */

export interface Rates {
  total: number;
  correct: number;
  langOk: number;
}

export function share(r: Rates, key: 'correct' | 'langOk' = 'correct'): number {
  return r.total === 0 ? 1 : r[key] / r.total;
}

export function rates(outcomes: readonly Outcome[]): Rates {
  return {
    total: outcomes.length,
    correct: outcomes.filter((o) => o.correct).length,
    langOk: outcomes.filter((o) => o.langOk).length,
  };
}

/** Sets metric `id`: the share of `items` that pass (by default, that are right); none when there are no items. */
function metric(
  m: EvalReport['metrics'],
  id: string,
  items: readonly Outcome[],
  pass: (o: Outcome) => boolean = (o) => o.correct,
): void {
  if (items.length === 0) return;
  m.set(id, { value: items.filter(pass).length / items.length, n: items.length });
}

/** The outcomes whose scoring group is one of `groups`. */
function inGroup(items: readonly Outcome[], ...groups: string[]): Outcome[] {
  return items.filter((o) => groups.includes(o.group));
}

/** Computes the gate metrics (ids used by gates.ts) from the scored sets. */
export function computeMetrics(sets: readonly SetReport[]): EvalReport['metrics'] {
  const m: EvalReport['metrics'] = new Map();
  const of = (id: string) => sets.find((s) => s.def.id === id)?.outcomes ?? [];
  for (const set of ['real', 'real2', 'real3', 'real4', 'real5']) {
    const real = of(set);
    for (const group of ['answerable', 'unanswerable', 'either'] as const)
      metric(m, `${set}.${group}`, inGroup(real, group));
    metric(m, `${set}.language`, real, (o) => o.langOk);
  }
  for (const set of ['refuse', 'refuse2']) {
    const refuse = of(set);
    metric(m, `${set}.refused`, refuse, (o) => !o.answered);
    metric(m, `${set}.none-above-0.8`, refuse, (o) => !(o.answered && (o.confidence ?? 0) > 0.8));
  }
  metric(m, 'para.answerable', inGroup(of('para'), 'answerable'));
  const legacy = of('legacy');
  metric(
    m,
    'legacy.in-scope',
    legacy.filter((o) => o.group !== 'unanswerable'),
  );
  metric(m, 'legacy.refusals', inGroup(legacy, 'unanswerable'));
  metric(m, 'legacy.language', legacy, (o) => o.langOk);
  metric(m, 'smalltalk.friendly', of('smalltalk'));
  const conv = of('conversations');
  metric(m, 'conversations.follow-ups', inGroup(conv, 'follow-up', 'meta'));
  metric(m, 'conversations.off-topic', inGroup(conv, 'off-topic'));
  for (const set of ['threads', 'chat', 'conv2', 'conv4', 'conv5']) {
    const turns = of(set);
    metric(m, `${set}.follow-ups`, inGroup(turns, 'follow-up', 'meta'));
    metric(m, `${set}.off-topic`, inGroup(turns, 'off-topic'));
  }
  metric(m, 'conversations.self-contained', inGroup(conv, 'start', 'switch'));
  const calc = of('calculator');
  metric(
    m,
    'calculator.exact',
    calc.filter((o) => o.group !== 'fact'),
  );
  metric(m, 'calculator.not-amounts', inGroup(calc, 'fact'));
  metric(
    m,
    'calculator.unknown-model-named',
    calc.filter((o) => o.checks?.mention !== undefined),
    (o) => o.checks?.mention === true,
  );
  metric(m, 'calculator.lines', calc, (o) => o.checks?.lines !== false);
  // Calibration: answers above 0.8 must be right (issue 8 asks ≥ 99%), on every set with a known answer.
  // A meta turn ("source?") gives the answer before it again, with its confidence: counted once, there.
  const answered = sets
    .flatMap((s) => s.outcomes)
    .filter((o) => o.answered && o.confidence !== undefined && o.group !== 'meta');
  metric(
    m,
    'calibration.above-0.8',
    answered.filter((o) => (o.confidence ?? 0) > 0.8),
  );
  return m;
}

/** Confidence bands of the calibration table. */
export const BANDS: readonly { label: string; lo: number; hi: number }[] = [
  { label: '< 0.5', lo: Number.NEGATIVE_INFINITY, hi: 0.5 },
  { label: '0.5–0.8', lo: 0.5, hi: 0.8 },
  { label: '0.8–0.9', lo: 0.8, hi: 0.9 },
  { label: '≥ 0.9', lo: 0.9, hi: Number.POSITIVE_INFINITY },
];

/** Answered replies with a confidence, per band: how many, how many right. */
export function calibration(
  outcomes: readonly Outcome[],
): { label: string; answered: number; correct: number }[] {
  const answered = outcomes.filter((o) => o.answered && o.confidence !== undefined);
  return BANDS.map((b) => {
    const inBand = answered.filter((o) => (o.confidence ?? 0) >= b.lo && (o.confidence ?? 0) < b.hi);
    return { label: b.label, answered: inBand.length, correct: inBand.filter((o) => o.correct).length };
  });
}
