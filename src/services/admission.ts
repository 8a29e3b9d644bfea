/** What a question may do under backpressure: be answered, get the short "busy" reply, or be dropped. */
export interface Slot {
  kind: 'run' | 'busy' | 'shed';
  /** Frees the slot (idempotent); call it once the reply (or the busy notice) has been sent. */
  release(): void;
}

export interface AdmissionHooks {
  rejected?(kind: 'busy' | 'shed'): void;
}

const NOOP = () => {};

/**
 * A bound on the questions in flight in one instance, from the moment an event is taken to the moment
 * its reply is sent. Within `max` a question runs; beyond, up to `max` more get the short "busy, try
 * again in a moment" notice (cheap, no engine); past both, the event is dropped (logged and counted by
 * the caller). The backlog can never exceed 2 × max.
 */
export class Admission {
  private running = 0;
  private notices = 0;

  constructor(
    readonly max: number,
    private readonly hooks: AdmissionHooks = {},
  ) {}

  enter(): Slot {
    if (this.running < this.max) {
      this.running += 1;
      return { kind: 'run', release: once(() => (this.running -= 1)) };
    }
    if (this.notices < this.max) {
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
