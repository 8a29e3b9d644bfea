import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { SharedState } from './types.js';

/** INCR, and set the window's expiry on the first hit, in one atomic step. */
const INCREMENT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * SharedState in Redis, for several instances: Slack event de-duplication (SET NX EX), rate-limit
 * counters (INCR + EXPIRE in a Lua script) and plain values with an expiry (SET EX: conversations). Keys live under `prefix` (default "briefbot:").
 */
export class RedisState implements SharedState {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly logger?: Logger,
    private readonly prefix = 'briefbot:',
  ) {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    // Without a listener, a lost connection is an unhandled 'error' event; ioredis reconnects by itself.
    this.redis.on('error', (err: Error) => this.logger?.warn({ err: err.message }, 'redis error'));
  }

  /** Connects and checks the server answers; call once at startup. */
  async connect(): Promise<void> {
    await this.redis.connect();
    await this.redis.ping();
  }

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const set = await this.redis.set(this.prefix + key, '1', 'EX', Math.max(1, ttlSeconds), 'NX');
    return set === 'OK';
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const n = await this.redis.eval(INCREMENT_SCRIPT, 1, this.prefix + key, Math.max(1, windowSeconds));
    return Number(n);
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.redis.get(this.prefix + key);
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
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
}
