import type { Engine } from '../core/engine-types.js';
import type { Logger } from '../logger.js';
import { Admission } from './admission.js';
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
  insights?: Insights;
  admission?: Admission;
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
    ...(options.insights ? { insights: options.insights } : {}),
    admission: options.admission ?? new Admission(64),
  };
}
