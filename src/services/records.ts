import { cleanComment, isFeedbackReason } from '../core/feedback.js';
import type { Logger } from '../logger.js';
import type { Feedback, FeedbackStore, Unanswered } from './types.js';

/** One stored record: a 👍 / 👎 vote or an unanswered question, stamped when it was made. */
export type StoredRecord = ({ kind: 'vote' } & Feedback) | ({ kind: 'unanswered' } & Unanswered);
export type TimedRecord = StoredRecord & { at: string };

/** Where records end up (SQLite by default, PostgreSQL with DATABASE_URL). */
export interface RecordBackend {
  readonly name: string;
  /** Writes the whole batch or nothing (one transaction): a failure never leaves part of a record. */
  write(batch: readonly TimedRecord[]): void | Promise<void>;
  close(): void | Promise<void>;
}

export interface RecordHooks {
  written?(count: number): void;
  /** Records lost: the queue was full, or a batch kept failing past its retries. */
  dropped?(count: number, reason: 'queue_full' | 'write_failed'): void;
  /** A batch write failed (it is retried). */
  writeFailed?(): void;
}

export interface BatchOptions {
  logger?: Logger;
  hooks?: RecordHooks;
  /** Records kept in memory waiting for the backend; beyond, new ones are dropped and counted. */
  maxQueued?: number;
  /** Records per transaction. */
  batchSize?: number;
  /** How long the first record of a batch waits for others, in ms. */
  delayMs?: number;
  /** Attempts of one batch before it is given up (and counted as dropped). */
  attempts?: number;
}

export interface RecordStats {
  queued: number;
  written: number;
  dropped: number;
  failedWrites: number;
}

const DONE: Promise<void> = Promise.resolve();

/**
 * The FeedbackStore of the running bot: recording is a push onto a bounded in-memory queue (the asker
 * never waits for a disk or a database); a timer writes the queue in batches, one transaction each,
 * after the reply has gone. A failed batch is retried with backoff, then dropped and counted; a full
 * queue drops new records and counts them. `flush()` (shutdown) writes what is left.
 */
export class BatchedFeedbackStore implements FeedbackStore {
  private queue: TimedRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private attempt = 0;
  private readonly stats_: RecordStats = { queued: 0, written: 0, dropped: 0, failedWrites: 0 };
  private lastDropLog = 0;
  private readonly maxQueued: number;
  private readonly batchSize: number;
  private readonly delayMs: number;
  private readonly attempts: number;

  constructor(
    readonly backend: RecordBackend,
    private readonly options: BatchOptions = {},
  ) {
    this.maxQueued = options.maxQueued ?? 10_000;
    this.batchSize = options.batchSize ?? 500;
    this.delayMs = options.delayMs ?? 100;
    this.attempts = options.attempts ?? 5;
  }

  recordFeedback(feedback: Feedback): Promise<void> {
    this.enqueue({ kind: 'vote', ...feedback, at: new Date().toISOString() });
    return DONE;
  }

  recordUnanswered(item: Unanswered): Promise<void> {
    this.enqueue({ kind: 'unanswered', ...item, at: new Date().toISOString() });
    return DONE;
  }

  stats(): RecordStats {
    return { ...this.stats_, queued: this.queue.length };
  }

  /** Writes everything queued (one attempt per batch past the first failure); resolves, never throws. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.draining) await this.draining;
    let failures = 0;
    while (this.queue.length > 0 && failures < 2) {
      if (!(await this.writeOne())) failures += 1;
    }
    if (this.queue.length > 0) {
      const lost = this.queue.length;
      this.queue = [];
      this.drop(lost, 'write_failed');
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await this.backend.close();
  }

  private enqueue(record: TimedRecord): void {
    if (this.queue.length >= this.maxQueued) {
      this.drop(1, 'queue_full');
      return;
    }
    this.queue.push(record);
    this.schedule(this.delayMs);
  }

  private drop(count: number, reason: 'queue_full' | 'write_failed'): void {
    this.stats_.dropped += count;
    this.options.hooks?.dropped?.(count, reason);
    const now = Date.now();
    if (now - this.lastDropLog > 10_000 || reason === 'write_failed') {
      this.lastDropLog = now;
      this.options.logger?.error(
        { count, reason, droppedTotal: this.stats_.dropped, backend: this.backend.name },
        'records dropped',
      );
    }
  }

  private schedule(delay: number): void {
    if (this.timer || this.draining) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0) this.schedule(this.attempt > 0 ? this.backoff() : 0);
      });
    }, delay);
    this.timer.unref();
  }

  private backoff(): number {
    return Math.min(30_000, this.delayMs * 2 ** this.attempt);
  }

  /** Writes batches until the queue is empty or one fails (the timer retries it later). */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      if (!(await this.writeOne())) return;
    }
  }

  /** Writes the first batch; on failure it stays at the head of the queue unless its attempts are spent. */
  private async writeOne(): Promise<boolean> {
    const batch = this.queue.slice(0, this.batchSize);
    try {
      await this.backend.write(batch);
    } catch (err) {
      this.attempt += 1;
      this.stats_.failedWrites += 1;
      this.options.hooks?.writeFailed?.();
      this.options.logger?.warn(
        {
          err: (err as Error).message,
          records: batch.length,
          attempt: this.attempt,
          backend: this.backend.name,
        },
        'records write failed, will retry',
      );
      if (this.attempt >= this.attempts) {
        this.queue.splice(0, batch.length);
        this.attempt = 0;
        this.drop(batch.length, 'write_failed');
      }
      return false;
    }
    this.queue.splice(0, batch.length);
    this.attempt = 0;
    this.stats_.written += batch.length;
    this.options.hooks?.written?.(batch.length);
    return true;
  }
}

/** The same question typed with other case or spacing counts once (stored with each record). */
/** A vote's values in the order of the votes table's columns (at, platform, user, entry, vote, lang, reason, comment). */
export function voteRow(r: TimedRecord & { kind: 'vote' }): unknown[] {
  return [r.at, r.platform, r.user, r.entryId, r.vote, r.lang, r.reason ?? null, r.comment ?? null];
}

export function questionKey(q: string): string {
  return q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?!.\s]+$/, '')
    .trim();
}

/**
 * Reads one JSON line into a record, or undefined for anything odd: not JSON, not an object, a field
 * of the wrong type (`{"lang":{"toString":1}}`), an unknown kind. Never throws.
 */
export function parseRecordLine(line: string, expected?: 'vote' | 'unanswered'): TimedRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const str = (k: string, max = 2000): string | undefined => {
    const v = r[k];
    return typeof v === 'string' && v.length <= max ? v : undefined;
  };
  const at = str('at', 40) ?? '';
  const platform = str('platform', 20) ?? 'unknown';
  const lang = str('lang', 5) === 'fr' ? 'fr' : 'en';
  const kind = expected ?? ('entryId' in r ? 'vote' : 'unanswered');
  if (kind === 'unanswered') {
    const question = str('question');
    if (question === undefined) return undefined;
    return { kind, at, platform: platform as Unanswered['platform'], question, lang };
  }
  const entryId = str('entryId', 200);
  const vote = r.vote === 'up' || r.vote === 'down' ? r.vote : undefined;
  if (entryId === undefined || vote === undefined) return undefined;
  const reason = isFeedbackReason(r.reason) ? r.reason : undefined;
  const comment = cleanComment(str('comment'));
  return {
    kind,
    at,
    platform: platform as Feedback['platform'],
    user: str('user', 100) ?? '',
    entryId,
    vote,
    lang,
    ...(reason ? { reason } : {}),
    ...(comment ? { comment } : {}),
  };
}
