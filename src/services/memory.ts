import type { Feedback, FeedbackStore, SharedState, Unanswered } from './types.js';

/** Values kept by one MemoryState at most; the oldest written goes first. */
export const MAX_MEMORY_VALUES = 50_000;

/** Single-instance SharedState. Expired keys are dropped lazily and by a periodic sweep. */
export class MemoryState implements SharedState {
  private readonly claims = new Map<string, number>();
  private readonly counters = new Map<string, { count: number; expires: number }>();
  /** Insertion-ordered: re-setting a key moves it to the end. */
  private readonly values = new Map<string, { value: string; expires: number }>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxValues = MAX_MEMORY_VALUES,
  ) {}

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    this.sweep();
    const t = this.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > t) return false;
    this.claims.set(key, t + ttlSeconds * 1000);
    return true;
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    this.sweep();
    const t = this.now();
    const c = this.counters.get(key);
    if (!c || c.expires <= t) {
      this.counters.set(key, { count: 1, expires: t + windowSeconds * 1000 });
      return 1;
    }
    c.count += 1;
    return c.count;
  }

  async get(key: string): Promise<string | undefined> {
    const v = this.values.get(key);
    if (!v) return undefined;
    if (v.expires <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return v.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.sweep();
    this.values.delete(key);
    this.values.set(key, { value, expires: this.now() + Math.max(1, ttlSeconds) * 1000 });
    while (this.values.size > this.maxValues) this.values.delete(this.values.keys().next().value as string);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async close(): Promise<void> {
    this.claims.clear();
    this.counters.clear();
    this.values.clear();
  }

  private sweep(): void {
    const t = this.now();
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    for (const [k, until] of this.claims) if (until <= t) this.claims.delete(k);
    for (const [k, c] of this.counters) if (c.expires <= t) this.counters.delete(k);
    for (const [k, v] of this.values) if (v.expires <= t) this.values.delete(k);
  }
}

/** Keeps feedback in memory (tests, console). The file store persists it. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly votes: Feedback[] = [];
  readonly unanswered: Unanswered[] = [];
  async recordFeedback(feedback: Feedback): Promise<void> {
    this.votes.push(feedback);
  }
  async recordUnanswered(item: Unanswered): Promise<void> {
    this.unanswered.push(item);
  }
  async flush(): Promise<void> {}
}
