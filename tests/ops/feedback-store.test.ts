import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { buildReport } from '../../src/ops/report.js';
import { forEachLine, MAX_LINE_BYTES } from '../../src/ops/report-lines.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion, recordVote } from '../../src/services/pipeline.js';
import { BatchedFeedbackStore, type RecordBackend, type TimedRecord } from '../../src/services/records.js';
import {
  DB_FILE,
  LEGACY_UNANSWERED_FILE,
  LEGACY_VOTES_FILE,
  openDatabase,
  SqliteRecords,
} from '../../src/services/sqlite-store.js';
import { openRecordStore } from '../../src/services/store.js';
import { runCli, runNode } from '../helpers/cli.js';
import { cleanEnv } from './spawn-main.js';
import { capturedLogger, KNOWLEDGE, tempDir } from './support.js';

const engine = loadEngineFromDir(KNOWLEDGE);

function servicesWith(feedback: BatchedFeedbackStore) {
  return createServices({
    engine: () => engine,
    logger: capturedLogger().logger,
    feedback,
    rateLimitPerMinute: 1000,
  });
}

function rows(dataDir: string, sql: string): Record<string, unknown>[] {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('records store (SQLite under DATA_DIR) and npm run report', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dataDir: string;
  beforeEach(() => {
    tmp = tempDir();
    dataDir = path.join(tmp.dir, 'data');
  });
  afterEach(() => tmp.cleanup());

  async function fill(): Promise<void> {
    const store = await openRecordStore({ dataDir }, capturedLogger().logger);
    const services = servicesWith(store);
    const ask = (text: string, userId = 'u') => askQuestion(services, { platform: 'slack', userId }, text);
    for (let i = 0; i < 3; i += 1) await ask('Best pizza in Naples?', `u${i}`);
    await ask('best pizza in naples');
    await ask('Who won the 1998 World Cup?');
    await ask('How much did Nvidia fall?');
    const who = { platform: 'discord' as const, userId: 'v' };
    await recordVote(services, who, 'nvidia-drop', 'down', 'en', {
      reason: 'wrong',
      comment: 'It closed −17%',
    });
    await recordVote(services, who, 'nvidia-drop', 'down', 'en', { reason: 'wrong' });
    await recordVote(services, who, 'nvidia-drop', 'down', 'en');
    await recordVote(services, who, 'nvidia-drop', 'up', 'en');
    await recordVote(services, who, 'selloff-date', 'down', 'fr');
    await recordVote(services, who, 'timeline', 'up', 'en');
    expect(await recordVote(services, who, 'no-such-entry', 'down', 'en')).toBe(false);
    await store.close();
  }

  it('stores rows in a WAL database, the question text only for unanswered ones, no raw user id', async () => {
    await fill();
    const unanswered = rows(dataDir, 'SELECT platform, question FROM unanswered ORDER BY id');
    expect(unanswered).toHaveLength(5);
    expect(JSON.stringify(unanswered)).not.toContain('Nvidia');
    expect(unanswered[0]).toEqual({ platform: 'slack', question: 'Best pizza in Naples?' });
    const votes = rows(dataDir, 'SELECT entry_id, vote, platform, user FROM votes ORDER BY id');
    expect(votes).toHaveLength(6);
    expect(votes[0]).toMatchObject({ entry_id: 'nvidia-drop', vote: 'down', platform: 'discord' });
    expect(votes.some((v) => v.entry_id === 'no-such-entry')).toBe(false);
    expect(rows(dataDir, 'SELECT reason, comment FROM votes ORDER BY id LIMIT 3')).toEqual([
      { reason: 'wrong', comment: 'It closed −17%' },
      { reason: 'wrong', comment: null },
      { reason: null, comment: null },
    ]);
    expect(JSON.stringify(votes)).not.toContain('"user":"v"');
    expect(rows(dataDir, 'PRAGMA journal_mode')[0]).toEqual({ journal_mode: 'wal' });
  });

  it('report: the most frequent unanswered questions and the entries with the most 👎, by reason', async () => {
    await fill();
    const closest = (q: string) => (/pizza/i.test(q) ? 'selloff-date' : undefined);
    const report = await buildReport(dataDir, 20, closest);
    expect(report.unanswered[0]).toMatchObject({
      question: 'Best pizza in Naples?',
      count: 4,
      closest: 'selloff-date',
    });
    expect(report.unanswered[1]).toMatchObject({ count: 1 });
    expect(report.disliked).toEqual([
      { entryId: 'nvidia-drop', down: 3, up: 1, reasons: { wrong: 2, none: 1 } },
      { entryId: 'selloff-date', down: 1, up: 0, reasons: { none: 1 } },
    ]);
    // 2 × 👎 + near misses: nvidia-drop 6 + 0 and selloff-date 2 + 4 tie at 6, then by name.
    expect(report.fixFirst).toEqual([
      { entryId: 'nvidia-drop', down: 3, nearMisses: 0, topReason: 'wrong' },
      { entryId: 'selloff-date', down: 1, nearMisses: 4 },
    ]);
    expect(report.totals).toEqual({ unanswered: 5, votes: 6, skippedLines: 0 });
  });

  it('adds the reason and comment columns to a database made by an earlier version', () => {
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(path.join(dataDir, DB_FILE));
    old.exec(
      'CREATE TABLE votes (id INTEGER PRIMARY KEY, at TEXT NOT NULL, platform TEXT NOT NULL, user TEXT NOT NULL, entry_id TEXT NOT NULL, vote TEXT NOT NULL, lang TEXT NOT NULL);' +
        "INSERT INTO votes (at, platform, user, entry_id, vote, lang) VALUES ('2025-02-01', 'slack', 'h', 'timeline', 'down', 'en');",
    );
    old.close();
    openDatabase(dataDir).close();
    expect(rows(dataDir, 'SELECT entry_id, reason, comment FROM votes')).toEqual([
      { entry_id: 'timeline', reason: null, comment: null },
    ]);
  });

  it('npm run report prints both tables', async () => {
    await fill();
    const run = await runCli('src/cli/report.ts', [], { env: cleanEnv({ DATA_DIR: dataDir }) });
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(run.out).toContain('Most frequent unanswered questions (5 recorded)');
    expect(lines).toContainEqual(expect.stringMatching(/^1\s+4\s+en\s+\S+\s+Best pizza in Naples\?$/));
    expect(run.out).toContain('Entries with the most 👎 (6 votes recorded), by reason');
    // #, 👎, 👍, wrong, outdated, unclear, not-asked, no reason, entry
    expect(lines).toContainEqual(expect.stringMatching(/^1\s+3\s+1\s+2\s+0\s+0\s+0\s+1\s+nvidia-drop$/));
    expect(lines).toContainEqual(expect.stringMatching(/^2\s+1\s+0\s+0\s+0\s+0\s+0\s+1\s+selloff-date$/));
    expect(run.out).toContain('Fix first');
    expect(lines).toContainEqual(expect.stringMatching(/^1\s+nvidia-drop\s+3\s+\d+\s+wrong$/));
  });

  it('report on an empty DATA_DIR says so; odd, torn and over-long lines are skipped and counted', async () => {
    expect((await buildReport(dataDir)).unanswered).toEqual([]);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      path.join(dataDir, LEGACY_VOTES_FILE),
      [
        '{"entryId":"x","vote":"up"}',
        'not json',
        '{"lang":{"toString":1}}',
        '{"entryId":{"toString":1},"vote":"down"}',
        '[1,2]',
        `{"entryId":"x","vote":"down","pad":"${'z'.repeat(MAX_LINE_BYTES)}"}`,
        '{"entryId":"x","vo',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dataDir, LEGACY_UNANSWERED_FILE),
      '{"question":"q","lang":{"toString":1}}\n{"question":7}\n',
    );
    const report = await buildReport(dataDir);
    expect(report.totals).toEqual({ unanswered: 1, votes: 1, skippedLines: 7 });
    expect(report.unanswered).toEqual([{ question: 'q', count: 1, lang: 'en' }]);
    const run = await runCli('src/cli/report.ts', [], { env: cleanEnv({ DATA_DIR: dataDir }) });
    expect(run.code).toBe(0);
    expect(run.out).toContain('(none)');
    expect(run.out).toContain('7 unreadable line(s) skipped');
  });

  it('imports the JSON lines files of earlier versions on open (torn lines dropped), once', async () => {
    mkdirSync(dataDir, { recursive: true });
    // A torn line glued to the next record, as a full disk left it before.
    writeFileSync(
      path.join(dataDir, LEGACY_UNANSWERED_FILE),
      '{"at":"2026-01-01T00:00:00Z","platform":"slack","question":"a","lang":"en"}\n' +
        '{"at":"2026-01-01T00:00:00Z","platform":"slack","quest{"at":"x","platform":"slack","question":"b","lang":"fr"}\n' +
        '{"at":"2026-01-01T00:00:00Z","platform":"discord","question":"c","lang":"fr"}\n',
    );
    const store = await openRecordStore({ dataDir }, capturedLogger().logger);
    await store.close();
    expect(rows(dataDir, 'SELECT question FROM unanswered ORDER BY id')).toEqual([
      { question: 'a' },
      { question: 'c' },
    ]);
    expect(existsSync(path.join(dataDir, LEGACY_UNANSWERED_FILE))).toBe(false);
    expect(existsSync(path.join(dataDir, `${LEGACY_UNANSWERED_FILE}.imported`))).toBe(true);
    const again = await openRecordStore({ dataDir }, capturedLogger().logger);
    await again.close();
    expect(rows(dataDir, 'SELECT COUNT(*) AS n FROM unanswered')[0]).toEqual({ n: 2 });
  });

  it('keeps at most maxRows rows per table (oldest deleted first)', async () => {
    const backend = new SqliteRecords(dataDir, { maxRows: 10, days: 365 });
    const at = new Date().toISOString();
    const batch: TimedRecord[] = Array.from({ length: 25 }, (_, i) => ({
      kind: 'unanswered',
      at,
      platform: 'slack',
      question: `q${i}`,
      lang: 'en',
    }));
    backend.write(batch);
    backend.prune();
    const kept = backend.db.prepare('SELECT question FROM unanswered ORDER BY id').all() as {
      question: string;
    }[];
    expect(kept.map((r) => r.question)).toEqual(
      batch.slice(15).map((r) => (r as { question: string }).question),
    );
    backend.close();
  });
});

