import type { ChartRenderer } from '../charts/index.js';
import type { Engine } from '../core/engine-types.js';
import type { FeedbackReason } from '../core/feedback.js';
import type { Lang } from '../core/lang.js';
import type { ReplyKind } from '../core/reply.js';
import type { Logger } from '../logger.js';
import type { Admission } from './admission.js';
import type { ChannelPolicy } from './channel-policy.js';
import type { ConversationStore } from './conversations.js';
import type { Insights } from './insights.js';

/** Where a question came from. */
export type Platform = 'discord' | 'slack' | 'console' | 'cli';

/**
 * State that must be shared when several instances run (Slack event de-duplication, rate-limit
 * counters, conversations). In memory by default; Redis when REDIS_URL is set.
 */
export interface SharedState {
  /** True the first time `key` is claimed within `ttlSeconds`, false for every later claim. */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** Adds one to a counter living `windowSeconds` from its first hit; returns the new count. */
  increment(key: string, windowSeconds: number): Promise<number>;
  /** True while a shared store is unreachable and this instance answers from its own memory. */
  degraded?(): boolean;
  /** The value stored under `key`, or undefined when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlSeconds`, replacing any earlier value and expiry. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Removes `key` (no error when it is absent). */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface Feedback {
  platform: Platform;
  /** Hashed user id. */
  user: string;
  entryId: string;
  vote: 'up' | 'down';
  lang: Lang;
  /** Why a 👎, when the form was filled in. */
  reason?: FeedbackReason;
  /** The user's words with a 👎 (cleaned, at most 500 characters). */
  comment?: string;
}

export interface Unanswered {
  platform: Platform;
  question: string;
  lang: Lang;
}

/** Learning from use: unanswered questions and 👍 / 👎 votes. */
export interface FeedbackStore {
  recordFeedback(feedback: Feedback): Promise<void>;
  recordUnanswered(item: Unanswered): Promise<void>;
  flush(): Promise<void>;
}

/** One question answered, for logs and metrics. */
export interface QuestionEvent {
  platform: Platform;
  lang: Lang;
  kind: ReplyKind;
  answered: boolean;
  entryId?: string;
  score?: number;
  latencyMs: number;
  /** Hashed user id. */
  user: string;
  /** Only set for unanswered questions. */
  question?: string;
  /** Why the pipeline answered without the engine: rate limit, too long. */
  limited?: 'rate' | 'length';
}

export interface Observer {
  question(event: QuestionEvent): void;
  /** A Slack reply refused by Slack (invalid_blocks, msg_too_long) was posted as plain text. */
  slackPlainFallback?(reason: string): void;
}

/** Everything an adapter needs, injected. */
export interface Services {
  /** The current engine (a getter: hot reload swaps it). */
  engine(): Engine;
  logger: Logger;
  state: SharedState;
  feedback: FeedbackStore;
  observer: Observer;
  rateLimitPerMinute: number;
  /** Conversations (threads, DMs, console sessions) in the shared state. */
  conversations: ConversationStore;
  /** Usage of the last days (App Home for admins, /about); absent in tests that do not need it. */
  insights?: Insights;
  /** The channel policy in force (a getter: CHANNELS_FILE is hot-reloaded). */
  policy(): ChannelPolicy;
  /** Backpressure: the bound on questions in flight (services/admission.ts). */
  admission: Admission;
  /** Renders reply charts to PNG (cached); without it, surfaces show no chart image. */
  charts?: ChartRenderer;
}
