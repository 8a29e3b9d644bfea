import { PRICE_SCALE, parseDecimal } from '../money.js';
import type { KnowledgeFile } from './files.js';
import { parseFile, parseItems } from './parse.js';
import {
  entrySchema,
  type GapData,
  gapSchema,
  gapsFileSchema,
  modelPriceSchema,
  type PricesFileData,
  pricesFileSchema,
  topicFileSchema,
} from './schema.js';
import type { Entry, KnowledgeProblem, ModelPrice, Topic } from './types.js';

/** The topic files, prices.yaml and gaps.yaml read into the knowledge's own types (vocabulary.yaml: vocabulary.ts). */

/** A topic file: its topic and its valid entries. */
function loadTopicFile(
  file: KnowledgeFile,
  errors: KnowledgeProblem[],
): { topic: Topic; entries: Entry[] } | undefined {
  const top = parseFile(file, topicFileSchema, errors);
  if (top === undefined) return undefined;
  const topic: Topic = { id: top.topic.id, name: top.topic.name, entryIds: [] };
  const entries = parseItems(file.name, top.entries, entrySchema, errors, (i) => `#${i + 1} (no id)`).map(
    (data): Entry => ({ ...data, topic: topic.id, file: file.name }),
  );
  topic.entryIds.push(...entries.map((e) => e.id));
  return { topic, entries };
}

/** Every topic file, in order; a topic id used by two files is a problem. */
export function loadTopics(
  files: KnowledgeFile[],
  errors: KnowledgeProblem[],
): { topics: Topic[]; entries: Entry[] } {
  const topics: Topic[] = [];
  const entries: Entry[] = [];
  for (const file of files) {
    const loaded = loadTopicFile(file, errors);
    if (!loaded) continue;
    const same = topics.find((t) => t.id === loaded.topic.id);
    if (same)
      errors.push({ file: file.name, field: 'topic.id', message: `topic "${same.id}" is defined twice` });
    topics.push(loaded.topic);
    entries.push(...loaded.entries);
  }
  return { topics, entries };
}

/** prices.yaml: the valid models (with their prices as exact integers) and the file's data. */
export interface Priced {
  models: ModelPrice[];
  prices: PricesFileData;
}

export function loadPrices(file: KnowledgeFile, errors: KnowledgeProblem[]): Priced | undefined {
  const prices = parseFile(file, pricesFileSchema, errors);
  if (prices === undefined) return undefined;
  const micro = (v: string) => parseDecimal(v, PRICE_SCALE) ?? 0n;
  const models = parseItems(file.name, prices.models, modelPriceSchema, errors, (i) => `model #${i + 1}`).map(
    (m): ModelPrice => ({
      ...m,
      micro: {
        inputCacheHit: micro(m.input_cache_hit),
        inputCacheMiss: micro(m.input_cache_miss),
        output: micro(m.output),
      },
    }),
  );
  return { models, prices };
}

export function loadGaps(file: KnowledgeFile, errors: KnowledgeProblem[]): GapData[] | undefined {
  const top = parseFile(file, gapsFileSchema, errors);
  if (top === undefined) return undefined;
  return parseItems(file.name, top.gaps, gapSchema, errors, (i) => `gap #${i + 1}`);
}
