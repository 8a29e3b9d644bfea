import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { PRICE_SCALE, parseDecimal } from '../money.js';
import { fold } from '../normalize.js';
import { type ChartsFileData, chartsFileSchema } from './charts-schema.js';
import { gatherKnowledgeFiles, KnowledgeFilesRefused, type KnowledgeLimits } from './files.js';
import {
  conceptSchema,
  type EntryData,
  entitySchema,
  entrySchema,
  type GapData,
  gapSchema,
  gapsFileSchema,
  modelPriceSchema,
  type PricesFileData,
  pricesFileSchema,
  smallTalkSchema,
  topicFileSchema,
  vocabularyFileSchema,
} from './schema.js';
import {
  type Entry,
  type KnowledgeBase,
  KnowledgeError,
  type KnowledgeProblem,
  type ModelPrice,
  type Topic,
  type Vocabulary,
} from './types.js';

export const PRICES_FILE = 'prices.yaml';
/** Figures behind the charts (optional: without it, replies carry no market or training chart). */
export const CHARTS_FILE = 'charts.yaml';
export const VOCABULARY_FILE = 'vocabulary.yaml';
export const GAPS_FILE = 'gaps.yaml';

export interface KnowledgeFile {
  /** Name relative to the knowledge folder. */
  name: string;
  text: string;
}

export interface Validation {
  kb?: KnowledgeBase;
  /** Problems that stop loading. */
  errors: KnowledgeProblem[];
  /** Problems worth fixing that do not stop loading (reported by `npm run kb:check`). */
  warnings: KnowledgeProblem[];
}

/**
 * Reads every .yaml/.yml file of a knowledge folder, within the size caps and regular files only
 * (files.ts); throws KnowledgeError naming each file refused.
 */
export function readKnowledgeDir(dir: string, limits?: KnowledgeLimits): KnowledgeFile[] {
  const { files, problems } = gatherKnowledgeFiles(dir, limits);
  if (problems.length > 0) throw new KnowledgeFilesRefused(problems);
  return files;
}

function issuesToProblems(file: string, entry: string | undefined, error: z.ZodError): KnowledgeProblem[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const p: KnowledgeProblem = { file, message: i.message };
    if (entry) p.entry = entry;
    if (field) p.field = field;
    return p;
  });
}

function parseYaml(file: KnowledgeFile, errors: KnowledgeProblem[]): unknown {
  const doc = parseDocument(file.text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      errors.push({ file: file.name, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  return doc.toJS();
}

function loadTopicFile(
  file: KnowledgeFile,
  errors: KnowledgeProblem[],
): { topic: Topic; entries: Entry[] } | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const top = topicFileSchema.safeParse(data);
  if (!top.success) {
    errors.push(...issuesToProblems(file.name, undefined, top.error));
    return undefined;
  }
  const topic: Topic = { id: top.data.topic.id, name: top.data.topic.name, entryIds: [] };
  const entries: Entry[] = [];
  top.data.entries.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
    const label = rawId ?? `#${index + 1} (no id)`;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToProblems(file.name, label, parsed.error));
      return;
    }
    const entry: Entry = { ...(parsed.data as EntryData), topic: topic.id, file: file.name };
    entries.push(entry);
    topic.entryIds.push(entry.id);
  });
  return { topic, entries };
}

function loadPrices(
  file: KnowledgeFile,
  errors: KnowledgeProblem[],
): { models: ModelPrice[]; prices: PricesFileData } | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const top = pricesFileSchema.safeParse(data);
  if (!top.success) {
    errors.push(...issuesToProblems(file.name, undefined, top.error));
    return undefined;
  }
  const models: ModelPrice[] = [];
  top.data.models.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
    const parsed = modelPriceSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToProblems(file.name, rawId ?? `model #${index + 1}`, parsed.error));
      return;
    }
    const m = parsed.data;
    const micro = (v: string) => parseDecimal(v, PRICE_SCALE) ?? 0n;
    models.push({
      ...m,
      micro: {
        inputCacheHit: micro(m.input_cache_hit),
        inputCacheMiss: micro(m.input_cache_miss),
        output: micro(m.output),
      },
    });
  });
  return { models, prices: top.data };
}

/** Parses a list of items one by one, so that each problem names its item. */
function parseItems<T>(
  file: string,
  field: string,
  items: unknown[],
  schema: z.ZodType<T>,
  errors: KnowledgeProblem[],
): T[] {
  const out: T[] = [];
  items.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToProblems(file, rawId ?? `${field} #${index + 1}`, parsed.error));
      return;
    }
    out.push(parsed.data);
  });
  return out;
}

