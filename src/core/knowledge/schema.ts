import { z } from 'zod';

/** Schemas of the YAML files in knowledge/. Written for people who edit them: see knowledge/README.md. */

export const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date like 2025-01-27 (or 2025-01)');
const url = z.string().url('must be a web address starting with https://');
/** An external source: a price's, the training figures', a chart's. */
export const titledSource = z.object({ title: text, url, date: isoDate }).strict();

export const bilingualText = z.object({ en: text, fr: text }, { error: 'needs an "en" and a "fr" text' });

const questionList = z
  .array(text, { error: 'must be a list of questions' })
  .min(3, 'needs at least 3 questions');

export const sourceSchema = z
  .object({
    /** Quote from the source article (French), when the fact comes from it. */
    article: text.optional(),
    /** Its faithful English translation, shown under the quote in English replies. */
    article_en: text.optional(),
    /** Name of an external source ("Reuters", "DeepSeek-V3 technical report"). */
    title: text.optional(),
    url: url.optional(),
    date: isoDate.optional(),
  })
  .strict()
  .refine((s) => s.article !== undefined || (s.url !== undefined && s.date !== undefined), {
    message: 'needs an article quote ("article") or an external source with "url" and "date"',
  })
  .refine((s) => s.article_en === undefined || s.article !== undefined, {
    message: '"article_en" translates "article": give the French quote too',
    path: ['article_en'],
  });

export const fieldSchema = z.object({ label: bilingualText, value: bilingualText }).strict();

export const entrySchema = z
  .object({
    id: z
      .string({ error: 'is required' })
      .regex(
        /^[a-z0-9][a-z0-9-]{1,60}$/,
        'must be lowercase letters, digits and dashes (like "nvidia-drop")',
      ),
    questions: z.object(
      { en: questionList, fr: questionList },
      { error: 'needs "en" and "fr" question lists' },
    ),
    aliases: z.array(text).default([]),
    answer: bilingualText,
    fields: z.array(fieldSchema).max(10).default([]),
    source: sourceSchema,
    related: z.array(z.string()).default([]),
  })
  .strict();

export const topicFileSchema = z
  .object({
    topic: z
      .object({
        id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
        name: bilingualText,
      })
      .strict(),
    entries: z.array(z.unknown(), { error: 'must be a list of entries' }).min(1, 'needs at least one entry'),
  })
  .strict();

const price = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = String(v).trim();
  if (!/^\d+(\.\d{1,6})?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'must be a price like 2.19 (at most 6 decimals, not negative)' });
    return z.NEVER;
  }
  return s;
});

/** A price that replaced the January 2025 one, from a given day ("list price from 8 February 2025"). */
export const pricePeriodSchema = z
  .object({
    from: isoDate,
    period: bilingualText,
    input_cache_hit: price,
    input_cache_miss: price,
    output: price,
    source: titledSource,
  })
  .strict();

export const modelPriceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lowercase letters, digits, dots and dashes'),
    name: text,
    vendor: text,
    aliases: z.array(text).default([]),
    input_cache_hit: price,
    input_cache_miss: price,
    output: price,
    as_of: isoDate,
    source: titledSource,
    note: bilingualText.optional(),
    /** Name of the January 2025 price period, when the model had several ("promotional price"). */
    period: bilingualText.optional(),
    /** Later prices, oldest first. */
    later: z.array(pricePeriodSchema).default([]),
  })
  .strict();

export const pricesFileSchema = z
  .object({
    currency: z.literal('USD', { error: 'must be USD' }),
    /** Model id that ratios are computed against. */
    reference: z.string(),
    models: z.array(z.unknown()).min(1, 'needs at least one model'),
    training: z
      .object({
        gpus: z.number().int().positive(),
        gpu_hours: z.number().int().positive(),
        price_per_gpu_hour: price,
        gpu: text,
        source: titledSource,
      })
      .strict(),
  })
  .strict();

export type EntryInput = z.input<typeof entrySchema>;
export type EntryData = z.output<typeof entrySchema>;
export type ModelPriceData = z.output<typeof modelPriceSchema>;
export type PricesFileData = z.output<typeof pricesFileSchema>;

/* vocabulary.yaml and gaps.yaml: the words the engine understands, and what the sources do not answer. */

