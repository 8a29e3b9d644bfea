import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { createEngine } from '../core/engine.js';
import type { Engine } from '../core/engine-types.js';
import {
  DEFAULT_KNOWLEDGE_LIMITS,
  type KnowledgeFile,
  type KnowledgeLimits,
  readKnowledgeDir,
} from '../core/knowledge/files.js';
import { type KnowledgeBase, KnowledgeError } from '../core/knowledge/types.js';
import { Lexicon } from '../core/lexicon.js';
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

/** Where the store is and which build wrote it. */
export interface StartupStore {
  /** The build of the running code; no store without one. */
  stamp: string | undefined;
  file: string;
}

interface Cached {
  kb: KnowledgeBase;
  prepared: PreparedEngine;
}

/** dist/.knowledge-cache, for the build in dist/.build-stamp (none when running the TypeScript source). */
function defaultStore(): StartupStore {
  const dist = fileURLToPath(new URL('..', import.meta.url));
  let stamp: string | undefined;
  if (import.meta.url.endsWith('.js')) {
    try {
      stamp = readFileSync(`${dist}.build-stamp`, 'utf8');
    } catch {
      stamp = undefined;
    }
  }
  return { stamp, file: `${dist}.knowledge-cache` };
}

/** The caps are not in the key: they only refuse files, checked before the store is looked at. */
function keyOf(stamp: string, files: KnowledgeFile[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${stamp}\0${process.versions.v8}\0`);
  for (const f of files) h.update(`${f.name}\0${f.text.length}\0${f.text}\0`);
  return h.digest('hex');
}

function sha(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The stored knowledge for this key, or undefined (none, another key, damaged). */
function read(cacheFile: string, key: string): Cached | undefined {
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

function write(cacheFile: string, key: string, value: Cached): void {
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

/** An engine ready to answer, with the knowledge and the lexicon it was built from. */
export interface StartupEngine {
  engine: Engine;
  kb: KnowledgeBase;
  lexicon: Lexicon;
}

/**
 * Loads the folder (caps apply) and builds its engine (returned with its knowledge), from the stored
 * result when the files and the code are unchanged. Rejects with KnowledgeFilesRefused or
 * KnowledgeError, as loadKnowledge throws them. The YAML parser and the knowledge schemas are imported
 * only when the store misses: a start from the store does not load them (about 15 MB of memory).
 */
export async function loadStartupEngine(
  dir: string,
  limits: KnowledgeLimits,
  store: StartupStore = defaultStore(),
): Promise<StartupEngine> {
  const files = readKnowledgeDir(dir, limits);
  const key = store.stamp === undefined ? undefined : keyOf(store.stamp, files);
  const cached = key === undefined ? undefined : read(store.file, key);
  if (cached) {
    try {
      const lexicon = new Lexicon(cached.kb.vocabulary);
      const engine = createEngine(cached.kb, {}, { ...cached.prepared, lexicon });
      return { engine, kb: cached.kb, lexicon };
    } catch {
      // Stored by another version of the index: built again below.
    }
  }
  const { validateKnowledge } = await import('../core/knowledge/load.js');
  const v = validateKnowledge(files);
  if (!v.kb) throw new KnowledgeError(v.errors);
  const lexicon = new Lexicon(v.kb.vocabulary);
  const prepared = prepareEngine(v.kb, lexicon);
  const engine = createEngine(v.kb, {}, { ...prepared, lexicon });
  if (key !== undefined) write(store.file, key, { kb: v.kb, prepared });
  return { engine, kb: v.kb, lexicon };
}

/** `npm run build` fills the store for the shipped folder, so the first start after `npm ci` is quick too. */
export async function warmKnowledgeCache(dir: string): Promise<void> {
  await loadStartupEngine(dir, DEFAULT_KNOWLEDGE_LIMITS);
}
