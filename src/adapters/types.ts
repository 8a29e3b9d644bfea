/** What main.ts holds for each running platform adapter. */
export interface RunningAdapter {
  name: string;
  /** True while connected and able to answer. */
  healthy(): boolean;
  /** Stops taking events, lets replies in flight finish, disconnects. */
  stop(): Promise<void>;
}
