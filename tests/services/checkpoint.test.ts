import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointing } from '../../src/services/checkpoint.js';
import { EventJournal } from '../../src/services/journal.js';
import { DB_FILE, openDatabase } from '../../src/services/sqlite-store.js';
import { sleep, waitFor } from '../helpers/slack-server.js';
import { tempDir } from '../ops/support.js';

/**
 * The database's write-ahead log is copied into the file by a worker thread (services/checkpoint.ts),
 * never by a commit on the bot's thread: the connections' own automatic checkpoint is off, and the
 * file still takes the rows.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('checkpoints off the main thread', () => {
  it('turns the automatic checkpoint off, and the worker brings the rows into the file', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const file = join(data.dir, DB_FILE);
    const journal = new EventJournal(data.dir);
    const other = openDatabase(data.dir);
    expect(checkpointing(file)).toBe(true);
    expect(other.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    const body = { type: 'event_callback', event: { type: 'app_mention', text: 'x'.repeat(2000) } };
    for (let i = 0; i < 3000; i++) journal.add(`E${i}`, body);
    // Past SQLite's own threshold (1,000 pages): only the worker copies the log into the file.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4_000_000);
    await waitFor(() => statSync(file).size > before + 4_000_000, 5000, 'the checkpoint worker');
    expect(journal.pendingCount()).toBe(3000);
    journal.close();
    expect(checkpointing(file)).toBe(true);
    other.close();
    // The last connection closed: the worker is stopped.
    expect(checkpointing(file)).toBe(false);
    await sleep(50);
    const again = openDatabase(data.dir);
    expect((again.prepare('SELECT COUNT(*) AS n FROM pending_events').get() as { n: number }).n).toBe(3000);
    again.close();
  });
});
