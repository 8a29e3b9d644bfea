import type { Lang, Reply } from '../core/index.js';
import { describeFigure, textHasFigures } from './figures.js';
import type { Outcome } from './outcome.js';
import { type CalcItem, type Expect, expectList } from './sets.js';

/** How one reply is scored: against its expectation, and (calculator) its figures, names and length. */

const ANSWER_KINDS = new Set(['fact', 'cost', 'training']);

function gotOf(reply: Reply): string {
  if (reply.kind === 'fact') return reply.entryId ?? 'fact';
  if (!reply.answered && reply.kind === 'none') return 'none';
  return reply.kind;
}

/** Whether the reply meets the expectation (see sets.ts for the meaning of `expect`). */
export function meets(expect: Expect, reply: Reply): boolean {
  const list = expectList(expect);
  const refused = !reply.answered || !ANSWER_KINDS.has(reply.kind);
  for (const e of list) {
    if (e === 'none' && refused) return true;
    if (e === 'chat' && (reply.kind as string) === 'chat') return true;
    if (e === 'help' && reply.kind === 'help') return true;
    if ((e === 'cost' || e === 'training') && reply.kind === e && reply.answered) return true;
    if (reply.kind === 'fact' && reply.answered && reply.entryId === e) return true;
  }
  return false;
}

/** The scoring group of a question, from its expectation. */
export function groupOf(expect: Expect): string {
  const list = expectList(expect);
  if (list.length === 1 && list[0] === 'none') return 'unanswerable';
  if (list.includes('none')) return 'either';
  if (list.length === 1 && (list[0] === 'cost' || list[0] === 'training' || list[0] === 'chat'))
    return list[0];
  return 'answerable';
}

/** The fields of an outcome that come from the reply alone. */
export function baseOutcome(
  set: string,
  item: { question: string; lang: Lang; category: string },
  reply: Reply,
): Omit<Outcome, 'group' | 'expected' | 'correct'> {
  return {
    set,
    category: item.category,
    lang: item.lang,
    question: item.question,
    got: gotOf(reply),
    langOk: reply.lang === item.lang,
    answered: reply.answered && ANSWER_KINDS.has(reply.kind),
    confidence: reply.confidence,
    matches: reply.matches
      .slice(0, 3)
      .map((m) => `${m.id}:${m.score}`)
      .join(' '),
  };
}

/** Non-empty lines of the plain-text reply (what the CLI's `text` field carries). */
export function lineCount(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

export function checkCalc(
  item: {
    kind: string;
    figures?: CalcItem['figures'];
    mention?: string[];
    maxLines?: number | null;
    expect?: Expect;
    mayRefuse?: boolean;
  },
  reply: Reply,
  text: string,
  unitPrices: readonly number[],
): { correct: boolean; why?: string; checks: Record<string, boolean> } {
  const whys: string[] = [];
  const kindOk =
    item.kind === 'fact'
      ? meets(item.expect ?? 'none', reply)
      : (reply.kind === item.kind && reply.answered) || (item.mayRefuse === true && !reply.answered);
  if (!kindOk) whys.push(`kind ${reply.kind}${reply.answered ? '' : ' (not answered)'}`);
  const fig = textHasFigures(text, item.figures ?? [], unitPrices);
  if (!fig.ok) whys.push(`missing ${fig.missing.map(describeFigure).join(', ')}`);
  const lower = text.toLowerCase();
  const missingWords = (item.mention ?? []).filter((w) => !lower.includes(w.toLowerCase()));
  if (missingWords.length > 0) whys.push(`does not name ${missingWords.join(', ')}`);
  const budget = item.maxLines === undefined ? 12 : item.maxLines;
  const lines = lineCount(text);
  const linesOk = budget === null || lines <= budget;
  if (!linesOk) whys.push(`${lines} lines > ${budget}`);
  const checks: Record<string, boolean> = { figures: kindOk && fig.ok, lines: linesOk };
  if ((item.mention ?? []).length > 0) checks.mention = missingWords.length === 0;
  return {
    correct: kindOk && fig.ok && missingWords.length === 0,
    why: whys.length > 0 ? whys.join('; ') : undefined,
    checks,
  };
}
