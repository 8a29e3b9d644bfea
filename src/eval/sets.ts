import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../core/index.js';
import type { Figure } from './figures.js';

/**
 * The development sets in tests/eval/ (see tests/eval/README.md). One JSON object a line.
 *
 * `expect` is an entry id, a list of acceptable entry ids, or one of the special values:
 * "none" (must not be answered), "chat" (small talk), "cost" / "training" (that calculator).
 * A list that contains "none" accepts either a refusal or one of the entries (questions the
 * sources only partly answer).
 */
export type Expect = string | string[];

export interface QuestionItem {
  question: string;
  lang: Lang;
  category: string;
  expect: Expect;
  /** Public address the question was copied from (real-questions set). */
  source?: string;
  note?: string;
}

export interface CalcItem {
  question: string;
  lang: Lang;
  category: string;
  /**
   * The calculator that must answer, or "fact" for questions with numbers that are not token amounts
   * ("R1 has 671B parameters, how many are active?"): those must go to the knowledge (`expect`).
   */
  kind: 'cost' | 'training' | 'fact';
  /** For kind "fact": the entry (or entries) expected. */
  expect?: Expect;
  /** An honest reply that is not a calculation is fine (an unknown model: name it, list the known ones). */
  mayRefuse?: boolean;
  /** Every figure the reply must show (see figures.ts for the matching rule). */
  figures: Figure[];
  /** Words the reply must contain, case-insensitive (an unknown model's name, "30 days"…). */
  mention?: string[];
  /** Line budget of the plain-text reply (issue 10: 12 for at most two models); null = not checked. */
  maxLines?: number | null;
  /** How the figures were computed by hand. */
  note?: string;
}

/** What a conversation turn is, for scoring (issue 9). */
export type TurnRole = 'start' | 'follow-up' | 'meta' | 'switch' | 'off-topic';

export interface ConvTurn {
  text: string;
  lang: Lang;
  role: TurnRole;
  expect: Expect;
  figures?: Figure[];
  mention?: string[];
  /** The reply must cite a source (a "source?" follow-up). */
  needsSource?: boolean;
}

export interface Conversation {
  id: string;
  category: string;
  /** Platform locale hint sent with every turn, when the conversation has one. */
  locale?: string;
  turns: ConvTurn[];
}

export type SetKind = 'questions' | 'refuse' | 'smalltalk' | 'calculator' | 'conversations';

export interface SetDef {
  id: string;
  kind: SetKind;
  file: string;
  title: string;
}

/** Every set `npm run eval` reports, in order. */
export const SETS: readonly SetDef[] = [
  {
    id: 'real',
    kind: 'questions',
    file: 'real-questions.jsonl',
    title: 'Real questions (copied from public pages)',
  },
  {
    id: 'real2',
    kind: 'questions',
    file: 'real-questions-2.jsonl',
    title: 'Real questions, second batch (copied from public pages; held out until December 2026)',
  },
  {
    id: 'real3',
    kind: 'questions',
    file: 'real-questions-3.jsonl',
    title: 'Real questions, third batch (copied from public pages; held out until its fourth session)',
  },
  {
    id: 'real4',
    kind: 'questions',
    file: 'real-questions-4.jsonl',
    title: 'Real questions, fourth batch (copied from public pages)',
  },
  {
    id: 'real5',
    kind: 'questions',
    file: 'real-questions-5.jsonl',
    title: 'Real questions, fifth batch (copied from public pages; held out until its fifth session)',
  },
  {
    id: 'refuse',
    kind: 'refuse',
    file: 'must-refuse.jsonl',
    title: 'Everyday and general questions (must refuse)',
  },
  {
    id: 'refuse2',
    kind: 'refuse',
    file: 'must-refuse-2.jsonl',
    title: 'Everyday and general questions, second batch (the half of a held-out set that was read)',
  },
  {
    id: 'para',
    kind: 'questions',
    file: 'paraphrases.jsonl',
    title: 'Paraphrases, typos and slang (the half of a held-out set that was read)',
  },
  { id: 'smalltalk', kind: 'smalltalk', file: 'small-talk.jsonl', title: 'Small talk' },
  {
    id: 'conversations',
    kind: 'conversations',
    file: 'conversations.jsonl',
    title: 'Conversations (multi-turn)',
  },
  {
    id: 'threads',
    kind: 'conversations',
    file: 'conversations-threads.jsonl',
    title: 'Conversations, second batch (thread-style, written before they were run; not gated)',
  },
  {
    id: 'chat',
    kind: 'conversations',
    file: 'conversations-chat.jsonl',
    title: 'Conversations, third batch (team-chat follow-ups, written before they were run)',
  },
  {
    id: 'conv2',
    kind: 'conversations',
    file: 'conversations-2.jsonl',
    title: 'Conversations, fourth batch (the once held-out conv2, imported unchanged)',
  },
  {
    id: 'conv4',
    kind: 'conversations',
    file: 'conversations-4.jsonl',
    title: 'Conversations, fifth batch (the once held-out conv4, imported unchanged)',
  },
  {
    id: 'conv5',
    kind: 'conversations',
    file: 'conversations-5.jsonl',
    title: 'Conversations, sixth batch (the once held-out conv5, imported unchanged)',
  },
  { id: 'calculator', kind: 'calculator', file: 'calculator.jsonl', title: 'Calculator questions' },
  { id: 'legacy', kind: 'questions', file: 'questions.jsonl', title: 'Earlier question set (285)' },
];

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

export function setPath(root: string, def: SetDef): string {
  return join(root, 'tests/eval', def.file);
}

export function expectList(e: Expect): string[] {
  return Array.isArray(e) ? e : [e];
}
