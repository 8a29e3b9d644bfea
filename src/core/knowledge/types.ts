import type { Lang } from '../lang.js';
import type { ChartsFileData } from './charts-schema.js';
import type { EntryData, ModelPriceData } from './schema.js';

export interface Entry extends EntryData {
  topic: string;
  /** The file it came from, relative to the knowledge folder. */
  file: string;
}

export interface Topic {
  id: string;
  name: Record<Lang, string>;
  entryIds: string[];
}

export interface ModelPrice extends ModelPriceData {
  /** Prices in micro-dollars per million tokens (exact integers). */
  micro: { inputCacheHit: bigint; inputCacheMiss: bigint; output: bigint };
}

export interface TrainingDefaults {
  gpus: number;
  gpuHours: number;
  /** Decimal string, e.g. "2". */
  pricePerGpuHour: string;
  gpu: string;
  source: { title: string; url: string; date: string };
}

export interface KnowledgeBase {
  entries: Entry[];
  byId: Map<string, Entry>;
  topics: Topic[];
  models: ModelPrice[];
  referenceModel: string;
  training: TrainingDefaults;
  /** knowledge/charts.yaml: figures of the market and training charts. */
  charts?: ChartsFileData;
}

/** One problem in one file, located as precisely as possible. */
export interface KnowledgeProblem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = [
    p.file,
    p.entry ? `entry "${p.entry}"` : undefined,
    p.field ? `field "${p.field}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`Invalid knowledge base:\n${problems.map((p) => `- ${formatProblem(p)}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}
