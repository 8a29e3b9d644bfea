import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionEvent, postEvent } from '../helpers/slack-requests.js';
import { type SlackServer, waitFor } from '../helpers/slack-server.js';
import { type Cleanups, startSlackMain } from '../ops/slack-main.js';
import type { MainProcess } from '../ops/spawn-main.js';

/**
 * Attack battery against the real app (src/main.ts in Slack HTTP mode, its own process, so its RSS is
 * measured alone): 600 concurrent unsigned POSTs of 4 MB, 600 concurrent forged ones just under the
 * body limit, and a slow body. Every one must be refused (4xx, or the connection closed by the
 * server), none may get a 5xx, the process's RSS must stay bounded, and a signed question right after
 * must still be answered. Figures are printed; the target is RSS growth under 50 MB (it was
 * 1,121 MB in issue 13, before the guard).
 */

const CONNECTIONS = 600;
const BIG = 4 * 1024 * 1024;
/** Just under the 256 KB limit: these pass the size check and meet the memory budget instead. */
const NEAR_LIMIT = 250 * 1024;
/**
 * The bound asserted: the target. The guard refuses these on their headers and never reads
 * their bodies (it also stops Node's own "dump" of an unread body, which read all 4 MB of each as
 * garbage after the answer: that was Node 24's +99–132 MB and most of Node 20's +40 MB). Measured since:
 * +17 to +24 MB on Node 20 and 24 — what is left is the first socket read of each connection, which
 * arrives with the headers.
 */
const MAX_GROWTH_MB = 50;
/**
 * Bodies under the limit are read (8 MB at a time at most) before their signature can be checked; what
 * RSS adds on top is garbage awaiting the collector. It was 18–78 MB on Node 20 and 24, and +133 MB once
 * on a loaded machine, when Bolt turned each forged body into a string to check it; since the guard
 * hashes each body as it arrives, into one buffer, +25 to +32 MB. Without the guard, Bolt buffers all
 * 150 MB of them at once, on top of that.
 */
const MAX_GROWTH_NEAR_LIMIT_MB = 130;

let slack: SlackServer;
let main: MainProcess;
let port: number;
const cleanups: Cleanups = [];

beforeAll(async () => {
  ({ main, slack, port } = await startSlackMain(cleanups));
});
afterAll(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});

async function healthy(): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

type Outcome = number | 'closed';

/** One raw POST: headers, then `size` bytes from `chunk`; the status line the server sent, if any. */
function attack(size: number, chunk: Buffer, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let status: Outcome = 'closed';
    let head = '';
    const finish = () => resolve(status);
    socket.on('data', (d: Buffer) => {
      if (status !== 'closed') return;
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m) {
        status = Number(m[1]);
        socket.destroy();
      }
    });
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.on('connect', () => {
      const lines = [
        'POST /slack/events HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ];
      socket.write(lines.join('\r\n'));
      let sent = 0;
      const pump = () => {
        while (sent < size && !socket.destroyed) {
          const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
          sent += piece.length;
          if (!socket.write(piece)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });
}

async function battery(name: string, size: number, headers: Record<string, string>) {
  const pid = main.child.pid as number;
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 25);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const started = Date.now();
  const outcomes = await Promise.all(Array.from({ length: CONNECTIONS }, () => attack(size, chunk, headers)));
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[String(o)] = (counts[String(o)] ?? 0) + 1;
  console.log(
    `[slack attack: ${name}] ${CONNECTIONS} × ${(size / 1024).toFixed(0)} KB in ${Date.now() - started} ms: ` +
      `${JSON.stringify(counts)}; RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(1)} MB)`,
  );
  return { outcomes, growth: peak - before };
}

const forged = (length: number) => ({
  'Content-Type': 'application/json',
  'Content-Length': String(length),
  'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)),
  'X-Slack-Signature': `v0=${'0'.repeat(64)}`,
});

function expectRefused(outcomes: Outcome[]): void {
  for (const o of outcomes) {
    if (o === 'closed') continue;
    expect(o).toBeGreaterThanOrEqual(400);
    expect(o).toBeLessThan(500);
  }
  // Most refusals are answered before the connection closes.
  expect(outcomes.filter((o) => o !== 'closed').length).toBeGreaterThan(CONNECTIONS / 2);
}

describe('unsigned traffic cannot grow memory', () => {
  it(`${CONNECTIONS} concurrent unsigned 4 MB bodies: all refused, no 5xx, RSS bounded`, async () => {
    expect(await healthy()).toBe(true);
    // Warm-up, not measured: the first 600 connections allocate what any running server has (sockets,
    // parsers, compiled code), which is not what unsigned bodies cost.
    await battery('warm-up, unsigned 1 KB', 1024, {
      'Content-Type': 'application/json',
      'Content-Length': '1024',
    });
    const unsigned = await battery('unsigned 4 MB', BIG, {
      'Content-Type': 'application/json',
      'Content-Length': String(BIG),
    });
    expectRefused(unsigned.outcomes);
    const big = await battery('forged signature, 4 MB', BIG, forged(BIG));
    expectRefused(big.outcomes);
    expect(big.outcomes.filter((o) => o === 413).length).toBeGreaterThan(CONNECTIONS / 2);
    expect(Math.max(unsigned.growth, big.growth)).toBeLessThan(MAX_GROWTH_MB);
  }, 120_000);

  it(`${CONNECTIONS} concurrent forged bodies just under the limit: refused (401, 429), memory bounded`, async () => {
    const near = await battery('forged signature, 250 KB', NEAR_LIMIT, forged(NEAR_LIMIT));
    expectRefused(near.outcomes);
    expect(near.outcomes.filter((o) => o === 401).length).toBeGreaterThan(0);
    expect(near.growth).toBeLessThan(MAX_GROWTH_NEAR_LIMIT_MB);
  }, 120_000);

  it('a body that stalls is cut off by the request timeout, and a signed question is still answered', async () => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    // Read (and drop) what the server sends, so its 408 and FIN are seen.
    socket.resume();
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      [
        'POST /slack/events HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        ...Object.entries(forged(10_000)).map(([k, v]) => `${k}: ${v}`),
        '',
        'partial',
      ].join('\r\n'),
    );
    const ack = await postEvent(
      `http://127.0.0.1:${port}/slack/events`,
      mentionEvent({ text: 'How much did Nvidia fall?' }),
    );
    expect(ack.status).toBe(200);
    await waitFor(() => slack.callsTo('chat.postMessage')[0], 10_000, 'the answer');
    await closed;
    const ms = Date.now() - started;
    console.log(`[slack attack: slow body] connection closed by the server after ${ms} ms`);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});
