import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const KNOWLEDGE = path.join(ROOT, 'knowledge');

/** A logger whose JSON lines land in `lines`. */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'briefbot-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the repository's knowledge folder that a test may edit. */
export function knowledgeCopy(): { dir: string; cleanup(): void } {
  const tmp = tempDir('briefbot-kb-');
  const dir = path.join(tmp.dir, 'knowledge');
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return { dir, cleanup: tmp.cleanup };
}

/** A knowledge entry as its YAML reads, copied under a new id: `tag` ends its id and each question. */
export function taggedEntry(
  e: { id: string; questions: { en: string[]; fr: string[] } },
  tag: string,
): Record<string, unknown> {
  return {
    ...e,
    id: `${e.id.slice(0, 40)}-${tag}`,
    related: [],
    questions: {
      en: e.questions.en.map((q) => `${q} ${tag}`),
      fr: e.questions.fr.map((q) => `${q} ${tag}`),
    },
  };
}

/** Console-mode config (no platform) with overrides. */
export function testConfig(overrides: Partial<Config>): Config {
  return {
    env: 'test',
    logLevel: 'debug',
    port: 3000,
    host: '127.0.0.1',
    knowledgeDir: KNOWLEDGE,
    dataDir: 'data',
    rateLimitPerMinute: 10,
    reload: false,
    retention: { maxRows: 1_000_000, days: 365 },
    knowledgeLimits: { maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 },
    maxInFlight: 64,
    ...overrides,
  };
}
