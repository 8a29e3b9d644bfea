import type { Lang } from '../lang.js';
import type { ChartsFileData } from './charts-schema.js';
import type {
  ConceptData,
  ConversationWordsData,
  EntityData,
  EntryData,
  GapData,
  ModelPriceData,
  SmallTalkData,
} from './schema.js';

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

/** knowledge/vocabulary.yaml: the words and phrases the engine understands (see knowledge/README.md). */
export interface Vocabulary {
  stopWords: Record<Lang, string[]>;
  stopPhrases: string[];
  languageHints: Record<Lang, string[]>;
  entities: EntityData[];
  domainWords: string[];
  weakDomainWords: string[];
  concepts: ConceptData[];
  smallTalk: SmallTalkData[];
  followUpMarkers: Record<Lang, string[]>;
  /** Words that point back to what the conversation is about ("is it…", "ils ont…", "son prix"). */
  followUpPronouns: Record<Lang, string[]>;
  /** The words follow-ups are read by (vocabulary.yaml `conversation`). */
  conversation: ConversationWordsData;
}

/** knowledge/gaps.yaml: questions about the event that the sources do not answer, with the honest reply. */
export type Gap = GapData;

export interface KnowledgeBase {
  vocabulary: Vocabulary;
  gaps: Gap[];
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
