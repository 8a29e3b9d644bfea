import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { converse } from '../core/conversation/index.js';
import type { ConversationContext } from '../core/conversation.js';
import type { Engine, Reply } from '../core/index.js';
import { renderText } from '../core/index.js';
import { describeFigure } from './figures.js';
import { computeMetrics } from './metrics.js';
import type { EvalReport, Outcome, SetReport } from './outcome.js';
import { baseOutcome, checkCalc, groupOf, meets } from './score.js';
import {
  type CalcItem,
  type Conversation,
  expectList,
  type QuestionItem,
  readJsonl,
  SETS,
  type SetDef,
  setPath,
} from './sets.js';

/** Runs the development sets through the engine the way the CLI answers, and scores every reply. */

/**
 * One standalone question, answered the way the CLI contract (`ask --jsonl`, src/cli/jsonl.ts) answers a
 * plain line: through the conversation layer with no earlier turns.
 */
export function answerOne(engine: Engine, text: string): Reply {
  return converse(engine, { text, locale: null }).reply;
}

function scoreQuestions(engine: Engine, set: string, items: QuestionItem[]): Outcome[] {
  return items.map((q) => {
    const reply = answerOne(engine, q.question);
    return {
      ...baseOutcome(set, q, reply),
      group: groupOf(q.expect),
      expected: expectList(q.expect).join('|'),
      correct: meets(q.expect, reply),
    };
  });
}

function scoreRefuse(engine: Engine, set: string, items: QuestionItem[]): Outcome[] {
  return items.map((q) => {
    const reply = answerOne(engine, q.question);
    const b = baseOutcome(set, q, reply);
    return { ...b, group: 'must-refuse', expected: 'none', correct: !b.answered };
  });
}

function scoreSmallTalk(engine: Engine, set: string, items: QuestionItem[]): Outcome[] {
  return items.map((q) => {
    const reply = answerOne(engine, q.question);
    const b = baseOutcome(set, q, reply);
    const friendly = meets(q.expect ?? 'chat', reply);
    return {
      ...b,
      group: 'chat',
      expected: expectList(q.expect ?? 'chat').join('|'),
      correct: friendly && b.langOk,
      why: friendly ? (b.langOk ? undefined : `wrong language ${reply.lang}`) : `kind ${reply.kind}`,
    };
  });
}

function scoreCalculator(engine: Engine, set: string, items: CalcItem[], unitPrices: number[]): Outcome[] {
  return items.map((q) => {
    const reply = answerOne(engine, q.question);
    const text = renderText(reply);
    const c = checkCalc(q, reply, text, unitPrices);
    return {
      ...baseOutcome(set, q, reply),
      group: q.kind,
      expected:
        q.kind === 'fact'
          ? expectList(q.expect ?? 'none').join('|')
          : `${q.kind} ${(q.figures ?? []).map(describeFigure).join(', ')}${q.mention ? ` naming ${q.mention.join(', ')}` : ''}`,
      correct: c.correct,
      why: c.why,
      checks: c.checks,
    };
  });
}

/**
 * Runs one conversation turn by turn the way every surface does (Slack threads, Discord, the console,
 * `ask --jsonl` lines sharing a `conversation`): through `converse()` (src/core/conversation/), which
 * answers meta follow-ups itself and hands the engine `Query.context` built from the earlier turns'
 * `reply.turn`; the context it returns is stored for the next turn.
 */
export function runConversation(engine: Engine, conv: Conversation): { reply: Reply; text: string }[] {
  let context: ConversationContext = { turns: [] };
  const out: { reply: Reply; text: string }[] = [];
  for (const t of conv.turns) {
    const result = converse(engine, { text: t.text, locale: conv.locale ?? null, context });
    context = result.context;
    out.push({ reply: result.reply, text: renderText(result.reply) });
  }
  return out;
}

