import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import type { Feedback, FeedbackStore, Unanswered } from './types.js';

export const VOTES_FILE = 'feedback.jsonl';
export const UNANSWERED_FILE = 'unanswered.jsonl';

/**
 * Appends votes and unanswered questions as JSON lines under DATA_DIR. Writes are queued in order;
 * `flush()` waits for every queued line (called at shutdown). A failed write is logged, never thrown
 * at the user's question.
 */
export class FileFeedbackStore implements FeedbackStore {
  private queue: Promise<void> = Promise.resolve();
  private ready: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  recordFeedback(feedback: Feedback): Promise<void> {
    return this.append(VOTES_FILE, { at: new Date().toISOString(), ...feedback });
  }

  recordUnanswered(item: Unanswered): Promise<void> {
    return this.append(UNANSWERED_FILE, { at: new Date().toISOString(), ...item });
  }

  flush(): Promise<void> {
    return this.queue;
  }

  private append(file: string, record: Record<string, unknown>): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    const ready = this.ready;
    this.queue = this.queue
      .then(() => ready)
      .then(() => appendFile(join(this.dir, file), line, 'utf8'))
      .catch((err: Error) => {
        this.ready = undefined;
        this.logger?.error({ err: err.message, file }, 'feedback store write failed');
      });
    return this.queue;
  }
}
