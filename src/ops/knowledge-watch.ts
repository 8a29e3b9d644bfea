import { type FSWatcher, statSync, watch } from 'node:fs';
import type { Logger } from '../logger.js';

/** How long the watcher waits for a burst of file events to settle before reloading. */
export const RELOAD_DEBOUNCE_MS = 200;
/** How often the watcher checks that the folder is still the one it watches (deleted, recreated). */
export const FOLDER_CHECK_MS = 1000;

/**
 * Watches the knowledge folder for KnowledgeHolder, surviving its deletion and re-creation: a burst of
 * file events, or the folder replaced, calls `changed` once, RELOAD_DEBOUNCE_MS after the last event.
 */
export class FolderWatch {
  private watcher: FSWatcher | undefined;
  private folderTimer: NodeJS.Timeout | undefined;
  private folderId: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private events = 0;
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly changed: () => void,
  ) {}

  /** Bumped by every file event: a reload that fails while a newer change is pending stays quiet. */
  get changes(): number {
    return this.events;
  }

  /** True after stop(), until the next start(). */
  get closed(): boolean {
    return this.stopped;
  }

  start(): void {
    if (this.folderTimer) return;
    this.stopped = false;
    this.attach();
    this.folderTimer = setInterval(() => this.checkFolder(), FOLDER_CHECK_MS);
    this.folderTimer.unref();
    this.logger.info({ dir: this.dir }, 'watching knowledge for changes');
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.folderTimer) clearInterval(this.folderTimer);
    this.folderTimer = undefined;
    this.detach();
  }

  private attach(): void {
    this.detach();
    this.folderId = folderIdentity(this.dir);
    if (!this.folderId) return;
    try {
      this.watcher = watch(this.dir, { persistent: false }, () => this.schedule());
      this.watcher.on('error', () => this.detach());
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, dir: this.dir }, 'knowledge watcher not started');
    }
  }

  private detach(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** The folder was deleted, replaced or recreated: watch the new one and reload from it. */
  private checkFolder(): void {
    const id = folderIdentity(this.dir);
    if (id === this.folderId && (this.watcher || !id)) return;
    if (id !== this.folderId)
      this.logger.info({ dir: this.dir, present: Boolean(id) }, 'knowledge folder replaced');
    this.attach();
    this.schedule();
  }

  private schedule(): void {
    this.events += 1;
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed();
    }, RELOAD_DEBOUNCE_MS);
    this.timer.unref();
  }
}

/** dev:ino of the folder, or undefined while it does not exist. */
function folderIdentity(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    return st.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}
