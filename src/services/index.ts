import { type ChartRenderer, createChartRenderer } from '../charts/index.js';
import type { Engine } from '../core/engine-types.js';
import type { Logger } from '../logger.js';
import { Admission } from './admission.js';
import { ChannelPolicy } from './channel-rules.js';
import { ConversationStore } from './conversations.js';
import type { Insights } from './insights.js';
import { MemoryFeedbackStore, MemoryState } from './memory.js';
import { LogObserver } from './observer.js';
import type { FeedbackStore, Observer, Services, SharedState } from './types.js';

export * from './types.js';

export interface ServiceOptions {
  engine: () => Engine;
  logger: Logger;
  state?: SharedState;
  feedback?: FeedbackStore;
  observer?: Observer;
  rateLimitPerMinute?: number;
  /** How long a conversation is remembered after its last turn (default 30 minutes). */
  conversationTtlSeconds?: number;
  insights?: Insights;
  /** The channel policy getter; every channel gets the built-in default when absent. */
  policy?: () => ChannelPolicy;
  admission?: Admission;
  /** Chart PNG renderer; `false` for none. */
  charts?: ChartRenderer | false;
}

/** Assembles Services, in memory wherever nothing else is given. */
export function createServices(options: ServiceOptions): Services {
  const state = options.state ?? new MemoryState();
  return {
    engine: options.engine,
    logger: options.logger,
    state,
    feedback: options.feedback ?? new MemoryFeedbackStore(),
    observer: options.observer ?? new LogObserver(options.logger),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10,
    conversations: new ConversationStore(state, {
      logger: options.logger.child({ component: 'conversations' }),
      ...(options.conversationTtlSeconds ? { ttlSeconds: options.conversationTtlSeconds } : {}),
    }),
    ...(options.insights ? { insights: options.insights } : {}),
    policy: options.policy ?? defaultPolicy,
    admission: options.admission ?? new Admission(64),
    ...(options.charts === false ? {} : { charts: options.charts ?? createChartRenderer() }),
  };
}

const DEFAULT_POLICY = new ChannelPolicy();
const defaultPolicy = () => DEFAULT_POLICY;
