import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion } from '../../src/services/pipeline.js';
import type { RedisState } from '../../src/services/redis.js';
import { hasRedisServer, startTwoInstances, type TwoInstances } from './redis-server.js';
import { capturedLogger, KNOWLEDGE } from './support.js';

const available = hasRedisServer();
if (!available) console.warn('SKIPPED: Redis SharedState tests — no redis-server binary on PATH');

describe.skipIf(!available)('RedisState against a real redis-server', () => {
  let redis: TwoInstances;
  let a: RedisState;
  let b: RedisState;
  let raw: Redis;

  beforeAll(async () => {
    redis = await startTwoInstances();
    ({ a, b, raw } = redis);
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('claimOnce: first claim wins across instances, with the expiry set', async () => {
    expect(await a.claimOnce('event:Ev1', 600)).toBe(true);
    expect(await b.claimOnce('event:Ev1', 600)).toBe(false);
    expect(await a.claimOnce('event:Ev1', 600)).toBe(false);
    expect(await b.claimOnce('event:Ev2', 600)).toBe(true);
    const ttl = await raw.ttl('briefbot:event:Ev1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it('claimOnce: 200 concurrent claims of one key from two instances → exactly one winner', async () => {
    const claims = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).claimOnce('event:race', 60)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('increment: atomic across instances, expiry set on the first hit only', async () => {
    const counts = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).increment('rate:slack:u1', 60)),
    );
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const ttl = await raw.ttl('briefbot:rate:slack:u1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('an expired window starts again at 1', async () => {
    expect(await a.increment('rate:slack:u2', 60)).toBe(1);
    await raw.del('briefbot:rate:slack:u2');
    expect(await b.increment('rate:slack:u2', 60)).toBe(1);
  });

  it('shares the rate limit between two instances: the 11th question gets the notice', async () => {
    const engine = loadEngineFromDir(KNOWLEDGE);
    const services = [a, b].map((state) =>
      createServices({
        engine: () => engine,
        logger: capturedLogger().logger,
        state,
        rateLimitPerMinute: 10,
      }),
    );
    const who = { platform: 'slack' as const, userId: 'U_SHARED' };
    const results = [];
    for (let i = 0; i < 11; i += 1)
      results.push(await askQuestion(services[i % 2] as (typeof services)[0], who, 'nvidia drop'));
    expect(results.map((r) => r.limited ?? 'ok')).toEqual([...Array(10).fill('ok'), 'rate']);
  });
});
