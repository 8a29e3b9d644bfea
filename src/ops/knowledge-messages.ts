import type { KnowledgeLimits } from '../core/knowledge/files.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import type { PreparedEngine } from '../core/prepare.js';

/** What ops/knowledge.ts and its reload worker (ops/knowledge-worker.ts) say to each other. */

export interface WorkerRequest {
  dir: string;
  limits: KnowledgeLimits;
}

/** Entries per message after the first. */
export const PART_ENTRIES = 100;

/** The first message: the outcome, and for a valid base everything but its entries. */
export type WorkerHeader =
  | {
      ok: true;
      /** The KnowledgeBase without `entries` and `byId` (they follow in parts). */
      kb: Omit<KnowledgeBase, 'entries' | 'byId'>;
      prepared: PreparedEngine;
      entries: number;
      files: number;
      emptyFiles: string[];
      readMs: number;
      validateMs: number;
      indexMs: number;
    }
  | { ok: false; problems: string[]; count: number; emptyFiles: string[] };

/** Each later message: the next entries, in order. */
export interface WorkerPart {
  part: Entry[];
}
