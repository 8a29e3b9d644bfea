import type { Lang } from '../core/index.js';
import type { SetDef } from './sets.js';

/** What a run of the development sets gives: one scored outcome per reply, per set, and the gate metrics. */

/** One scored reply of any set. */
export interface Outcome {
  set: string;
  category: string;
  lang: Lang;
  /** Scoring group: answerable, unanswerable, either, chat, cost, training, or a conversation turn role. */
  group: string;
  question: string;
  expected: string;
  got: string;
  correct: boolean;
  langOk: boolean;
  answered: boolean;
  confidence?: number;
  /** Why it is wrong, when it is (missing figure, line count…). */
  why?: string;
  /** Extra checks (calculator: exact figures, unknown model named, line budget). */
  checks?: Record<string, boolean>;
  /** Conversation id and turn number, for conversation turns. */
  conv?: string;
  turn?: number;
  matches?: string;
}

export interface SetReport {
  def: SetDef;
  outcomes: Outcome[];
  missing?: boolean;
}

export interface EvalReport {
  sets: SetReport[];
  /** Every gate metric by id (see gates.ts): a share in 0..1 and the number of items it is computed on. */
  metrics: Map<string, { value: number; n: number }>;
}
