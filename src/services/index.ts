import { type ChartRenderer, createChartRenderer } from '../charts/index.js';
import type { Engine } from '../core/engine-types.js';
import type { Logger } from '../logger.js';
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
  /** Chart PNG renderer; `false` for none. */
  charts?: ChartRenderer | false;
}

/** Assembles Services, in memory wherever nothing else is given. */
export function createServices(options: ServiceOptions): Services {
  return {
    engine: options.engine,
    logger: options.logger,
    state: options.state ?? new MemoryState(),
    feedback: options.feedback ?? new MemoryFeedbackStore(),
    observer: options.observer ?? new LogObserver(options.logger),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10,
    ...(options.charts === false ? {} : { charts: options.charts ?? createChartRenderer() }),
  };
}