function scoreConversations(
  engine: Engine,
  set: string,
  convs: Conversation[],
  unitPrices: number[],
): Outcome[] {
  const out: Outcome[] = [];
  for (const conv of convs) {
    const replies = runConversation(engine, conv);
    conv.turns.forEach((t, i) => {
      const r = replies[i];
      if (!r) return;
      const { reply, text } = r;
      const b = baseOutcome(set, { question: t.text, lang: t.lang, category: conv.category }, reply);
      let correct = meets(t.expect, reply);
      let why: string | undefined;
      if (correct && (t.figures?.length || t.mention?.length)) {
        const kind = expectList(t.expect)[0] ?? 'cost';
        const c = checkCalc(
          { kind, figures: t.figures, mention: t.mention, maxLines: null },
          reply,
          text,
          unitPrices,
        );
        correct = c.correct;
        why = c.why;
      }
      if (correct && t.needsSource && !(reply.source?.url || /https?:\/\//.test(text))) {
        correct = false;
        why = 'no source cited';
      }
      // A follow-up must also come back in the right language.
      if (correct && t.role !== 'off-topic' && !b.langOk) {
        correct = false;
        why = `wrong language ${reply.lang}`;
      }
      out.push({
        ...b,
        group: t.role,
        expected: expectList(t.expect).join('|'),
        correct,
        why,
        conv: conv.id,
        turn: i + 1,
      });
    });
  }
  return out;
}

/** The per-million prices of knowledge/prices.yaml (they never satisfy an accepted range; see figures.ts). */
export function unitPricesOf(root: string): number[] {
  const path = join(root, 'knowledge/prices.yaml');
  if (!existsSync(path)) return [];
  const doc = parseYaml(readFileSync(path, 'utf8')) as { models?: Record<string, unknown>[] };
  const out = new Set<number>();
  for (const m of doc.models ?? []) {
    for (const k of ['input_cache_hit', 'input_cache_miss', 'output']) {
      const n = Number(m[k]);
      if (Number.isFinite(n)) out.add(n);
    }
  }
  return [...out];
}

/** Scores one set (an absent file is reported as missing, not as a failure of the engine). */
export function runSet(engine: Engine, root: string, def: SetDef): SetReport {
  const path = setPath(root, def);
  const unitPrices = def.kind === 'calculator' || def.kind === 'conversations' ? unitPricesOf(root) : [];
  if (!existsSync(path)) return { def, outcomes: [], missing: true };
  switch (def.kind) {
    case 'questions':
      return { def, outcomes: scoreQuestions(engine, def.id, readJsonl<QuestionItem>(path)) };
    case 'refuse':
      return { def, outcomes: scoreRefuse(engine, def.id, readJsonl<QuestionItem>(path)) };
    case 'smalltalk':
      return { def, outcomes: scoreSmallTalk(engine, def.id, readJsonl<QuestionItem>(path)) };
    case 'calculator':
      return { def, outcomes: scoreCalculator(engine, def.id, readJsonl<CalcItem>(path), unitPrices) };
    case 'conversations':
      return { def, outcomes: scoreConversations(engine, def.id, readJsonl<Conversation>(path), unitPrices) };
  }
}

/** Runs every set (or the named ones) and computes the gate metrics. */
export function runAll(engine: Engine, root: string, only?: readonly string[]): EvalReport {
  const defs = SETS.filter((d) => !only || only.length === 0 || only.includes(d.id));
  const sets = defs.map((d) => runSet(engine, root, d));
  return { sets, metrics: computeMetrics(sets) };
}

// ---- Compatibility with the earlier single-set API (bench/engine.ts reads the questions) ----

export type EvalQuestion = QuestionItem & { expect: string };

export function readQuestions(path: string): EvalQuestion[] {
  return readJsonl<EvalQuestion>(path);
}

/** Whether a reply is right for a question of the earlier single-set format. */
export function isCorrect(q: EvalQuestion, reply: Reply): boolean {
  return meets(q.expect, reply);
}