function loadVocabulary(file: KnowledgeFile, errors: KnowledgeProblem[]): Vocabulary | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const top = vocabularyFileSchema.safeParse(data);
  if (!top.success) {
    errors.push(...issuesToProblems(file.name, undefined, top.error));
    return undefined;
  }
  const before = errors.length;
  const v = top.data;
  const entities = parseItems(file.name, 'entity', v.entities, entitySchema, errors);
  const concepts = parseItems(file.name, 'concept', v.concepts, conceptSchema, errors);
  const smallTalk = parseItems(file.name, 'small talk', v.small_talk, smallTalkSchema, errors);
  // One id, one meaning; one word, one concept.
  const ids = new Map<string, string>();
  for (const [list, what] of [
    [entities, 'entity'],
    [concepts, 'concept'],
  ] as const) {
    for (const item of list) {
      const other = ids.get(item.id);
      if (other)
        errors.push({ file: file.name, entry: item.id, field: 'id', message: `also the id of a ${other}` });
      else ids.set(item.id, what);
    }
  }
  const owner = new Map<string, string>();
  const stopped = new Set([...v.stop_words.en, ...v.stop_words.fr].map((w) => fold(w)));
  for (const c of concepts) {
    for (const w of c.words) {
      const key = fold(w);
      // A stop word is dropped before concepts are read: listed under a concept too, it would never count.
      if (stopped.has(key))
        errors.push({
          file: file.name,
          entry: c.id,
          field: 'words',
          message: `"${w}" is also a stop word: it would never be read`,
        });
      if (key.includes(' ')) {
        errors.push({
          file: file.name,
          entry: c.id,
          field: 'words',
          message: `"${w}" has several words: put it under "phrases"`,
        });
        continue;
      }
      const other = owner.get(key);
      if (other && other !== c.id)
        errors.push({
          file: file.name,
          entry: c.id,
          field: 'words',
          message: `"${w}" is also a word of "${other}"`,
        });
      else owner.set(key, c.id);
    }
  }
  const seenTalk = new Set<string>();
  for (const s of smallTalk) {
    if (seenTalk.has(s.id))
      errors.push({
        file: file.name,
        entry: s.id,
        field: 'id',
        message: 'this small-talk kind is listed twice',
      });
    seenTalk.add(s.id);
  }
  for (const [field, list] of [
    ['domain_words', v.domain_words],
    ['weak_domain_words', v.weak_domain_words],
  ] as const) {
    for (const w of list) {
      if (!ids.has(fold(w)))
        errors.push({
          file: file.name,
          field,
          message: `"${w}" is not the id of a concept or an entity`,
        });
    }
  }
  if (errors.length > before) return undefined;
  return {
    stopWords: v.stop_words,
    stopPhrases: v.stop_phrases,
    languageHints: v.language_hints,
    entities,
    domainWords: v.domain_words,
    weakDomainWords: v.weak_domain_words,
    concepts,
    smallTalk,
    followUpMarkers: v.follow_up_markers,
    followUpPronouns: v.follow_up_pronouns,
  };
}

function loadGaps(file: KnowledgeFile, errors: KnowledgeProblem[]): GapData[] | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const top = gapsFileSchema.safeParse(data);
  if (!top.success) {
    errors.push(...issuesToProblems(file.name, undefined, top.error));
    return undefined;
  }
  return parseItems(file.name, 'gap', top.data.gaps, gapSchema, errors);
}

function crossCheck(
  entries: Entry[],
  modelIdsGiven: string[],
  models: ModelPrice[],
  reference: string | undefined,
): Validation {
  const errors: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    const other = byId.get(e.id);
    if (other)
      errors.push({
        file: e.file,
        entry: e.id,
        field: 'id',
        message: `duplicate id (also in ${other.file})`,
      });
    else byId.set(e.id, e);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!byId.has(r))
        errors.push({ file: e.file, entry: e.id, field: 'related', message: `unknown entry id "${r}"` });
      if (r === e.id)
        warnings.push({ file: e.file, entry: e.id, field: 'related', message: 'an entry relates to itself' });
    }
  }
  for (const e of entries) {
    if (e.source.article && !e.source.article_en)
      warnings.push({
        file: e.file,
        entry: e.id,
        field: 'source.article_en',
        message: 'the article quote has no English translation ("article_en")',
      });
  }
  const variantOwner = new Map<string, Entry>();
  for (const e of entries) {
    for (const lang of ['en', 'fr'] as const) {
      for (const q of e.questions[lang]) {
        const key = fold(q);
        const owner = variantOwner.get(key);
        if (owner && owner.id !== e.id) {
          warnings.push({
            file: e.file,
            entry: e.id,
            field: `questions.${lang}`,
            message: `question "${q}" is also a question of "${owner.id}" (${owner.file})`,
          });
        } else variantOwner.set(key, e);
      }
    }
  }
  const modelIds = new Set<string>();
  for (const m of models) {
    if (modelIds.has(m.id))
      errors.push({ file: PRICES_FILE, entry: m.id, field: 'id', message: 'duplicate model id' });
    modelIds.add(m.id);
  }
  if (reference !== undefined && !modelIdsGiven.includes(reference)) {
    errors.push({
      file: PRICES_FILE,
      field: 'reference',
      message: `"${reference}" is not a model id of this file`,
    });
  }
  return { errors, warnings };
}

