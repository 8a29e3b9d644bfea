import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { MemoryState } from './memory.js';
import type { SharedState } from './types.js';

/** INCR, and set the window's expiry on the first hit, in one atomic step. */
const INCREMENT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface RedisStateOptions {
  /** Keys live under this prefix (default "briefbot:"). */
  prefix?: string;
  /** A TCP connect that takes longer fails (default 1 s). */
  connectTimeoutMs?: number;
  /** A command without an answer after this long fails (default 1 s): a frozen server is an outage. */
  commandTimeoutMs?: number;
  /** connect() gives up waiting after this long and starts degraded (default 3 s). */
  startTimeoutMs?: number;
  /** While degraded, how often Redis is asked whether it is back (default 1 s). */
  probeIntervalMs?: number;
  /** Called once at the start of each outage (metrics). */
  onOutage?: () => void;
}

/**
 * SharedState in Redis, for several instances: Slack event de-duplication (SET NX EX), rate-limit
 * counters (INCR + EXPIRE in a Lua script) and plain values with an expiry (SET EX: conversations).
 *
 * It fails open: every command has a short timeout, and on an error or a timeout the instance switches
 * to its own memory (rate limits and de-duplication per instance) instead of failing the question. The
 * outage is logged once when it starts and once when it ends, and `degraded()` says so for /healthz. While
 * degraded, no question waits on Redis: a probe pings it every second and switches back when it answers.
 */
export class RedisState implements SharedState {
  private readonly redis: Redis;
  private readonly memory = new MemoryState();
  private readonly prefix: string;
  private readonly startTimeoutMs: number;
  private readonly probeIntervalMs: number;
  private degradedSince: number | undefined;
  private probe: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;

  constructor(
    url: string,
    private readonly logger?: Logger,
    private readonly options: RedisStateOptions = {},
  ) {
    this.prefix = options.prefix ?? 'briefbot:';
    this.startTimeoutMs = options.startTimeoutMs ?? 3000;
    this.probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 1000,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      // No queue while disconnected: a command fails at once and the memory answers.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(100 * times, 1000),
    });
    // Without a listener, a lost connection is an unhandled 'error' event; ioredis reconnects by itself.
    // Each reconnect attempt fails with an error: the outage itself is logged once, by degrade().
    this.redis.on('error', (err: Error) => this.logger?.debug({ err: err.message }, 'redis error'));
  }

  /**
   * Connects and checks the server answers; call once at startup. Never hangs past the start-up
   * deadline and never throws: an unreachable or silent Redis is logged as an error and the instance
   * starts degraded (per-instance memory) until Redis answers.
   */
  async connect(): Promise<void> {
    const deadline = this.startTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const attempt = this.redis.connect().then(() => this.redis.ping());
    // Still pending when the deadline passes: its later failure must not be an unhandled rejection.
    attempt.catch(() => {});
    try {
      await Promise.race([
        attempt,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${deadline} ms`)), deadline);
        }),
      ]);
    } catch (err) {
      this.logger?.error(
        { err: (err as Error).message, timeoutMs: deadline },
        'redis unavailable at start: REDIS_URL did not answer; using per-instance memory until it does',
      );
      this.enterDegraded();
    } finally {
      clearTimeout(timer);
    }
  }

  /** True while Redis is unavailable and this instance answers from its own memory. */
  degraded(): boolean {
    return this.degradedSince !== undefined;
  }

  claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    return this.run(
      async (r) => (await r.set(this.prefix + key, '1', 'EX', Math.max(1, ttlSeconds), 'NX')) === 'OK',
      (m) => m.claimOnce(key, ttlSeconds),
    );
  }

  increment(key: string, windowSeconds: number): Promise<number> {
    return this.run(
      async (r) => Number(await r.eval(INCREMENT_SCRIPT, 1, this.prefix + key, Math.max(1, windowSeconds))),
      (m) => m.increment(key, windowSeconds),
    );
  }

  get(key: string): Promise<string | undefined> {
    return this.run(
      async (r) => (await r.get(this.prefix + key)) ?? undefined,
      (m) => m.get(key),
    );
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.run(
      async (r) => {
        await r.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
      },
      (m) => m.set(key, value, ttlSeconds),
    );
  }

  delete(key: string): Promise<void> {
    return this.run(
      async (r) => {
        await r.del(this.prefix + key);
      },
      (m) => m.delete(key),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probe);
    await this.memory.close();
    if (this.redis.status === 'end') return;
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  /** Redis when it answers; the memory while degraded or when this command fails. */
  private async run<T>(
    command: (redis: Redis) => Promise<T>,
    fallback: (memory: MemoryState) => Promise<T>,
  ): Promise<T> {
    if (this.degradedSince === undefined) {
      try {
        return await command(this.redis);
      } catch (err) {
        this.degrade(err as Error);
      }
    }
    return fallback(this.memory);
  }

  private degrade(err: Error): void {
    if (this.degradedSince !== undefined || this.closed) return;
    this.logger?.warn(
      { err: err.message },
      'shared state degraded: redis unavailable, using per-instance memory',
    );
    this.enterDegraded();
  }

  private enterDegraded(): void {
    if (this.degradedSince !== undefined) return;
    this.degradedSince = Date.now();
    this.options.onOutage?.();
    this.probe = setInterval(() => void this.check(), this.probeIntervalMs);
    this.probe.unref();
  }

  /** While degraded: back to Redis once it answers a PING. */
  private async check(): Promise<void> {
    if (this.probing || this.closed || this.degradedSince === undefined) return;
    this.probing = true;
    try {
      // After a failed first connect ioredis may have stopped trying: start it again.
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      await this.redis.ping();
      const outageMs = Date.now() - this.degradedSince;
      this.degradedSince = undefined;
      clearInterval(this.probe);
      this.probe = undefined;
      this.logger?.info({ outageMs }, 'shared state recovered: back to redis');
    } catch {
      // still down: the next probe tries again
    } finally {
      this.probing = false;
    }
  }
}
