import { describe, expect, it } from 'vitest';
import { converse, firstSentence, MAX_TURNS, turnOf } from '../../src/core/conversation/index.js';
import type { ConversationContext, Turn } from '../../src/core/conversation.js';
import type { Engine } from '../../src/core/engine-types.js';
import { loadEngineFromDir, type Reply } from '../../src/core/index.js';
import { KNOWLEDGE } from '../ops/support.js';

const engine = loadEngineFromDir(KNOWLEDGE);

/** Runs a conversation turn by turn, as a caller storing the context would. */
function chat(questions: string[], e: Engine = engine, locale?: string) {
  let context: ConversationContext = { turns: [] };
  const out: { reply: Reply; meta?: string }[] = [];
  for (const text of questions) {
    const r = converse(e, { text, context, ...(locale ? { locale } : {}) });
    context = r.context;
    out.push({ reply: r.reply, ...(r.meta ? { meta: r.meta } : {}) });
  }
  return { out, context };
}

describe('converse: meta follow-ups act on the last answer', () => {
  it('source? cites the source of the last fact, in the conversation language', () => {
    const { out } = chat(['how much did nvidia fall on jan 27?', 'source?']);
    const [first, source] = out.map((o) => o.reply);
    expect(first?.entryId).toBeDefined();
    expect(source?.answered).toBe(true);
    expect(source?.entryId).toBe(first?.entryId);
    expect(source?.source?.label).toBe(first?.source?.label);
    expect(source?.lang).toBe('en');
    expect(out[1]?.meta).toBe('source');
  });

  it('a source or details asked about something named answers that thing, with its source or details', () => {
    const { out } = chat(['how much did nvidia fall on jan 27?', 'any source for the market cap loss?']);
    expect(out[1]?.reply.entryId).toBe('nvidia-market-cap');
    expect(out[1]?.reply.source).toBeDefined();
    expect(out[1]?.meta).toBe('source');
    const asked = chat(['nvidia a perdu combien ?', 't as une source pour la capitalisation perdue ?']).out;
    expect(asked[1]?.reply.entryId).toBe('nvidia-market-cap');
    expect(asked[1]?.reply.lang).toBe('fr');
    const fr = chat(['nvidia a perdu combien ?', 'tu peux me donner plus de détails sur la chute ?']).out;
    expect(fr[1]?.reply.entryId).toBe('nvidia-drop');
    expect(fr[1]?.reply.lang).toBe('fr');
    expect(fr[1]?.reply.fields.length).toBeGreaterThan(fr[0]?.reply.fields.length ?? 0);
    // Something the sources do not cover stays a question of its own, refused.
    const weather = chat(['nvidia a perdu combien ?', 'more info about the weather']).out;
    expect(weather[1]?.reply.answered).toBe(false);
    expect(weather[1]?.meta).toBeUndefined();
  });

  it('tes sources ? after a French question answers in French', () => {
    const { out } = chat(['qui a fondé deepseek ?', 'tes sources ?']);
    expect(out[1]?.reply.lang).toBe('fr');
    expect(out[1]?.reply.entryId).toBe(out[0]?.reply.entryId);
    expect(out[1]?.reply.body).toMatch(/vient de cette source/);
  });

  it('in short? keeps one sentence of the answer; more details adds to it', () => {
    const { out } = chat(['how much did nvidia fall on jan 27?', 'in short?', 'more details']);
    const [full, short, details] = out.map((o) => o.reply) as [Reply, Reply, Reply];
    expect(short.body.length).toBeLessThan(full.body.length);
    expect(full.body.startsWith(short.body.replace(/\.$/, ''))).toBe(true);
    expect(short.fields).toEqual([]);
    expect(details.fields.length).toBeGreaterThan(full.fields.length);
    expect(details.entryId).toBe(full.entryId);
  });

  it('a short answer asked around a question, or with a language ("short version in english?")', () => {
    const { out } = chat(["deepseek c'est quoi en deux mots ?", "c'est open source ?"]);
    const [short, open] = out.map((o) => o.reply);
    const full = engine.answer({ text: "deepseek c'est quoi ?" });
    expect(short?.entryId).toBe(full.entryId);
    expect(short?.lang).toBe('fr');
    expect(short?.body).toBe(firstSentence(full.body));
    expect(short?.body.length).toBeLessThan(full.body.length);
    expect(open?.entryId).toBe('open-source-strategy');
    const thread = chat([
      "deepseek, c'est quoi comme boîte ?",
      'la chronologie ?',
      'short version in english?',
    ]);
    const [, timeline, english] = thread.out.map((o) => o.reply);
    expect(english?.entryId).toBe(timeline?.entryId);
    expect(english?.lang).toBe('en');
    expect(english?.body).toBe(firstSentence(engine.answerEntry(timeline?.entryId ?? '', 'en').body));
  });

  it('in French please / en anglais ? re-answer the same entry in that language', () => {
    const { out, context } = chat(['what license is deepseek-r1 under?', 'in French please', 'en anglais ?']);
    const [en, fr, back] = out.map((o) => o.reply) as [Reply, Reply, Reply];
    expect(fr.lang).toBe('fr');
    expect(fr.entryId).toBe(en.entryId);
    expect(fr.body).not.toBe(en.body);
    expect(back.lang).toBe('en');
    expect(back.body).toBe(en.body);
    expect(context.turns.at(-1)?.lang).toBe('en');
  });

  it('a cost answer can be re-answered in the other language', () => {
    const { out } = chat(['10M output tokens on r1', 'en français ?']);
    expect(out[0]?.reply.kind).toBe('cost');
    expect(out[1]?.reply.kind).toBe('cost');
    expect(out[1]?.reply.lang).toBe('fr');
    expect(out[1]?.reply.title).not.toBe(out[0]?.reply.title);
  });

  it('with nothing answered yet, a meta follow-up says so instead of guessing', () => {
    const { out } = chat(['source?']);
    expect(out[0]?.reply.answered).toBe(false);
    expect(out[0]?.reply.kind).toBe('help');
    expect(out[0]?.reply.entryId).toBeUndefined();
  });

  it('an off-topic message mid-conversation is still refused and does not break the thread', () => {
    const { out, context } = chat([
      'how much did nvidia fall on jan 27?',
      "what's the weather in Paris?",
      'source?',
    ]);
    expect(out[1]?.reply.answered).toBe(false);
    expect(out[1]?.reply.kind).toBe('none');
    expect(context.turns).toHaveLength(1);
    expect(out[2]?.reply.entryId).toBe(out[0]?.reply.entryId);
  });

  it('after a calculation, a complete fact question is not turned into a price; a cost follow-up is', () => {
    for (const question of [
      'fondateur deepseek',
      'when was deepseek founded?',
      'what license is r1 under?',
      // Naming a model, asking a fact of it: no change to the calculation, however sure the fact.
      'deepseek founding year',
      "deepseek c'est quoi",
      'v3 cluster size',
    ]) {
      const { out } = chat(['10M output tokens on r1', question]);
      expect(out[1]?.reply.kind).toBe('fact');
      expect(out[1]?.reply.entryId).toBe(engine.answer({ text: question }).entryId);
    }
    const { out } = chat(['10M output tokens on r1', 'and on o1?', 'et sur o1-mini ?', 'et en sortie ?']);
    expect(out.map((o) => o.reply.kind)).toEqual(['cost', 'cost', 'cost', 'cost']);
  });

  it('a complete question is answered on its own (a change of subject)', () => {
    const { out } = chat(['how much did nvidia fall on jan 27?', 'who founded deepseek?']);
    const alone = engine.answer({ text: 'who founded deepseek?' });
    expect(out[1]?.reply.entryId).toBe(alone.entryId);
  });
});

