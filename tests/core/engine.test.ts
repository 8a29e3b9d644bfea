import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngineFromDir, renderText } from '../../src/core/index.js';

const engine = loadEngineFromDir(join(import.meta.dirname, '../../knowledge'));
const ask = (text: string, locale?: string) => engine.answer({ text, locale: locale ?? null });

describe('routing', () => {
  it('sends an empty question and "help" to help, "topics" to the topic list', () => {
    expect(ask('').kind).toBe('help');
    expect(ask('help').kind).toBe('help');
    expect(ask('aide').lang).toBe('fr');
    const topics = ask('topics');
    expect(topics.topics?.length).toBe(engine.topics().length);
  });

  it('sends token amounts to the cost calculator by themselves, in both languages', () => {
    const en = ask('how much would 10 million tokens cost on o1?');
    expect(en.kind).toBe('cost');
    expect(en.body).toContain('$600.00');
    const fr = ask('combien coûtent 2 millions de tokens avec o1 ?');
    expect(fr.kind).toBe('cost');
    expect(fr.lang).toBe('fr');
    expect(fr.body).toContain('120,00');
    const split = ask('1M in, 200k out on r1');
    expect(split.body).toContain('$0.988');
  });

  it('gives a clear message for a bad amount in free text', () => {
    const reply = ask('cost of -5 tokens on o1');
    expect(reply.kind).toBe('cost');
    expect(reply.answered).toBe(false);
  });

  it('sends training questions with their own numbers to the training calculator', () => {
    const reply = ask('training cost with 4000 GPUs for 1000 hours at $2.5 per hour');
    expect(reply.kind).toBe('training');
    expect(reply.fields.find((f) => f.label === 'Total')?.value).toBe('$10,000,000.00');
  });

  it('answers the reported training cost as a fact, not a calculation', () => {
    const reply = ask('How much did it cost to train DeepSeek-V3?');
    expect(reply.kind).toBe('fact');
    expect(reply.entryId).toBe('v3-training-cost');
  });

  it('answers facts in the language asked, with the source and both figures where the article rounds', () => {
    const reply = ask("De combien l'action Nvidia a-t-elle chuté ?");
    expect(reply.entryId).toBe('nvidia-drop');
    expect(reply.lang).toBe('fr');
    expect(reply.body).toMatch(/16,97/);
    expect(reply.body).toMatch(/16 ?%/);
    expect(reply.source?.quote ?? reply.source?.url).toBeTruthy();
  });

  it('lets a locale hint choose the language', () => {
    expect(ask('What license is R1 under?', 'fr').lang).toBe('fr');
  });

  it.each([
    "what's the weather in Paris tomorrow?",
    'who won the champions league?',
    'recette de la tarte tatin',
    "what's the admin password?",
    'donne moi le token du bot discord',
    "what's your signing secret?",
    'donne-moi tes secrets',
  ])('refuses "%s" with the topic list', (text) => {
    const reply = ask(text);
    expect(reply.kind).toBe('none');
    expect(reply.answered).toBe(false);
    expect(reply.topics?.length).toBeGreaterThan(0);
  });

  it('reads "the secret of DeepSeek" as a headline, not as a request for secrets', () => {
    expect(ask('DeepSeek’s secret: training a powerful AI model without billions').answered).toBe(true);
  });

  it('reads past the people a message addresses (@alice, <@U123>, <#C1|general>)', () => {
    const plain = ask('who founded deepseek?');
    for (const text of [
      '@alice who founded deepseek?',
      '@U456ABC who founded deepseek?',
      '<@U123> who founded deepseek?',
      '<@!123456> who founded deepseek? <#C1|general>',
    ]) {
      const reply = ask(text);
      expect(reply.entryId).toBe(plain.entryId);
      expect(reply.confidence).toBe(plain.confidence);
    }
    // An address alone is no question: the help, as for an empty message.
    expect(ask('@briefbot').kind).toBe(ask('').kind);
  });

  it('offers near misses as suggestions when it refuses', () => {
    const reply = ask('nvidia something something');
    if (reply.kind === 'none') expect(reply.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('answers a related entry by id, and refuses an unknown id', () => {
    expect(engine.answerEntry('r1-license', 'en').entryId).toBe('r1-license');
    expect(engine.answerEntry('no-such-id', 'en').kind).toBe('none');
  });

  it('never throws and always replies, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(null, 'fr', 'en-US', 'de'),
        (text, locale) => {
          fc.pre(!/nan|undefined/i.test(text)); // usage messages may quote the user's words
          const reply = engine.answer({ text, locale });
          expect(['fact', 'cost', 'training', 'help', 'chat', 'none']).toContain(reply.kind);
          expect(renderText(reply)).not.toMatch(/NaN|undefined/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('autocomplete', () => {
  it('suggests at most 25 stored questions, the relevant ones first', () => {
    const choices = engine.complete('nvidia', 'en', 25);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.name.toLowerCase()).toContain('nvidia');
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
  });
  it('suggests French questions for French users', () => {
    expect(engine.complete('licence', 'fr', 5)[0]?.name).toMatch(/licence/i);
  });
});

describe('plain-text rendering', () => {
  it('puts the one-sentence answer first, then details, the quote with its translation, one source line', () => {
    const text = renderText(engine.answerEntry('nvidia-drop', 'en'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^The article says more than 16%; at the close Nvidia actually lost 16\.97%.*\.$/,
    );
    expect(lines[1]).toBe('');
    expect(text).not.toContain(engine.answerEntry('nvidia-drop', 'en').title);
    expect(text).toContain('Source article (French): « dont l’action a plongé lundi de plus de 16% »');
    expect(text).toContain('In English: “whose shares plunged by more than 16% on Monday”');
    expect(text.match(/^Source: /gm)).toHaveLength(1);
    expect(text).toMatch(/^Source: Longbridge news, January 2025 — https:\/\//m);
    expect(text).not.toMatch(/\*\*|`|^\s*- /m);
    expect(text).not.toMatch(/\d{4}-\d{2}/);
  });

  it('keeps the French quote untranslated in French replies', () => {
    const text = renderText(engine.answerEntry('nvidia-drop', 'fr'));
    expect(text).toContain('Article source (en français) : « dont l’action a plongé lundi de plus de 16% »');
    expect(text).not.toContain('whose shares');
  });
});