describe('records are never awaited by the asker, bounded in memory, retried on failure', () => {
  it('a question is answered while the backend hangs; the queue stays bounded and counts what it drops', async () => {
    const hanging: RecordBackend = { name: 'hang', write: () => new Promise(() => {}), close() {} };
    const dropped: number[] = [];
    const store = new BatchedFeedbackStore(hanging, {
      maxQueued: 5,
      delayMs: 1,
      hooks: { dropped: (n) => dropped.push(n) },
    });
    const services = servicesWith(store);
    for (let i = 0; i < 12; i += 1) {
      const { reply } = await askQuestion(
        services,
        { platform: 'slack', userId: `u${i}` },
        `Who won the ${1950 + i} World Cup?`,
      );
      expect(reply.answered).toBe(false);
    }
    expect(store.stats().queued).toBeLessThanOrEqual(5);
    expect(store.stats().dropped).toBeGreaterThanOrEqual(7);
    expect(dropped.reduce((a, b) => a + b, 0)).toBe(store.stats().dropped);
  });

  it('batches: many records, few transactions', async () => {
    const batches: number[] = [];
    const store = new BatchedFeedbackStore(
      { name: 'count', write: (b) => void batches.push(b.length), close() {} },
      { delayMs: 5, batchSize: 100 },
    );
    for (let i = 0; i < 250; i += 1)
      await store.recordUnanswered({ platform: 'cli', question: `q${i}`, lang: 'en' });
    expect(batches).toEqual([]);
    await store.flush();
    expect(batches).toEqual([100, 100, 50]);
  });

  it('full disk then freed (ENOSPC from the backend): every record written once, in order, none lost', async () => {
    const written: TimedRecord[] = [];
    let full = true;
    const disk: RecordBackend = {
      name: 'enospc',
      write(batch) {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        written.push(...batch);
      },
      close() {},
    };
    const store = new BatchedFeedbackStore(disk, { delayMs: 2, attempts: 1000 });
    for (let i = 0; i < 50; i += 1)
      store.recordFeedback({ platform: 'slack', user: 'h', entryId: `e${i}`, vote: 'up', lang: 'en' });
    // Retries while the disk is full (waited for, not timed: a loaded machine retries later).
    await vi.waitFor(() => expect(store.stats().failedWrites).toBeGreaterThan(1), { timeout: 10_000 });
    expect(written).toEqual([]);
    full = false;
    await store.flush();
    expect(written.map((r) => (r as { entryId: string }).entryId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `e${i}`),
    );
    expect(store.stats()).toMatchObject({ queued: 0, written: 50, dropped: 0 });
  });

  it('real SQLite "database or disk is full" (page limit), then space freed: 0 torn records', async () => {
    const tmp = tempDir();
    try {
      const backend = new SqliteRecords(tmp.dir);
      const store = new BatchedFeedbackStore(backend, { delayMs: 1, attempts: 1000, batchSize: 50 });
      const pages = Number(backend.db.pragma('page_count', { simple: true }));
      backend.db.pragma(`max_page_count = ${pages + 4}`);
      const long = 'x'.repeat(900);
      for (let i = 0; i < 400; i += 1)
        store.recordUnanswered({ platform: 'slack', question: `${i}:${long}`, lang: 'en' });
      await vi.waitFor(() => expect(store.stats().failedWrites).toBeGreaterThan(0), { timeout: 10_000 });
      const during = backend.db.prepare('SELECT question FROM unanswered').all() as { question: string }[];
      expect(during.length).toBeLessThan(400);
      backend.db.pragma('max_page_count = 1073741823');
      await store.close();
      const check = new Database(path.join(tmp.dir, DB_FILE), { readonly: true });
      const all = check.prepare('SELECT question FROM unanswered ORDER BY id').all() as {
        question: string;
      }[];
      check.close();
      expect(all).toHaveLength(400);
      expect(all.map((r) => r.question)).toEqual(Array.from({ length: 400 }, (_, i) => `${i}:${long}`));
    } finally {
      tmp.cleanup();
    }
  });
});

