import { createHash } from 'node:crypto';
import type { KnowledgeLimits } from '../core/knowledge/files.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import type { PreparedEngine } from '../core/prepare.js';

/** What ops/knowledge-runner.ts and its reload worker (ops/knowledge-worker.ts) say to each other. */

export interface WorkerRequest {
  dir: string;
  limits: KnowledgeLimits;
  /** Fingerprints of the entries the bot holds now: an entry found again unchanged is not sent. */
  known?: string[];
}

/** An entry's fingerprint: the same text for the same content (the id included, so unique). */
export function entryPrint(entry: Entry): string {
  return fingerprint(entry);
}

/** A fingerprint of JSON-able data (an entry, the vocabulary). */
export function fingerprint(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64');
}

/** Entries per message after the first. */
export const PART_ENTRIES = 100;

/** What reading a knowledge folder cost, and which of its files were empty. */
export interface ReadFigures {
  files: number;
  emptyFiles: string[];
  readMs: number;
  validateMs: number;
  indexMs: number;
}

/** An invalid knowledge folder: its problems (the first ones) and how many there were. */
export interface WorkerFailure {
  ok: false;
  problems: string[];
  count: number;
  emptyFiles: string[];
}

/** What a valid read brings besides the knowledge: its figures, its prepared index and fingerprints. */
export interface ReadOutcome extends ReadFigures {
  ok: true;
  prepared: PreparedEngine;
  /** Every entry's fingerprint, in order (for the next reload). */
  prints: string[];
  /** The vocabulary's fingerprint: the bot keeps its lexicon when it did not change. */
  vocabularyPrint: string;
}

/** The first message: the outcome, and for a valid base everything but its entries. */
export type WorkerHeader =
  | (ReadOutcome & {
      /** The KnowledgeBase without `entries` and `byId` (they follow in parts, those the bot did not hold). */
      kb: Omit<KnowledgeBase, 'entries' | 'byId'>;
      /** Entries sent in parts (the others are the bot's own, unchanged). */
      sent: number;
    })
  | WorkerFailure;

/** Each later message: the next entries not already held, in order. */
export interface WorkerPart {
  part: Entry[];
}
