import type { Engine } from '../../src/core/engine-types.js';
import type { Lang } from '../../src/core/lang.js';
import { makeReply, type Reply } from '../../src/core/reply.js';

/** Fixture replies for the Discord renderer, and a small fake Engine for unit tests. */

export function factReply(overrides: Partial<Reply> = {}): Reply {
  return makeReply({
    kind: 'fact',
    lang: 'en',
    answered: true,
    title: 'DeepSeek-R1 API price',
    body: 'R1 costs **$2.19** per million output tokens and $0.55 per million input tokens (cache miss).',
    fields: [
      { label: 'Output', value: '$2.19 / 1M tokens', inline: true },
      { label: 'Input (cache miss)', value: '$0.55 / 1M tokens', inline: true },
    ],
    source: {
      label: 'DeepSeek API pricing page',
      url: 'https://api-docs.deepseek.com/quick_start/pricing-details-usd',
      date: '2025-01-20',
    },
    confidence: 0.753,
    entryId: 'r1-api-price',
    related: [
      { id: 'r1-vs-o1-price', question: 'How much cheaper is R1 than o1?' },
      { id: 'o1-price', question: 'What does OpenAI o1 cost?' },
      { id: 'v3-api-price', question: 'What does deepseek-chat (V3) cost?' },
      { id: 'r1-api-limits', question: 'What are the limits of the R1 API?' },
    ],
    matches: [{ id: 'r1-api-price', score: 0.753 }],
    ...overrides,
  });
}

export function refusalReply(lang: Lang = 'en', overrides: Partial<Reply> = {}): Reply {
  return makeReply({
    kind: 'none',
    lang,
    answered: false,
    title: "I don't know that one",
    body: 'I can only answer questions about the January 2025 DeepSeek shock.',
    suggestions: [{ id: 'nvidia-drop', question: 'How much did Nvidia fall?' }],
    topics: [
      { id: 'market', name: 'Market' },
      { id: 'pricing', name: 'Pricing' },
    ],
    ...overrides,
  });
}

/** An Engine whose every method answers with a fixed fact (or what `overrides` says). */
export function fakeEngine(overrides: Partial<Engine> = {}): Engine {
  const fact = (lang: Lang) => factReply({ lang });
  return {
    answer: (q) => (/pizza/i.test(q.text) ? refusalReply() : fact('en')),
    answerEntry: (id, lang) => factReply({ lang, entryId: id }),
    complete: (prefix, _lang, limit = 25) =>
      Array.from({ length: 40 }, (_, i) => ({
        name: `${prefix} question ${i}`,
        value: `${prefix} question ${i}`,
      })).slice(0, limit),
    cost: (_r, lang) => fact(lang),
    training: (_r, lang) => fact(lang),
    facts: (_t, lang) => fact(lang),
    about: (lang) => fact(lang),
    help: (lang) => fact(lang),
    topics: () => [{ id: 'market', name: { en: 'Market', fr: 'Marchés' }, entries: 10 }],
    models: () => [{ id: 'deepseek-reasoner', name: 'DeepSeek-R1 (deepseek-reasoner)' }],
    size: 1,
    ...overrides,
  };
}
