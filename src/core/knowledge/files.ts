import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { KnowledgeError, type KnowledgeProblem } from './types.js';

/** Caps on what a knowledge folder may hold; a file over them is refused, not read. */
export interface KnowledgeLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  /** Knowledge files in the folder (a folder of 10,000 files is refused as a whole). */
  maxFiles?: number;
}

export const DEFAULT_KNOWLEDGE_LIMITS: KnowledgeLimits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxFiles: 1000,
};

/**
 * Knowledge files refused before parsing (too big, not a regular file, folder unreadable): start-up
 * exits 2 on it, like a configuration error, instead of crashing and restarting in a loop.
 */
export class KnowledgeFilesRefused extends KnowledgeError {
  constructor(problems: KnowledgeProblem[]) {
    super(problems);
    this.name = 'KnowledgeFilesRefused';
  }
}

/** One knowledge file, read. */
export interface KnowledgeFile {
  /** Name relative to the knowledge folder. */
  name: string;
  text: string;
}

export interface Gathered {
  files: KnowledgeFile[];
  /** Files refused (too big, not a regular file, unreadable) or a folder that cannot be read. */
  problems: KnowledgeProblem[];
}

const KNOWLEDGE_FILE = /\.ya?ml$/i;

/* The files of a knowledge folder that are not topic files (load.ts reads each with its own schema). */
export const PRICES_FILE = 'prices.yaml';
/** Figures behind the charts (optional: without it, replies carry no market or training chart). */
export const CHARTS_FILE = 'charts.yaml';
export const VOCABULARY_FILE = 'vocabulary.yaml';
export const GAPS_FILE = 'gaps.yaml';

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/**
 * Reads the .yaml/.yml files of a knowledge folder safely: regular files only (a FIFO, a device, a
 * socket or a dangling or looping symlink is refused without being opened for a blocking read), each
 * under `maxFileBytes` and all under `maxTotalBytes`. A file is opened non-blocking and checked again
 * on its descriptor, so one swapped for a FIFO between the check and the open cannot hang the reader.
 * Never throws: every refusal is a problem naming the file.
 */
export function gatherKnowledgeFiles(
  dir: string,
  limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS,
): Gathered {
  const problems: KnowledgeProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => KNOWLEDGE_FILE.test(n))
      .sort();
  } catch (err) {
    return {
      files: [],
      problems: [{ file: dir, message: `cannot read the folder: ${(err as Error).message}` }],
    };
  }
  const maxFiles = limits.maxFiles ?? DEFAULT_KNOWLEDGE_LIMITS.maxFiles ?? 1000;
  if (names.length > maxFiles) {
    return {
      files: [],
      problems: [
        { file: dir, message: `${names.length} knowledge files: more than the limit of ${maxFiles}` },
      ],
    };
  }
  const files: KnowledgeFile[] = [];
  let total = 0;
  for (const name of names) {
    const path = join(dir, name);
    const refuse = (message: string) => problems.push({ file: name, message });
    let size: number;
    try {
      const link = lstatSync(path);
      const st = link.isSymbolicLink() ? statSync(path) : link;
      if (!st.isFile()) {
        refuse(`not a regular file (${kindOf(st)}): refused`);
        continue;
      }
      size = st.size;
    } catch (err) {
      refuse(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    if (size > limits.maxFileBytes) {
      refuse(
        `${mb(size)}: larger than the limit of ${mb(limits.maxFileBytes)} per file (KNOWLEDGE_MAX_FILE_MB)`,
      );
      continue;
    }
    if (total + size > limits.maxTotalBytes) {
      refuse(
        `the knowledge files together exceed the limit of ${mb(limits.maxTotalBytes)} (KNOWLEDGE_MAX_TOTAL_MB)`,
      );
      continue;
    }
    const read = readCapped(path, limits.maxFileBytes);
    if (typeof read !== 'string') {
      refuse(read.problem);
      continue;
    }
    total += Buffer.byteLength(read);
    files.push({ name, text: read });
  }
  return { files, problems };
}

/**
 * Reads every .yaml/.yml file of a knowledge folder, within the size caps and regular files only;
 * throws KnowledgeFilesRefused naming each file refused.
 */
export function readKnowledgeDir(dir: string, limits?: KnowledgeLimits): KnowledgeFile[] {
  const { files, problems } = gatherKnowledgeFiles(dir, limits);
  if (problems.length > 0) throw new KnowledgeFilesRefused(problems);
  return files;
}

function kindOf(st: { isFIFO(): boolean; isDirectory(): boolean; isSocket(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isDirectory()) return 'a folder';
  if (st.isSocket()) return 'a socket';
  return 'a device';
}

/** Reads at most `max` bytes through a non-blocking descriptor that must still be a regular file. */
function readCapped(path: string, max: number): string | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { problem: `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: 'not a regular file: refused' };
    const buffer = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 1)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > max) return { problem: `grew past the limit of ${mb(max)} while being read` };
    if (length === buffer.length) return { problem: 'changed while being read' };
    return buffer.subarray(0, length).toString('utf8');
  } catch (err) {
    return { problem: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
