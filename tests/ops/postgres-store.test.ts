import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { buildReport } from '../../src/ops/report.js';
import { createServices } from '../../src/services/index.js';
import { PgRecords } from '../../src/services/pg-store.js';
import { askQuestion, recordVote } from '../../src/services/pipeline.js';
import { BatchedFeedbackStore } from '../../src/services/records.js';
import { openRecordStore } from '../../src/services/store.js';
import { runCli } from '../helpers/cli.js';
import { postgresBin, startPostgres, type TestPostgres } from './postgres-server.js';
import { cleanEnv } from './spawn-main.js';
import { capturedLogger, KNOWLEDGE, tempDir } from './support.js';

/** The records store on a real PostgreSQL server (DATABASE_URL), as several instances would share it. */

const bin = postgresBin();
if (!bin)
  console.warn('PostgreSQL tests skipped: no initdb/pg_ctl (.ci/run installs the postgresql package)');

describe.skipIf(!bin)('PostgreSQL records store (DATABASE_URL)', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres(bin as string);
  }, 60_000);
  afterAll(() => server?.stop());

  it('two instances write to one server; the report reads it', async () => {
    const engine = loadEngineFromDir(KNOWLEDGE);
    const stores = [
      await openRecordStore({ dataDir: 'unused', databaseUrl: server.url }, capturedLogger().logger),
      await openRecordStore({ dataDir: 'unused', databaseUrl: server.url }, capturedLogger().logger),
    ];
    for (const [i, store] of stores.entries()) {
      const services = createServices({
        engine: () => engine,
        logger: capturedLogger().logger,
        feedback: store,
        rateLimitPerMinute: 1000,
      });
      await askQuestion(services, { platform: 'slack', userId: `u${i}` }, 'Best pizza in Naples?');
      await askQuestion(services, { platform: 'slack', userId: `u${i}` }, 'How much did Nvidia fall?');
      await recordVote(services, { platform: 'discord', userId: `v${i}` }, 'nvidia-drop', 'down', 'en', {
        ...(i === 0 ? { reason: 'outdated' as const, comment: 'a comment' } : {}),
      });
      expect(
        await recordVote(services, { platform: 'discord', userId: `v${i}` }, 'gone-entry', 'down', 'en'),
      ).toBe(false);
    }
    for (const s of stores) await s.close();
    const report = await buildReport({ dataDir: 'unused', databaseUrl: server.url });
    expect(report.unanswered).toEqual([{ question: 'Best pizza in Naples?', count: 2, lang: 'en' }]);
    expect(report.fixFirst).toEqual([
      { entryId: 'nvidia-drop', down: 2, nearMisses: 0, topReason: 'outdated' },
    ]);
    expect(report.disliked).toEqual([
      { entryId: 'nvidia-drop', down: 2, up: 0, reasons: { outdated: 1, none: 1 } },
    ]);

    const data = tempDir();
    const run = await runCli('src/cli/report.ts', [], {
      env: cleanEnv({ DATABASE_URL: server.url, DATA_DIR: data.dir }),
    });
    data.cleanup();
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('briefbot report — PostgreSQL (DATABASE_URL)');
    expect(run.out).not.toContain(server.url);
    expect(run.out).toMatch(/1\s+2\s+en\s+\S+\s+Best pizza in Naples\?/);
  });

  it('a batch is one transaction: a failing row rolls the whole batch back, and the retry writes it once', async () => {
    const backend = new PgRecords(server.url);
    await backend.open();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const before = Number((await client.query('SELECT COUNT(*) AS n FROM briefbot_votes')).rows[0].n);
    // The server refuses writes for a moment (like a full disk), then accepts them again.
    await client.query('ALTER TABLE briefbot_votes ADD CONSTRAINT no_writes CHECK (false) NOT VALID');
    const store = new BatchedFeedbackStore(backend, { delayMs: 5, attempts: 1000 });
    for (let i = 0; i < 30; i += 1)
      store.recordFeedback({ platform: 'slack', user: 'h', entryId: `e${i}`, vote: 'up', lang: 'en' });
    await new Promise((r) => setTimeout(r, 100));
    expect(store.stats().failedWrites).toBeGreaterThan(0);
    expect(Number((await client.query('SELECT COUNT(*) AS n FROM briefbot_votes')).rows[0].n)).toBe(before);
    await client.query('ALTER TABLE briefbot_votes DROP CONSTRAINT no_writes');
    await store.close();
    const rows = (
      await client.query('SELECT entry_id FROM briefbot_votes WHERE id > 0 ORDER BY id')
    ).rows.slice(before);
    expect(rows.map((r) => r.entry_id)).toEqual(Array.from({ length: 30 }, (_, i) => `e${i}`));
    await client.end();
  });

  it('start-up fails with a clear message when the server cannot be reached', async () => {
    await expect(
      openRecordStore(
        { dataDir: 'unused', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' },
        capturedLogger().logger,
      ),
    ).rejects.toThrow(/^DATABASE_URL: cannot use PostgreSQL/);
  });
});