const phrase = z
  .union([z.string(), z.number()], { error: 'must be text' })
  .transform((v) => String(v))
  .pipe(z.string())
  .transform((v) => v.trim())
  .pipe(z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters'));
const phraseList = z.array(phrase, { error: 'must be a list of words or phrases' });
const vocabId = z
  .string({ error: 'is required' })
  .regex(
    /^[a-z0-9][a-z0-9-]{0,40}$/,
    'must be lowercase letters, digits and dashes (like "export-controls")',
  );
const bilingualList = z
  .object({ en: phraseList.default([]), fr: phraseList.default([]) }, { error: 'needs "en" and "fr" lists' })
  .strict();

export const entitySchema = z
  .object({
    id: vocabId,
    names: phraseList.min(1, 'needs at least one name'),
    refs: phraseList.default([]),
    /** The entry that answers a question about the entity in general. */
    overview: z.string().optional(),
    /** The entity that made it ("who made R1?" asks who is behind DeepSeek). */
    maker: z.string().optional(),
  })
  .strict();

export const conceptSchema = z
  .object({
    id: vocabId,
    kind: z
      .enum(['question', 'aspect', 'topic', 'outside'], {
        error: 'must be "question", "aspect", "topic" or "outside"',
      })
      .default('topic'),
    words: phraseList.default([]),
    phrases: phraseList.default([]),
    /** Words of `words` that only join two clauses when met mid-message in a text with no "?" ("quand"). */
    conjunctions: phraseList.default([]),
  })
  .strict()
  .refine((c) => c.words.length + c.phrases.length > 0, { message: 'needs "words" or "phrases"' })
  .refine((c) => c.conjunctions.every((w) => c.words.includes(w)), {
    message: '"conjunctions" must be words listed in "words"',
  });

export const SMALL_TALK_IDS = [
  'greeting',
  'how-are-you',
  'thanks',
  'bye',
  'identity',
  'creator',
  'capabilities',
  'compliment',
  'insult',
] as const;
export type SmallTalkId = (typeof SMALL_TALK_IDS)[number];

export const smallTalkSchema = z
  .object({
    id: z.enum(SMALL_TALK_IDS, { error: `must be one of: ${SMALL_TALK_IDS.join(', ')}` }),
    en: phraseList.default([]),
    fr: phraseList.default([]),
  })
  .strict();

/** vocabulary.yaml `conversation`: the words follow-ups are read by (src/core/conversation/words.ts). */
export const conversationWordsSchema = z
  .object(
    {
      narrowing: bilingualList,
      speaker: bilingualList,
      addressee: bilingualList,
      inversion: bilingualList,
      which: bilingualList,
      which_ones: bilingualList,
      how_where: bilingualList,
      asking: bilingualList,
      both: bilingualList,
      the_two: bilingualList,
      two: bilingualList,
      two_after: bilingualList,
      calculation_words: bilingualList,
      /** Concept ids. */
      calculation_terms: phraseList,
      comparing: phraseList,
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? 'needs the follow-up word lists (see knowledge/README.md)'
          : undefined,
    },
  )
  .strict();

export const vocabularyFileSchema = z
  .object({
    stop_words: bilingualList,
    stop_phrases: phraseList.default([]),
    language_hints: bilingualList.default({ en: [], fr: [] }),
    entities: z
      .array(z.unknown(), { error: 'must be a list of entities' })
      .min(1, 'needs at least one entity'),
    domain_words: phraseList.default([]),
    weak_domain_words: phraseList.default([]),
    concepts: z.array(z.unknown(), { error: 'must be a list of concepts' }).default([]),
    small_talk: z.array(z.unknown(), { error: 'must be a list' }).default([]),
    follow_up_markers: bilingualList.default({ en: [], fr: [] }),
    follow_up_pronouns: bilingualList.default({ en: [], fr: [] }),
    conversation: conversationWordsSchema,
  })
  .strict();

export const gapSchema = z
  .object({
    id: vocabId,
    /** Every group must be named by the question (any word of the group): entity ids, concept ids or words. */
    when: z
      .array(phraseList.min(1, 'a group needs at least one word'), { error: 'must be a list of groups' })
      .min(1, 'needs at least one group'),
    /** Not when the question names any of these ("Nvidia's valuation" is no question about DeepSeek's). */
    unless: phraseList.default([]),
    answer: bilingualText,
    nearby: z.array(z.string()).max(3, 'at most 3 nearby entries').default([]),
    /** true: used only when no entry answers (a question "today" may still be about January 2025). */
    fallback: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();

export const gapsFileSchema = z
  .object({ gaps: z.array(z.unknown(), { error: 'must be a list of gaps' }) })
  .strict();

export type EntityData = z.output<typeof entitySchema>;
export type ConceptData = z.output<typeof conceptSchema>;
export type SmallTalkData = z.output<typeof smallTalkSchema>;
export type GapData = z.output<typeof gapSchema>;
export type VocabularyFileData = z.output<typeof vocabularyFileSchema>;
export type ConversationWordsData = z.output<typeof conversationWordsSchema>;
