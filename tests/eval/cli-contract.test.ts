import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSession, toJson } from '../../src/cli/jsonl.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { answerOne, runConversation } from '../../src/eval/run.js';
import { type Conversation, type QuestionItem, readJsonl } from '../../src/eval/sets.js';

/**
 * The runner scores exactly what judges get through `npm run --silent ask -- --jsonl`: the same answer
 * for a plain line, and the same turns for lines sharing a `conversation`, interleaved or not.
 */
const root = join(import.meta.dirname, '../..');
const engine = loadEngineFromDir(join(root, 'knowledge'));
const sample = <T>(list: T[], n: number) => list.filter((_, i) => i % Math.ceil(list.length / n) === 0);

describe('the eval runner and the ask --jsonl contract', () => {
  it('agree on standalone questions of every question set', () => {
    const items = ['real-questions', 'must-refuse', 'small-talk', 'calculator'].flatMap((f) =>
      sample(readJsonl<QuestionItem>(join(root, `tests/eval/${f}.jsonl`)), 25),
    );
    const session = new JsonlSession(engine);
    for (const q of items) {
      expect(session.answer(q.question), q.question).toEqual(
        toJson(q.question, answerOne(engine, q.question)),
      );
    }
  });

  it('agree on conversations, even interleaved', () => {
    const convs = readJsonl<Conversation>(join(root, 'tests/eval/conversations.jsonl')).slice(0, 12);
    const expected = new Map(convs.map((c) => [c.id, runConversation(engine, c).map((r) => r.text)]));
    const session = new JsonlSession(engine);
    const got = new Map<string, string[]>();
    const longest = Math.max(...convs.map((c) => c.turns.length));
    for (let i = 0; i < longest; i++) {
      for (const c of convs) {
        const t = c.turns[i];
        if (!t) continue;
        const line = JSON.stringify({
          text: t.text,
          conversation: c.id,
          ...(c.locale ? { locale: c.locale } : {}),
        });
        got.set(c.id, [...(got.get(c.id) ?? []), session.answer(line).text]);
      }
    }
    for (const c of convs) expect(got.get(c.id), c.id).toEqual(expected.get(c.id));
  });
});