function loadCharts(
  file: KnowledgeFile,
  entries: Entry[],
  errors: KnowledgeProblem[],
  warnings: KnowledgeProblem[],
): ChartsFileData | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const parsed = chartsFileSchema.safeParse(data);
  if (!parsed.success) {
    errors.push(...issuesToProblems(file.name, undefined, parsed.error));
    return undefined;
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const part of ['market', 'training'] as const) {
    for (const id of parsed.data[part].entries) {
      if (!ids.has(id))
        warnings.push({ file: file.name, field: `${part}.entries`, message: `unknown entry id "${id}"` });
    }
  }
  return parsed.data;
}

/** Validates a set of knowledge files: schema of every file and entry, then cross-file consistency. */
export function validateKnowledge(files: KnowledgeFile[]): Validation {
  const errors: KnowledgeProblem[] = [];
  const topics: Topic[] = [];
  const entries: Entry[] = [];
  let priced: ReturnType<typeof loadPrices>;
  const pricesFile = files.find((f) => f.name === PRICES_FILE);
  const chartsFile = files.find((f) => f.name === CHARTS_FILE);
  const vocabularyFile = files.find((f) => f.name === VOCABULARY_FILE);
  const gapsFile = files.find((f) => f.name === GAPS_FILE);
  for (const file of files) {
    if (file === pricesFile || file === chartsFile || file === vocabularyFile || file === gapsFile) continue;
    const loaded = loadTopicFile(file, errors);
    if (!loaded) continue;
    const same = topics.find((t) => t.id === loaded.topic.id);
    if (same)
      errors.push({ file: file.name, field: 'topic.id', message: `topic "${same.id}" is defined twice` });
    topics.push(loaded.topic);
    entries.push(...loaded.entries);
  }
  if (!pricesFile) errors.push({ file: PRICES_FILE, message: 'file is missing' });
  else priced = loadPrices(pricesFile, errors);
  let vocabulary: Vocabulary | undefined;
  if (!vocabularyFile) errors.push({ file: VOCABULARY_FILE, message: 'file is missing' });
  else vocabulary = loadVocabulary(vocabularyFile, errors);
  const gaps = gapsFile ? (loadGaps(gapsFile, errors) ?? []) : [];
  if (entries.length === 0 && errors.length === 0)
    errors.push({ file: '(folder)', message: 'no knowledge entries found' });

  const givenIds = (priced?.prices.models ?? []).map((m) =>
    typeof m === 'object' && m && 'id' in m ? String((m as { id: unknown }).id) : '',
  );
  const cross = crossCheck(entries, givenIds, priced?.models ?? [], priced?.prices.reference);
  errors.push(...cross.errors);
  const charts = chartsFile ? loadCharts(chartsFile, entries, errors, cross.warnings) : undefined;
  const entryIds = new Set(entries.map((e) => e.id));
  for (const e of vocabulary?.entities ?? []) {
    if (e.overview !== undefined && !entryIds.has(e.overview))
      errors.push({
        file: VOCABULARY_FILE,
        entry: e.id,
        field: 'overview',
        message: `unknown entry id "${e.overview}"`,
      });
  }
  for (const g of gaps) {
    for (const id of g.nearby)
      if (!entryIds.has(id))
        errors.push({ file: GAPS_FILE, entry: g.id, field: 'nearby', message: `unknown entry id "${id}"` });
  }
  if (errors.length > 0 || !priced || !vocabulary) return { errors, warnings: cross.warnings };

  const t = priced.prices.training;
  const kb: KnowledgeBase = {
    vocabulary,
    gaps,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    topics,
    models: priced.models,
    referenceModel: priced.prices.reference,
    training: {
      gpus: t.gpus,
      gpuHours: t.gpu_hours,
      pricePerGpuHour: t.price_per_gpu_hour,
      gpu: t.gpu,
      source: t.source,
    },
    ...(charts ? { charts } : {}),
  };
  return { kb, errors, warnings: cross.warnings };
}

/** Loads and validates a knowledge folder; throws KnowledgeError naming every problem. */
export function loadKnowledge(dir: string, limits?: KnowledgeLimits): KnowledgeBase {
  const files = readKnowledgeDir(dir, limits);
  const v = validateKnowledge(files);
  if (!v.kb) throw new KnowledgeError(v.errors);
  return v.kb;
}
