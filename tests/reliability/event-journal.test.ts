import type { App, ReceiverEvent } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalEvents, resumePending } from '../../src/adapters/slack/journal.js';
import { EventJournal, REMOVE_DELAY_MS } from '../../src/services/journal.js';
import { mentionEvent } from '../helpers/slack-requests.js';
import { capturedLogger, tempDir } from '../ops/support.js';

/** The journal of acknowledged Slack events, around a stand-in for Bolt's app.processEvent. */

function fakeApp(handle: (e: ReceiverEvent) => Promise<void>): App {
  return { processEvent: handle } as unknown as App;
}

function event(body: Record<string, unknown>, resumed = false): ReceiverEvent {
  return { body, ack: async () => {}, ...(resumed ? { customProperties: { resumed: true } } : {}) };
}

describe('event journal', () => {
  let tmp: ReturnType<typeof tempDir>;
  let journal: EventJournal;
  beforeEach(() => {
    tmp = tempDir();
    journal = new EventJournal(tmp.dir, 3);
  });
  afterEach(() => {
    journal.close();
    tmp.cleanup();
  });

  it('keeps an event journaled while it is handled, removes it after; a retry in flight does not remove it', async () => {
    let release: () => void = () => {};
    const app = fakeApp((e) => (e.retryNum ? Promise.resolve() : new Promise<void>((r) => (release = r))));
    journalEvents(app, journal, capturedLogger().logger);
    const body = mentionEvent({ text: 'How much did Nvidia fall?', eventId: 'Ev0JOURNAL1' });
    const first = app.processEvent(event(body));
    expect(journal.pending().map((p) => p.id)).toEqual(['Ev0JOURNAL1']);
    await app.processEvent({ ...event(body), retryNum: 1 });
    expect(journal.pendingCount()).toBe(1);
    release();
    await first;
    expect(journal.pending()).toEqual([]);
  });

  it('journals questions only (mentions, DMs, thread replies), never bot posts or edits', async () => {
    const app = fakeApp(async () => {
      expect(journal.pendingCount()).toBeLessThanOrEqual(1);
      seen.push(journal.pendingCount());
    });
    const seen: number[] = [];
    journalEvents(app, journal, capturedLogger().logger);
    await app.processEvent(event(mentionEvent({ text: 'q' })));
    await app.processEvent(
      event({
        type: 'event_callback',
        event_id: 'Ev2',
        event: { type: 'message', channel_type: 'im', bot_id: 'B1' },
      }),
    );
    await app.processEvent(
      event({
        type: 'event_callback',
        event_id: 'Ev3',
        event: { type: 'message', channel_type: 'im', subtype: 'message_changed' },
      }),
    );
    await app.processEvent(
      event({
        type: 'event_callback',
        event_id: 'Ev4',
        event: { type: 'message', channel_type: 'channel', thread_ts: '1.2' },
      }),
    );
    expect(seen).toEqual([1, 0, 0, 1]);
  });

  it('is bounded: past maxPending an event is answered but not journaled, logged once', async () => {
    const holds: (() => void)[] = [];
    const app = fakeApp(() => new Promise<void>((r) => holds.push(r)));
    const { logger, lines } = capturedLogger();
    journalEvents(app, journal, logger);
    const running = Array.from({ length: 5 }, (_, i) =>
      app.processEvent(event(mentionEvent({ text: 'q', eventId: `EvFULL${i}` }))),
    );
    expect(journal.pendingCount()).toBe(3);
    expect(holds).toHaveLength(5);
    expect(
      lines.filter((l) => l.msg === 'event journal full: new events would be lost in a crash'),
    ).toHaveLength(1);
    for (const h of holds) h();
    await Promise.all(running);
    expect(journal.pendingCount()).toBe(0);
  });

  it('resumes what a crashed run left, marked resumed, and drops what is too old or kept failing', async () => {
    journal.add('EvOLD', mentionEvent({ text: 'old', eventId: 'EvOLD' }));
    journal.add('EvNEW', mentionEvent({ text: 'new', eventId: 'EvNEW' }));
    journal.add('EvBAD', mentionEvent({ text: 'bad', eventId: 'EvBAD' }));
    for (let i = 0; i < 3; i += 1) journal.bump('EvBAD');
    // Make one entry two hours old.
    (journal as unknown as { db: import('better-sqlite3').Database }).db
      .prepare('UPDATE pending_events SET received_at = ? WHERE id = ?')
      .run(Date.now() - 2 * 3600_000, 'EvOLD');
    const handled: { id: unknown; resumed: unknown }[] = [];
    const app = fakeApp(async (e) => {
      handled.push({ id: (e.body as { event_id?: string }).event_id, resumed: e.customProperties?.resumed });
    });
    journalEvents(app, journal, capturedLogger().logger);
    const { logger, lines } = capturedLogger();
    await resumePending(app, journal, logger);
    expect(handled).toEqual([{ id: 'EvNEW', resumed: true }]);
    expect(journal.pending()).toEqual([]);
    expect(lines.find((l) => l.msg === 'acknowledged Slack events resumed')).toMatchObject({
      resumed: 1,
      lost: 2,
    });
  });

  it('writes a removal with the next insert, or by itself shortly after; what a reopen sees is right', async () => {
    const { default: Database } = await import('better-sqlite3');
    const rows = () => {
      const db = new Database(`${tmp.dir}/briefbot.db`, { readonly: true });
      try {
        return (db.prepare('SELECT id FROM pending_events ORDER BY id').all() as { id: string }[]).map(
          (r) => r.id,
        );
      } finally {
        db.close();
      }
    };
    expect(journal.add('Ev1', { n: 1 })).toBe('added');
    journal.done('Ev1');
    expect(journal.pendingCount()).toBe(0);
    // Not deleted yet on disk (a crash now answers Ev1 again: at-least-once)…
    expect(rows()).toEqual(['Ev1']);
    // …deleted in the same transaction as the next event's insert.
    expect(journal.add('Ev2', { n: 2 })).toBe('added');
    expect(rows()).toEqual(['Ev2']);
    journal.done('Ev2');
    journal.done('Ev2');
    expect(journal.pendingCount()).toBe(0);
    // No event follows: the timer writes it.
    await new Promise((r) => setTimeout(r, REMOVE_DELAY_MS + 50));
    expect(rows()).toEqual([]);
    // An event removed and journaled again (a resumed one) is there once.
    journal.add('Ev3', {});
    journal.done('Ev3');
    expect(journal.add('Ev3', {})).toBe('added');
    expect(journal.pending().map((p) => p.id)).toEqual(['Ev3']);
    expect(journal.pendingCount()).toBe(1);
    journal.done('Ev3');
    journal.close();
    expect(rows()).toEqual([]);
  });
});
