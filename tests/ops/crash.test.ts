import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onShutdownSignals } from '../../src/ops/shutdown.js';
import { mentionEvent, postEvent } from '../helpers/slack-requests.js';
import { waitFor } from '../helpers/slack-server.js';
import { type Cleanups, SLACK_MAIN_TOKEN, startSlackMain } from './slack-main.js';
import { type MainProcess, ROOT } from './spawn-main.js';
import { capturedLogger } from './support.js';

/** Crashes, the shutdown timeout and the second signal, on the real main (Slack HTTP mode). */

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const startMain = (extra: Record<string, string> = {}) => startSlackMain(cleanups, extra);

const PRELOAD = `--import=${path.join(ROOT, 'tests/fixtures/crash-on-signal.mjs')}`;

function logLines(main: MainProcess): Record<string, unknown>[] {
  return main
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a crash is logged and ends the process cleanly with exit code 1', () => {
  for (const [kind, msg, message] of [
    ['throw', 'uncaught exception', 'test crash'],
    ['reject', 'unhandled rejection', 'test rejection'],
  ] as const) {
    it(`${msg}: fatal log with the error, stopped, exit 1`, async () => {
      const { main } = await startMain({ NODE_OPTIONS: PRELOAD, BRIEFBOT_TEST_CRASH: kind });
      main.child.kill('SIGUSR2');
      expect(await main.exited).toBe(1);
      const lines = logLines(main);
      const fatal = lines.find((l) => l.msg === msg);
      expect(fatal?.level).toBe(60);
      expect(JSON.stringify(fatal?.err)).toContain(message);
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
      expect(main.stdout()).not.toContain(SLACK_MAIN_TOKEN);
    });
  }
});

describe('signals', () => {
  it('a second signal while replies are still in flight exits 1 at once', async () => {
    const { main, slack, port } = await startMain();
    // The reply's post hangs for 20 s: the first SIGTERM waits for it.
    slack.delayNext('chat.postMessage', 1, 20_000);
    await postEvent(
      `http://127.0.0.1:${port}/slack/events`,
      mentionEvent({ text: 'How much did Nvidia fall?' }),
    );
    await waitFor(() => slack.calls.find((c) => c.method === 'chat.postMessage'));
    main.child.kill('SIGTERM');
    await main.waitForLog('shutting down');
    const sent = Date.now();
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(1);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(main.stdout()).toContain('"msg":"second signal: exiting now"');
    expect(main.stdout()).not.toContain('"msg":"stopped"');
  });

  it('a stop that outlasts the timeout is logged and exits 1', async () => {
    const { logger, lines } = capturedLogger();
    const codes: number[] = [];
    const shutdown = onShutdownSignals(() => new Promise<void>(() => {}), logger, {
      timeoutMs: 200,
      exit: (code) => codes.push(code),
      signals: [],
    });
    void shutdown('test');
    await waitFor(() => codes.length > 0, 3000, 'exit');
    expect(codes).toEqual([1]);
    expect(lines.find((l) => l.msg === 'shutdown timed out')?.timeoutMs).toBe(200);
  });

  it('a stop that fails is logged and exits 1; one that finishes exits with its code', async () => {
    const { logger, lines } = capturedLogger();
    const codes: number[] = [];
    const exit = (code: number) => codes.push(code);
    await onShutdownSignals(() => Promise.reject(new Error('flush failed')), logger, { exit, signals: [] })(
      'a',
    );
    await onShutdownSignals(async () => {}, logger, { exit, signals: [] })('b');
    await onShutdownSignals(async () => {}, logger, { exit, signals: [] })('c', 1);
    expect(codes).toEqual([1, 0, 1]);
    expect(lines.some((l) => l.msg === 'shutdown failed')).toBe(true);
  });
});
