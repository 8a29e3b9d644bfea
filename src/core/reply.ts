import type { ChartSpec } from './charts/spec.js';
import type { Turn } from './conversation.js';
import type { Lang } from './lang.js';

/**
 * The one neutral reply every surface renders: console, CLI, Discord embeds, Slack Block Kit.
 * The core fills it; adapters only translate it.
 */
export type ReplyKind = 'fact' | 'cost' | 'training' | 'help' | 'chat' | 'none';

export interface ReplyField {
  label: string;
  value: string;
  /** A hint for renderers that can lay fields side by side. */
  inline?: boolean;
}

export interface SourceCitation {
  /** Human label: "Article (Les Echos-style source, FR)", "Reuters", "DeepSeek-V3 technical report". */
  label: string;
  url?: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the source. */
  date?: string;
  /** A short quote from the source article (French), when the fact comes from it. */
  quote?: string;
  /** Its English translation, in English replies. */
  quoteTranslation?: string;
}

/** A question the user can ask next (did-you-mean suggestions, related entries). */
export interface QuestionLink {
  /** Knowledge entry id; asking `entry(id)` answers it. */
  id: string;
  /** The question in the reply's language. */
  question: string;
}

export interface Match {
  id: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface Reply {
  kind: ReplyKind;
  lang: Lang;
  /** False for refusals, usage help and errors; true when the reply answers the question. */
  answered: boolean;
  title: string;
  body: string;
  fields: ReplyField[];
  source?: SourceCitation;
  /** 0..1 confidence of the match, for answered facts. */
  confidence?: number;
  /** "Did you mean" questions, for refusals with near misses. */
  suggestions: QuestionLink[];
  /** Related entries worth asking next. */
  related: QuestionLink[];
  /** The knowledge entry this answers, when it is a fact. */
  entryId?: string;
  /** Search candidates with scores, best first (for the CLI, logs and metrics). */
  matches: Match[];
  /** Topics listed in the reply (help, refusals, /facts). */
  topics?: { id: string; name: string }[];
  /** What was understood of the question, for the caller to keep as the conversation's next context. */
  turn?: Turn;
  /** A chart of the answer (platform-free spec; adapters attach the PNG or text bars). */
  chart?: ChartSpec;
}

export function makeReply(init: Partial<Reply> & Pick<Reply, 'kind' | 'lang' | 'title' | 'body'>): Reply {
  return {
    answered: false,
    fields: [],
    suggestions: [],
    related: [],
    matches: [],
    ...init,
  };
}

/**
 * Confidence is shown to users only where it is informative: below this, an answer is worth checking;
 * above it, answers on the development sets were right every time (see README, "Measured").
 */
export const CONFIDENCE_SHOWN_BELOW = 0.8;

/** The confidence a renderer shows for this reply, or undefined when it shows none. */
export function shownConfidence(reply: Reply): number | undefined {
  if (reply.kind !== 'fact' || !reply.answered || reply.confidence === undefined) return undefined;
  return reply.confidence < CONFIDENCE_SHOWN_BELOW ? reply.confidence : undefined;
}
