import { parentPort, workerData } from 'node:worker_threads';
import { gatherKnowledgeFiles } from '../core/knowledge/files.js';
import { validateKnowledge } from '../core/knowledge/load.js';
import { type Entry, formatProblem } from '../core/knowledge/types.js';
import { type PreparedEngine, preparedBuffers, prepareEngine } from '../core/prepare.js';
import {
  entryPrint,
  fingerprint,
  PART_ENTRIES,
  type WorkerHeader,
  type WorkerPart,
  type WorkerRequest,
} from './knowledge-messages.js';

/**
 * The reload worker (started by ops/knowledge-runner.ts for each reload): reads the folder within its caps,
 * parses the YAML, validates it and builds the engine's index off the main thread, then posts the
 * result. A runaway file costs this worker's memory and time, never the bot's.
 *
 * A large base is posted in parts so that no single message takes the main thread long to receive
 * (a structured clone is decoded in one go, about 4 µs an entry): first the knowledge without its
 * entries and the prepared index (its typed arrays transferred, not copied), then the entries,
 * PART_ENTRIES at a time, each part when the main thread asks for it ('more'), so the answers it
 * serves run between two parts. Entries the bot already holds unchanged (their fingerprints came
 * with the request) are not sent at all: it keeps its own objects.
 */
const PROBLEMS_POSTED = 20;

function run(): { header: WorkerHeader; entries: Entry[] } {
  const { dir, limits, known } = workerData as WorkerRequest;
  const t0 = performance.now();
  const { files, problems } = gatherKnowledgeFiles(dir, limits);
  const emptyFiles = files.filter((f) => f.text.trim() === '').map((f) => f.name);
  const t1 = performance.now();
  const refused = (list: string[], count: number) => ({
    header: { ok: false as const, problems: list.slice(0, PROBLEMS_POSTED), count, emptyFiles },
    entries: [],
  });
  if (problems.length > 0) return refused(problems.map(formatProblem), problems.length);
  const v = validateKnowledge(files);
  if (!v.kb || v.errors.length > 0) return refused(v.errors.map(formatProblem), v.errors.length);
  const t2 = performance.now();
  let prepared: PreparedEngine;
  try {
    prepared = prepareEngine(v.kb);
  } catch (err) {
    return refused([`${dir}: cannot build the index: ${(err as Error).message}`], 1);
  }
  const { entries, byId: _byId, ...rest } = v.kb;
  // An edit changes a few entries: the bot keeps its own objects for the others (less to decode).
  const held = new Set(known ?? []);
  const prints = entries.map(entryPrint);
  const changed = entries.filter((_, i) => !held.has(prints[i] as string));
  const indexMs = performance.now() - t2;
  return {
    header: {
      ok: true,
      kb: rest,
      prepared,
      prints,
      vocabularyPrint: fingerprint(v.kb.vocabulary),
      sent: changed.length,
      files: files.length,
      emptyFiles,
      readMs: t1 - t0,
      validateMs: t2 - t1,
      indexMs,
    },
    entries: changed,
  };
}

const { header, entries } = run();
parentPort?.postMessage(header, header.ok ? preparedBuffers(header.prepared) : []);
let sent = 0;
parentPort?.on('message', (m: unknown) => {
  if (m !== 'more' || sent >= entries.length) return;
  const part: WorkerPart = { part: entries.slice(sent, sent + PART_ENTRIES) };
  sent += part.part.length;
  parentPort?.postMessage(part);
});
