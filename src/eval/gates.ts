/**
 * THE table of evaluation gates (read by tests/eval/gates.test.ts and printed by `npm run eval`).
 *
 * `target` is what the issue asks for. `floor` is what the gate test enforces today: what main achieved
 * when the gate was set, rounded down, so CI stays green while the engine improves. When a change raises
 * a figure, raise its floor in the same commit (never above what the whole set measures), so the gain can
 * no longer be lost silently. Never lower a floor to make a change pass.
 */
export interface Gate {
  /** Metric id computed by computeMetrics() in run.ts. */
  metric: string;
  /** Which issue asks for it. */
  issue: 8 | 9 | 10;
  description: string;
  /** The issue's target, a share in 0..1. */
  target: number;
  /** Enforced today, a share in 0..1 (≤ target). */
  floor: number;
}

export const GATES: readonly Gate[] = [
  {
    metric: 'real.answerable',
    issue: 8,
    description: 'real questions the sources answer: answered correctly',
    target: 0.9,
    floor: 0.82,
  },
  {
    metric: 'real.unanswerable',
    issue: 8,
    description: 'real questions the sources do not answer: refused',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'real2.answerable',
    issue: 8,
    description: 'real questions, second batch: answered correctly',
    target: 0.9,
    floor: 0.68,
  },
  {
    metric: 'real2.unanswerable',
    issue: 8,
    description: 'real questions, second batch: refused when not in the sources',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'real3.answerable',
    issue: 8,
    description: 'real questions, third batch: answered correctly',
    target: 0.9,
    floor: 0.67,
  },
  {
    metric: 'real3.unanswerable',
    issue: 8,
    description: 'real questions, third batch: refused when not in the sources',
    target: 0.95,
    floor: 0.9,
  },
  {
    metric: 'real4.answerable',
    issue: 8,
    description: 'real questions, fourth batch: answered correctly',
    target: 0.9,
    floor: 0.54,
  },
  {
    metric: 'real4.unanswerable',
    issue: 8,
    description: 'real questions, fourth batch: refused when not in the sources',
    target: 0.95,
    floor: 0.89,
  },
  {
    metric: 'real5.answerable',
    issue: 8,
    description: 'real questions, fifth batch: answered correctly',
    target: 0.9,
    floor: 0.5,
  },
  {
    metric: 'real5.unanswerable',
    issue: 8,
    description: 'real questions, fifth batch: refused when not in the sources',
    target: 0.95,
    floor: 0.86,
  },
  {
    metric: 'refuse.refused',
    issue: 8,
    description: 'everyday and general questions: not answered',
    target: 0.995,
    floor: 0.995,
  },
  {
    metric: 'refuse2.refused',
    issue: 8,
    description: 'everyday and general questions, second batch: not answered',
    target: 0.995,
    floor: 0.995,
  },
  {
    metric: 'para.answerable',
    issue: 8,
    description: 'paraphrases, typos and slang: answered correctly',
    target: 0.9,
    floor: 0.9,
  },
  {
    metric: 'refuse.none-above-0.8',
    issue: 8,
    description: 'everyday and general questions: none answered above 0.8',
    target: 1,
    floor: 1,
  },
  {
    metric: 'legacy.in-scope',
    issue: 8,
    description: 'earlier set: in-scope accuracy',
    target: 0.97,
    floor: 0.97,
  },
  {
    metric: 'legacy.refusals',
    issue: 8,
    description: 'earlier set: out-of-scope refused',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'legacy.language',
    issue: 8,
    description: 'earlier set: reply in the question’s language',
    target: 1,
    floor: 1,
  },
  {
    metric: 'smalltalk.friendly',
    issue: 8,
    description: 'small talk: friendly chat reply in the right language',
    target: 1,
    floor: 1,
  },
  {
    metric: 'calibration.above-0.8',
    issue: 8,
    description: 'answers above 0.8 confidence that are right',
    target: 0.99,
    floor: 0.99,
  },
  {
    metric: 'conversations.follow-ups',
    issue: 9,
    description: 'follow-up turns answered correctly, right language',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'conversations.off-topic',
    issue: 9,
    description: 'off-topic turns inside a conversation refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'threads.follow-ups',
    issue: 9,
    description: 'second conversation set (threads): follow-up turns right',
    target: 0.95,
    floor: 0.85,
  },
  {
    metric: 'threads.off-topic',
    issue: 9,
    description: 'second conversation set (threads): off-topic turns refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'chat.follow-ups',
    issue: 9,
    description: 'third conversation set (chat): follow-up and meta turns right',
    target: 0.95,
    floor: 0.87,
  },
  {
    metric: 'chat.off-topic',
    issue: 9,
    description: 'third conversation set (chat): off-topic turns refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'conv2.follow-ups',
    issue: 9,
    description: 'conv2 (once held out): follow-up and meta turns right',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'conv2.off-topic',
    issue: 9,
    description: 'conv2 (once held out): off-topic turns refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'conv4.follow-ups',
    issue: 9,
    description: 'conv4 (once held out): follow-up and meta turns right',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'conv4.off-topic',
    issue: 9,
    description: 'conv4 (once held out): off-topic turns refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'conv5.follow-ups',
    issue: 9,
    description: 'conv5 (once held out): follow-up and meta turns right',
    target: 0.95,
    floor: 0.95,
  },
  {
    metric: 'conv5.off-topic',
    issue: 9,
    description: 'conv5 (once held out): off-topic turns refused',
    target: 1,
    floor: 1,
  },
  {
    metric: 'calculator.exact',
    issue: 10,
    description: 'calculator questions: exact figures',
    target: 1,
    floor: 1,
  },
  {
    metric: 'calculator.unknown-model-named',
    issue: 10,
    description: 'unknown model named in the reply',
    target: 1,
    floor: 1,
  },
  {
    metric: 'calculator.not-amounts',
    issue: 10,
    description: 'numbers that are not token amounts go to the knowledge',
    target: 1,
    floor: 1,
  },
  {
    metric: 'calculator.lines',
    issue: 10,
    description: 'calculator replies within 12 lines',
    target: 1,
    floor: 1,
  },
];