describe('report streams its input', () => {
  it('reads a file in chunks: lines across chunk edges whole, a torn last line skipped', async () => {
    const tmp = tempDir();
    try {
      const file = path.join(tmp.dir, 'r.jsonl');
      const lines = Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({ question: `q${i % 7}`, n: 'y'.repeat(i % 400) }),
      );
      writeFileSync(file, `${lines.join('\n')}\n{"question":"tor`);
      const seen: string[] = [];
      const { skipped } = await forEachLine(file, (l) => seen.push(l));
      expect(seen).toEqual(lines);
      expect(skipped).toBe(1);
    } finally {
      tmp.cleanup();
    }
  });

  it('npm run report -- --jsonl on 40 MB of records stays in bounded memory', async () => {
    const tmp = tempDir();
    try {
      const file = path.join(tmp.dir, 'big.jsonl');
      const chunk: string[] = [];
      for (let i = 0; i < 2000; i += 1)
        chunk.push(
          JSON.stringify({
            at: '2026-01-01T00:00:00Z',
            platform: 'slack',
            question: `unique question ${i} ${'w'.repeat(150)}`,
            lang: 'en',
          }),
        );
      const block = `${chunk.join('\n')}\n`;
      const parts: string[] = [];
      for (let i = 0; i < Math.ceil((40 * 1024 * 1024) / block.length); i += 1) parts.push(block);
      writeFileSync(file, parts.join(''));
      const small = path.join(tmp.dir, 'small.jsonl');
      writeFileSync(small, block);
      const report = (input: string) =>
        runNode(
          [
            '--import',
            'tsx',
            '-e',
            `process.on('exit', () => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n')); await import('./src/cli/report.ts')`,
            '--',
            '--jsonl',
            input,
          ],
          { env: cleanEnv({ DATA_DIR: path.join(tmp.dir, 'none') }) },
        );
      const maxRss = (err: string) => Number(/maxrss=(\d+)/.exec(err)?.[1]) / 1024;
      // The same command over 2,000 records: what tsx, the modules and the heap cost anyway (about
      // 140–155 MB on Node 20 and 24, and it varies by 15 MB between runs).
      const base = await report(small);
      expect(base.code, base.err).toBe(0);
      const run = await report(file);
      expect(run.code, run.err).toBe(0);
      const grownMb = maxRss(run.err) - maxRss(base.err);
      expect(run.out).toContain(`(${parts.length * 2000} recorded)`);
      // Reading the 40 MB file into one string, then its lines and records, would add several times its
      // size; streaming it adds little over the small file.
      console.log(`report over ${parts.length * 2000} records: max RSS +${grownMb.toFixed(0)} MB over 2,000`);
      expect(grownMb).toBeLessThan(80);
    } finally {
      tmp.cleanup();
    }
  });
});