describe('converse: context', () => {
  it('passes the recent turns to the engine and keeps at most MAX_TURNS', () => {
    const seen: (ConversationContext | null | undefined)[] = [];
    const spy: Engine = Object.create(engine, {});
    Object.assign(spy, {
      answer: (q: Parameters<Engine['answer']>[0]) => {
        seen.push(q.context);
        return engine.answer(q);
      },
    });
    const questions = Array.from({ length: MAX_TURNS + 3 }, () => 'how much did nvidia fall?');
    const { context } = chat(questions, spy);
    expect(seen[0]).toBeFalsy();
    expect(seen[1]?.turns).toHaveLength(1);
    expect(seen.at(-1)?.turns).toHaveLength(MAX_TURNS);
    expect(context.turns).toHaveLength(MAX_TURNS);
  });

  it('builds a minimal turn from the reply when the engine gives none, and prefers the engine’s', () => {
    const reply = engine.answer({ text: 'who founded deepseek?' });
    const { turn: _t, ...bare } = reply;
    const minimal = turnOf(bare as Reply, 'who founded deepseek?', 5);
    expect(minimal).toMatchObject({
      text: 'who founded deepseek?',
      kind: 'fact',
      answered: true,
      lang: 'en',
      at: 5,
    });
    expect(minimal.entryId).toBe(reply.entryId);
    const given: Turn = { ...minimal, entities: ['deepseek'], aspect: 'founder', at: 1 };
    expect(turnOf({ ...bare, turn: given } as Reply, 'x', 9)).toMatchObject({
      entities: ['deepseek'],
      aspect: 'founder',
      at: 9,
    });
  });

  it('a meta follow-up on an answer that cannot be given again says so instead of reshaping a refusal', () => {
    const gone: Turn = {
      text: 'Cost estimate',
      lang: 'en',
      kind: 'fact',
      answered: true,
      entryId: 'no-such-entry',
      at: Date.now(),
    };
    const r = converse(engine, { text: 'source?', context: { turns: [gone] } });
    expect(r.reply).toMatchObject({ kind: 'help', answered: false });
  });

  it('after a change of language, a follow-up asks what the question before it asked', () => {
    const { out } = chat(["combien coûte l'api de r1 ?", 'et o1 ?', 'in english?', 'and v3?']);
    expect(out[2]?.reply).toMatchObject({ entryId: 'o1-price', lang: 'en' });
    expect(out[3]?.reply).toMatchObject({ entryId: 'v3-api-price', lang: 'en' });
  });

  it('a language asked for stands in for the platform’s locale for the rest of the conversation', () => {
    const { out } = chat(
      [
        'qui a fondé deepseek ?',
        'in English please',
        'source?',
        'and when?',
        'en français ?',
        'et pourquoi ?',
      ],
      engine,
      'fr',
    );
    expect(out.map((o) => o.reply.lang)).toEqual(['fr', 'en', 'en', 'en', 'fr', 'fr']);
    expect(out[3]?.reply.entryId).toBe('founding-date');
  });

  it('tl;dr, shorthand in both languages, keeps the conversation’s language', () => {
    const { out } = chat(['deepseek a entraîné v3 pour combien ?', 'tl;dr ?']);
    expect(out[1]?.meta).toBe('short');
    expect(out[1]?.reply.lang).toBe('fr');
  });

  it('a meta follow-up is as sure as the answer it acts on', () => {
    const { out, context } = chat(['what fund did liang wenfeng run?', 'source?', 'more details']);
    const [answer, source, details] = out.map((o) => o.reply) as [Reply, Reply, Reply];
    expect(answer.confidence).toBeLessThan(1);
    expect(source.confidence).toBe(answer.confidence);
    expect(details.confidence).toBe(answer.confidence);
    expect(context.turns.at(-1)?.confidence).toBe(answer.confidence);
  });

  it('"timeline?" is the event’s timeline inside a conversation about it, and nothing alone', () => {
    const { out } = chat(['when did the deepseek selloff happen?', 'timeline?']);
    expect(out[1]?.reply.entryId).toBe('timeline');
    expect(chat(['la chronologie ?']).out[0]?.reply.answered).toBe(false);
  });

  it('a short follow-up with no language of its own keeps the conversation’s', () => {
    const { out } = chat(['de combien a chuté nvidia ?', 'nvidia ?']);
    expect(out[1]?.reply.lang).toBe('fr');
  });
});

