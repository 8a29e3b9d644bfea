import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { RedisState } from '../../src/services/redis.js';
import { freePort } from './spawn-main.js';

/** True when a redis-server binary is on PATH (CI installs one; without it the Redis tests are skipped). */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface TestRedis {
  url: string;
  port: number;
  /** SIGSTOP: the server keeps its connections open and answers nothing (a frozen host). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  stop(): Promise<void>;
  /** SIGKILL: the connections drop at once. */
  kill(): Promise<void>;
}

/** A throwaway redis-server on 127.0.0.1 and a free port (or `port`, to restart one), without persistence. */
export async function startRedis(port?: number): Promise<TestRedis> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit');
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        await exited;
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** A TCP server that accepts connections and never answers (a port that is not Redis, or a hung one). */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A throwaway server with two RedisState instances on it (two bot instances) and a raw client to inspect keys. */
export interface TwoInstances {
  server: TestRedis;
  a: RedisState;
  b: RedisState;
  raw: Redis;
  close(): Promise<void>;
}

export async function startTwoInstances(): Promise<TwoInstances> {
  const server = await startRedis();
  const a = new RedisState(server.url);
  const b = new RedisState(server.url);
  await a.connect();
  await b.connect();
  const raw = new Redis(server.url);
  return {
    server,
    a,
    b,
    raw,
    async close() {
      await a.close();
      await b.close();
      raw.disconnect();
      await server.stop();
    },
  };
}
