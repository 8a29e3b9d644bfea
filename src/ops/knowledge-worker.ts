import { parentPort, workerData } from 'node:worker_threads';
import { gatherKnowledgeFiles, type KnowledgeLimits } from '../core/knowledge/files.js';
import { validateKnowledge } from '../core/knowledge/load.js';
import { formatProblem } from '../core/knowledge/types.js';

/**
 * The reload worker (started by ops/knowledge.ts for each reload): reads the folder within its caps,
 * parses the YAML and validates it off the main thread, then posts the KnowledgeBase (structured
 * clone) or the problems. A runaway file costs this worker's memory and time, never the bot's.
 */
export interface WorkerRequest {
  dir: string;
  limits: KnowledgeLimits;
}

export type WorkerResponse =
  | { ok: true; kb: unknown; files: number; emptyFiles: string[]; readMs: number; validateMs: number }
  | { ok: false; problems: string[]; count: number; emptyFiles: string[] };

const { dir, limits } = workerData as WorkerRequest;
const t0 = performance.now();
const { files, problems } = gatherKnowledgeFiles(dir, limits);
const emptyFiles = files.filter((f) => f.text.trim() === '').map((f) => f.name);
const t1 = performance.now();
let response: WorkerResponse;
if (problems.length > 0) {
  response = {
    ok: false,
    problems: problems.slice(0, 20).map(formatProblem),
    count: problems.length,
    emptyFiles,
  };
} else {
  const v = validateKnowledge(files);
  if (v.kb && v.errors.length === 0)
    response = {
      ok: true,
      kb: v.kb,
      files: files.length,
      emptyFiles,
      readMs: t1 - t0,
      validateMs: performance.now() - t1,
    };
  else
    response = {
      ok: false,
      problems: v.errors.slice(0, 20).map(formatProblem),
      count: v.errors.length,
      emptyFiles,
    };
}
parentPort?.postMessage(response);
