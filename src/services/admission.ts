/** What a question may do under backpressure: be answered, get the short "busy" reply, or be dropped. */
export interface Slot {
  kind: 'run' | 'busy' | 'shed';
  /** Frees the slot (idempotent); call it once the reply (or the busy notice) has been sent. */
  release(): void;
}

export interface AdmissionHooks {
  rejected?(kind: 'busy' | 'shed'): void;
}

/** Busy notices in flight allowed per question slot: a burst is told to wait, only a flood is dropped. */
export const NOTICES_PER_SLOT = 10;

const NOOP = () => {};

/**
 * A bound on the questions in flight in one instance, from the moment an event is taken to the moment
 * its reply is sent. Within `max` a question runs; beyond, up to `noticeMax` (10 × max) more get the
 * short "busy, try again in a moment" notice (cheap, no engine); past both — a flood — the event is
 * dropped (logged and counted by the caller). The backlog can never exceed max + noticeMax.
 */
export class Admission {
  private running = 0;
  private notices = 0;

  readonly noticeMax: number;

  constructor(
    readonly max: number,
    private readonly hooks: AdmissionHooks = {},
    noticeMax?: number,
  ) {
    this.noticeMax = noticeMax ?? max * NOTICES_PER_SLOT;
  }

  enter(): Slot {
    if (this.running < this.max) {
      this.running += 1;
      return { kind: 'run', release: once(() => (this.running -= 1)) };
    }
    if (this.notices < this.noticeMax) {
      this.notices += 1;
      this.hooks.rejected?.('busy');
      return { kind: 'busy', release: once(() => (this.notices -= 1)) };
    }
    this.hooks.rejected?.('shed');
    return { kind: 'shed', release: NOOP };
  }

  /** Questions being answered right now. */
  inFlight(): number {
    return this.running;
  }

  /** Busy notices being sent right now. */
  noticesInFlight(): number {
    return this.notices;
  }

  /** True while new questions would get the busy notice (readiness can report it). */
  saturated(): boolean {
    return this.running >= this.max;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
