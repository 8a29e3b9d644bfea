import { chartsFileSchema } from './charts-schema.js';
import { checkEntries, checkEntryIds, checkModels } from './checks.js';
import {
  CHARTS_FILE,
  GAPS_FILE,
  type KnowledgeFile,
  type KnowledgeLimits,
  PRICES_FILE,
  readKnowledgeDir,
  VOCABULARY_FILE,
} from './files.js';
import { loadGaps, loadPrices, loadTopics, type Priced } from './loaders.js';
import { parseFile } from './parse.js';
import { type KnowledgeBase, KnowledgeError, type KnowledgeProblem, type Vocabulary } from './types.js';
import { loadVocabulary } from './vocabulary.js';

export {
  CHARTS_FILE,
  GAPS_FILE,
  type KnowledgeFile,
  PRICES_FILE,
  readKnowledgeDir,
  VOCABULARY_FILE,
} from './files.js';

/**
 * The knowledge from its files: each file parsed and checked (loaders.ts, vocabulary.ts, through
 * parse.ts), then the files against each other (checks.ts), then the KnowledgeBase put together.
 */

export interface Validation {
  kb?: KnowledgeBase;
  /** Problems that stop loading. */
  errors: KnowledgeProblem[];
  /** Problems worth fixing that do not stop loading (reported by `npm run kb:check`). */
  warnings: KnowledgeProblem[];
}

/** Validates a set of knowledge files: schema of every file and entry, then cross-file consistency. */
export function validateKnowledge(files: KnowledgeFile[]): Validation {
  const errors: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const pricesFile = files.find((f) => f.name === PRICES_FILE);
  const chartsFile = files.find((f) => f.name === CHARTS_FILE);
  const vocabularyFile = files.find((f) => f.name === VOCABULARY_FILE);
  const gapsFile = files.find((f) => f.name === GAPS_FILE);
  const others = [pricesFile, chartsFile, vocabularyFile, gapsFile];
  const { topics, entries } = loadTopics(
    files.filter((f) => !others.includes(f)),
    errors,
  );
  let priced: Priced | undefined;
  if (!pricesFile) errors.push({ file: PRICES_FILE, message: 'file is missing' });
  else priced = loadPrices(pricesFile, errors);
  let vocabulary: Vocabulary | undefined;
  if (!vocabularyFile) errors.push({ file: VOCABULARY_FILE, message: 'file is missing' });
  else vocabulary = loadVocabulary(vocabularyFile, errors);
  const gaps = gapsFile ? (loadGaps(gapsFile, errors) ?? []) : [];
  if (entries.length === 0 && errors.length === 0)
    errors.push({ file: '(folder)', message: 'no knowledge entries found' });

  checkEntries(entries, errors, warnings);
  checkModels(priced, errors);
  const charts = chartsFile ? parseFile(chartsFile, chartsFileSchema, errors) : undefined;
  checkEntryIds(entries, { charts, vocabulary, gaps }, errors, warnings);
  if (errors.length > 0 || !priced || !vocabulary) return { errors, warnings };

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
  return { kb, errors, warnings };
}

/** Loads and validates a knowledge folder; throws KnowledgeError naming every problem. */
export function loadKnowledge(dir: string, limits?: KnowledgeLimits): KnowledgeBase {
  const files = readKnowledgeDir(dir, limits);
  const v = validateKnowledge(files);
  if (!v.kb) throw new KnowledgeError(v.errors);
  return v.kb;
}
