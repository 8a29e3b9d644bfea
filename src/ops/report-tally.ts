import { existsSync, statSync } from 'node:fs';
import type { FeedbackReason } from '../core/feedback.js';
import { parseRecordLine, questionKey } from '../services/records.js';
import { forEachLine } from './report-lines.js';

/** The report's counts, whatever they are read from, and its rankings: what to fix first. */

export interface UnansweredRow {
  question: string;
  count: number;
  lang: string;
}

export interface VoteRow {
  entryId: string;
  down: number;
  up: number;
  /** 👎 by reason given in the feedback form ("none" when the form was sent without one). */
  reasons?: Partial<Record<FeedbackReason | 'none', number>>;
}

/** An entry worth fixing first: its 👎, and the unanswered questions it came closest to. */
export interface FixRow {
  entryId: string;
  down: number;
  nearMisses: number;
  topReason?: FeedbackReason;
}

export interface Report {
  unanswered: (UnansweredRow & { closest?: string })[];
  disliked: VoteRow[];
  /** Entries ranked by 2 × 👎 + unanswered questions closest to them (when a closest-entry finder is given). */
  fixFirst: FixRow[];
  totals: { unanswered: number; votes: number; skippedLines: number };
}

/** Which entry the engine came closest to for a question it could not answer (the report's "closest"). */
export type ClosestEntry = (question: string, lang: string) => string | undefined;

/** Unanswered questions (most frequent first) whose closest entry counts towards "fix first". */
const CLOSEST_ASKED = 200;

/**
 * Counts by key in bounded memory: past `2 × capacity` keys the smallest half is evicted (a lossy
 * top-k count). Exact while there are fewer distinct keys than that; the top of a skewed stream stays
 * right beyond it.
 */
export class TopCounter<T extends { count: number }> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly capacity = 5000) {}

  add(key: string, weight: number, make: () => T): T {
    let row = this.rows.get(key);
    if (!row) {
      row = make();
      this.rows.set(key, row);
      if (this.rows.size > this.capacity * 2) this.evict();
    }
    row.count += weight;
    return row;
  }

  values(): T[] {
    return [...this.rows.values()];
  }

  private evict(): void {
    const sorted = [...this.rows.entries()].sort((a, b) => b[1].count - a[1].count);
    for (const [k] of sorted.slice(this.capacity)) this.rows.delete(k);
  }
}

/** The counts of one report: unanswered questions and votes, added from database rows or file lines. */
export class Tally {
  readonly questions = new TopCounter<UnansweredRow>();
  readonly entries = new TopCounter<VoteRow & { count: number }>();
  unanswered = 0;
  votes = 0;
  skipped = 0;

  question(question: string, lang: string, count: number, key = questionKey(question)): void {
    this.unanswered += count;
    this.questions.add(key, count, () => ({ question, count: 0, lang }));
  }

  vote(
    entryId: string,
    up: number,
    down: number,
    reasons: Partial<Record<FeedbackReason | 'none', number>> = {},
  ): void {
    this.votes += up + down;
    const row = this.entries.add(entryId, up + down, () => ({ entryId, down: 0, up: 0, count: 0 }));
    row.up += up;
    row.down += down;
    for (const [reason, n] of Object.entries(reasons) as [FeedbackReason | 'none', number][]) {
      if (!n) continue;
      row.reasons ??= {};
      row.reasons[reason] = (row.reasons[reason] ?? 0) + n;
    }
  }

  /** Reads one JSON lines file, deciding per line whether it is a vote or a question. */
  async file(path: string): Promise<void> {
    if (!existsSync(path) || !statSync(path).isFile()) return;
    const { skipped } = await forEachLine(path, (line) => {
      if (line.trim() === '') return;
      const record = parseRecordLine(line);
      if (!record) this.skipped += 1;
      else if (record.kind === 'vote')
        this.vote(
          record.entryId,
          record.vote === 'up' ? 1 : 0,
          record.vote === 'down' ? 1 : 0,
          record.vote === 'down' ? { [record.reason ?? 'none']: 1 } : {},
        );
      else this.question(record.question, record.lang, 1);
    });
    this.skipped += skipped;
  }

  report(top: number, closest?: ClosestEntry): Report {
    const questions = this.questions
      .values()
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question));
    const disliked = this.entries
      .values()
      .filter((r) => r.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId))
      .map(({ entryId, down, up, reasons }) => ({ entryId, down, up, ...(reasons ? { reasons } : {}) }));
    // The closest entry of the most frequent unanswered questions (a bounded number of engine calls).
    const near = new Map<string, number>();
    const unanswered = questions.slice(0, Math.max(top, CLOSEST_ASKED)).map((q) => {
      const id = closest?.(q.question, q.lang);
      if (id) near.set(id, (near.get(id) ?? 0) + q.count);
      return id ? { ...q, closest: id } : q;
    });
    const ids = new Set([...disliked.map((d) => d.entryId), ...near.keys()]);
    const fixFirst = [...ids]
      .map((entryId) => {
        const d = disliked.find((x) => x.entryId === entryId);
        const reasons = Object.entries(d?.reasons ?? {}).filter(([r]) => r !== 'none') as [
          FeedbackReason,
          number,
        ][];
        const topReason = reasons.sort((a, b) => b[1] - a[1])[0]?.[0];
        return {
          entryId,
          down: d?.down ?? 0,
          nearMisses: near.get(entryId) ?? 0,
          ...(topReason ? { topReason } : {}),
        };
      })
      .sort(
        (a, b) =>
          2 * b.down + b.nearMisses - (2 * a.down + a.nearMisses) || a.entryId.localeCompare(b.entryId),
      )
      .slice(0, top);
    return {
      unanswered: unanswered.slice(0, top),
      disliked: disliked.slice(0, top),
      fixFirst,
      totals: { unanswered: this.unanswered, votes: this.votes, skippedLines: this.skipped },
    };
  }
}
