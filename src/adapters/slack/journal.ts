import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { EventJournal } from '../../services/journal.js';

/** An acknowledged event older than this at start-up is reported lost instead of answered late. */
export const RESUME_MAX_AGE_MS = 60 * 60 * 1000;
/** Attempts before an event that keeps failing (or crashing the process) is given up. */
export const RESUME_MAX_ATTEMPTS = 3;

interface EventBody {
  type?: string;
  event_id?: string;
  event?: { type?: string; channel_type?: string; subtype?: string; bot_id?: string; thread_ts?: string };
}

/** The event id of a question event (a mention, a direct message, a thread reply), the ones the bot answers. */
function questionEventId(body: unknown): string | undefined {
  const b = body as EventBody;
  if (b?.type !== 'event_callback' || typeof b.event_id !== 'string' || !b.event) return undefined;
  const e = b.event;
  if (e.bot_id) return undefined;
  if (e.type === 'app_mention') return b.event_id;
  if (e.type === 'message' && e.subtype === undefined && (e.channel_type === 'im' || e.thread_ts))
    return b.event_id;
  return undefined;
}

/**
 * The guarantee for acknowledged work: every question event is written to the journal (a synchronous
 * SQLite insert) before Bolt acknowledges it, and removed once its handling is over (answered, refused,
 * apologised for, or dropped as a duplicate). Wraps `app.processEvent`, the one door every receiver
 * (HTTP and Socket Mode) calls, so the insert precedes the ack in both modes.
 */
export function journalEvents(app: App, journal: EventJournal, log: Logger): void {
  const processEvent = app.processEvent.bind(app);
  let fullLogged = false;
  app.processEvent = async (event: ReceiverEvent) => {
    const id = questionEventId(event.body);
    // This call removes the entry when it added it, or when it is the resumption of a journaled event;
    // a retry of an event still in flight leaves it to the first delivery.
    let journaled = false;
    if (id) {
      try {
        const added = journal.add(id, event.body);
        journaled = added === 'added' || (added === 'present' && event.customProperties?.resumed === true);
        if (added === 'full' && !fullLogged) {
          fullLogged = true;
          log.error({ max: journal.maxPending }, 'event journal full: new events would be lost in a crash');
        }
        if (added !== 'full') fullLogged = false;
      } catch (err) {
        log.error({ err: (err as Error).message, eventId: id }, 'event not journaled');
      }
    }
    try {
      await processEvent(event);
    } finally {
      if (journaled && id) {
        try {
          journal.done(id);
        } catch (err) {
          log.warn({ err: (err as Error).message, eventId: id }, 'journal entry not removed');
        }
      }
    }
  };
}

/**
 * At start-up: answers the events a previous run acknowledged but did not finish, oldest first, two at
 * a time. Each is marked `resumed` in the context (the de-duplication claim of the crashed run is
 * not held against it). Too old or failed too often: logged as lost and removed.
 */
export async function resumePending(app: App, journal: EventJournal, log: Logger): Promise<void> {
  const pending = journal.pending();
  if (pending.length === 0) return;
  log.info({ count: pending.length }, 'resuming acknowledged Slack events');
  let resumed = 0;
  let lost = 0;
  const queue = [...pending];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      if (Date.now() - p.receivedAt > RESUME_MAX_AGE_MS || p.attempts >= RESUME_MAX_ATTEMPTS) {
        lost += 1;
        log.warn(
          { eventId: p.id, attempts: p.attempts },
          'acknowledged Slack event lost (too old or kept failing)',
        );
        journal.done(p.id);
        continue;
      }
      journal.bump(p.id);
      try {
        await app.processEvent({
          body: p.body as Record<string, unknown>,
          ack: async () => {},
          customProperties: { resumed: true },
        });
        resumed += 1;
      } catch (err) {
        log.error({ err: (err as Error).message, eventId: p.id }, 'resumed event failed');
      }
    }
  };
  await Promise.all([worker(), worker()]);
  log.info({ resumed, lost }, 'acknowledged Slack events resumed');
}
