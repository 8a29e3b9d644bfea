import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { createEngine, type Engine, KnowledgeError } from '../core/index.js';
import {
  DEFAULT_KNOWLEDGE_LIMITS,
  type GatheredFile,
  gatherKnowledgeFiles,
  KnowledgeFilesRefused,
  type KnowledgeLimits,
} from '../core/knowledge/files.js';
import { validateKnowledge } from '../core/knowledge/load.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { type PreparedEngine, prepareEngine } from '../core/prepare.js';

/**
 * Start-up's knowledge, kept between runs of the compiled app: the validated knowledge base and its
 * prepared index, stored with v8.serialize in dist/ under a key made of the knowledge files (names and
 * contents), the build of the code that read them and the V8 version. A start with the same
 * files and code skips parsing, validating and indexing — most of its time to the prompt; any change
 * misses and rebuilds (and stores the new result). The files are always read and their caps enforced;
 * invalid knowledge is never stored, so its errors are always reported. Without a build stamp (running
 * from the TypeScript source, tests) or where dist/ is read-only, it simply builds every time.
 */

const FORMAT = 'briefbot-knowledge-cache 1';
const dist = fileURLToPath(new URL('..', import.meta.url));
const stampFile = `${dist}.build-stamp`;
const cacheFile = `${dist}.knowledge-cache`;

interface Cached {
  kb: KnowledgeBase;
  prepared: PreparedEngine;
}

/** The build this code comes from (dist/.build-stamp), or undefined when it is not a build. */
function buildStamp(): string | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  try {
    return readFileSync(stampFile, 'utf8');
  } catch {
    return undefined;
  }
}

/** The caps are not in the key: they only refuse files, checked before the store is looked at. */
function keyOf(stamp: string, files: GatheredFile[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${stamp}\0${process.versions.v8}\0`);
  for (const f of files) h.update(`${f.name}\0${f.text.length}\0${f.text}\0`);
  return h.digest('hex');
}

function sha(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The stored knowledge for this key, or undefined (none, another key, damaged). */
function read(key: string): Cached | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  // key (64 hex) \n checksum of the payload (64 hex) \n payload
  if (buf.length < 130 || buf.toString('latin1', 0, 64) !== key) return undefined;
  const payload = buf.subarray(130);
  if (buf.toString('latin1', 65, 129) !== sha(payload)) return undefined;
  try {
    return deserialize(payload) as Cached;
  } catch {
    return undefined;
  }
}

function write(key: string, value: Cached): void {
  const tmp = `${cacheFile}.${process.pid}`;
  try {
    const payload = serialize(value);
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${key}\n${sha(payload)}\n`, 'latin1'), payload]));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only dist/ (a container's image): the next start builds again, nothing else changes.
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
}

/**
 * Loads the folder (caps apply) and builds its engine, from the stored result when the files and the
 * code are unchanged. Throws KnowledgeFilesRefused or KnowledgeError, as loadKnowledge does.
 */
export function loadStartupEngine(dir: string, limits: KnowledgeLimits): Engine {
  const { files, problems } = gatherKnowledgeFiles(dir, limits);
  if (problems.length > 0) throw new KnowledgeFilesRefused(problems);
  const stamp = buildStamp();
  const key = stamp === undefined ? undefined : keyOf(stamp, files);
  const cached = key === undefined ? undefined : read(key);
  if (cached) {
    try {
      return createEngine(cached.kb, {}, cached.prepared);
    } catch {
      // Stored by another version of the index: built again below.
    }
  }
  const v = validateKnowledge(files);
  if (!v.kb) throw new KnowledgeError(v.errors);
  const prepared = prepareEngine(v.kb);
  const engine = createEngine(v.kb, {}, prepared);
  if (key !== undefined) write(key, { kb: v.kb, prepared });
  return engine;
}

/** `npm run build` fills the store for the shipped folder, so the first start after `npm ci` is quick too. */
export function warmKnowledgeCache(dir: string): void {
  loadStartupEngine(dir, DEFAULT_KNOWLEDGE_LIMITS);
}