describe('converse: fact follow-ups', () => {
  it('a follow-up naming nothing of its own asks of the conversation’s thing, not of another like it', () => {
    const v3 = chat(["what's V3's architecture?", 'how many params are active?', 'and its context window?']);
    expect(v3.out.map((o) => o.reply.entryId)).toEqual([
      'v3-architecture',
      'v3-architecture',
      'v3-architecture',
    ]);
    expect(
      chat(['quelle est l’architecture de V3 ?', 'et sa longueur de contexte ?']).out[1]?.reply.entryId,
    ).toBe('v3-architecture');
    expect(chat(['when was R1 released?', 'and the paper?']).out[1]?.reply.entryId).toBe('r1-release');
    // Asking which thing may get another thing; naming a thing asks of that one.
    expect(chat(['what is r1-zero?', 'what algorithm did they use?']).out[1]?.reply.entryId).toBe('grpo');
    expect(
      chat(['how much did nvidia lose in market cap', 'and the chip index?']).out[1]?.reply.entryId,
    ).toBe('semiconductor-index');
    const bare = chat(['how much did the nasdaq lose on jan 27?', 'and the S&P 500?', 'semiconductors?']);
    expect(bare.out[2]?.reply.entryId).toBe('semiconductor-index');
  });

  it('a year the answer just given lacks says what is asked (the rule of that year)', () => {
    expect(
      chat(['what is the A800?', 'can it still be sold in china after 2023?']).out[1]?.reply.entryId,
    ).toBe('oct-2023-rule');
    const fr = chat(["c'est quoi l'A800 ?", 'elle est encore vendue en chine après 2023 ?']);
    expect(fr.out[1]?.reply.entryId).toBe('oct-2023-rule');
  });

  it('"the two", "les deux", "each" ask of the last two things the conversation named', () => {
    expect(
      chat(['how big is R1?', 'and V3?', 'quelle différence entre les deux ?']).out[2]?.reply.entryId,
    ).toBe('v3-vs-r1');
    expect(
      chat(['how big is R1?', 'and V3?', 'the two of us should grab lunch']).out[2]?.reply.answered,
    ).toBe(false);
    expect(
      chat(['how big is R1?', 'and V3?', 'ok, both of you come to the standup']).out[2]?.reply.answered,
    ).toBe(false);
  });

  it('a figure an earlier answer gave is about that answer, not the newest turn’s thing', () => {
    const six = chat([
      'is r1 really 6 times cheaper than o1-mini?',
      'and o1?',
      "so why doesn't the 6x hold anymore?",
    ]);
    expect(six.out[2]?.reply.entryId).toBe('r1-vs-o1-mini-price');
    const both = chat([
      'how much did nvidia lose in market value?',
      'was it a record?',
      'so is it 589 or 593 billion?',
    ]);
    expect(both.out[2]?.reply.entryId).toBe('nvidia-market-cap');
    // A figure in a remark about oneself is no question about the answer.
    expect(chat(['nvidia record loss?', 'lol 589 emails in my inbox']).out[1]?.reply.answered).toBe(false);
    expect(
      chat(['is r1 cheaper than o1-mini?', 'our build takes 6x longer today']).out[1]?.reply.answered,
    ).toBe(false);
  });
});

describe('firstSentence', () => {
  it.each([
    [
      'Yes: the app became No. 1 on the U.S. store. It was later.',
      'Yes: the app became No. 1 on the U.S. store.',
    ],
    ['It cost $2.19 per million. That is cheap.', 'It cost $2.19 per million.'],
    ['One line only', 'One line only'],
    ['First line.\nSecond line.', 'First line.'],
  ])('%j', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });
});
