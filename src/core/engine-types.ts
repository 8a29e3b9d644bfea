import type { ConversationContext } from './conversation.js';
import type { Lang } from './lang.js';
import type { Reply } from './reply.js';

/** What an adapter hands the engine for a free-text question. */
export interface Query {
  text: string;
  /** Platform locale hint ("fr", "en-US"); wins over detection when it is English or French. */
  locale?: string | null;
  /** Earlier turns of the same conversation (thread, DM, console session); absent for a standalone question. */
  context?: ConversationContext | null;
}

export type Direction = 'input' | 'output' | 'both';

export interface CostRequest {
  /** Token amount as the user typed it: "10M", "2,5 millions", "1M in, 200k out". */
  tokens: string;
  /** Model id or alias from knowledge/prices.yaml; all models when absent. */
  model?: string | null;
  /** Which price applies: input (cache miss), output, or both (the amount counted once each way). */
  direction?: Direction | null;
}

export interface TrainingRequest {
  gpus?: number | string | null;
  hours?: number | string | null;
  pricePerGpuHour?: number | string | null;
}

export interface Choice {
  /** What the user sees (≤ 100 characters). */
  name: string;
  /** What is sent back (≤ 100 characters). */
  value: string;
}

export interface TopicInfo {
  id: string;
  name: Record<Lang, string>;
  entries: number;
}

export interface ModelInfo {
  id: string;
  name: string;
}

/** The platform-free answer engine. Every method is synchronous, pure of I/O, and never throws on user input. */
export interface Engine {
  /** Routes free text: help, topics, a cost or training calculation, or a fact from the knowledge base. */
  answer(query: Query): Reply;
  /** Answers one knowledge entry (a related-question or did-you-mean button); a refusal if the id is unknown. */
  answerEntry(id: string, lang: Lang): Reply;
  /** Autocomplete: up to `limit` (≤ 25) stored questions in the language, ranked by the same search. */
  complete(prefix: string, lang: Lang, limit?: number): Choice[];
  /** Structured cost calculation (Discord /cost). */
  cost(request: CostRequest, lang: Lang): Reply;
  /** Training-cost calculation; defaults from the DeepSeek-V3 report. */
  training(request: TrainingRequest, lang: Lang): Reply;
  /** The list of topics (no id) or the facts of one topic. */
  facts(topicId: string | null | undefined, lang: Lang): Reply;
  /** What briefbot knows, its sources, how to report a wrong answer. */
  about(lang: Lang): Reply;
  help(lang: Lang): Reply;
  topics(): TopicInfo[];
  models(): ModelInfo[];
  /** Number of knowledge entries loaded. */
  readonly size: number;
}
