import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { ConversationStore } from '../../src/services/conversations.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion } from '../../src/services/pipeline.js';
import type { RedisState } from '../../src/services/redis.js';
import { hasRedisServer, startTwoInstances, type TwoInstances } from '../ops/redis-server.js';
import { capturedLogger, KNOWLEDGE } from '../ops/support.js';

const available = hasRedisServer();
if (!available) console.warn('SKIPPED: Redis conversation tests — no redis-server binary on PATH');

describe.skipIf(!available)('conversations in a real redis-server', () => {
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

  it('get/set/delete, with the expiry on the key', async () => {
    expect(await a.get('v:1')).toBeUndefined();
    await a.set('v:1', 'hello', 120);
    expect(await b.get('v:1')).toBe('hello');
    const ttl = await raw.ttl('briefbot:v:1');
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await b.set('v:1', 'again', 30);
    expect(await raw.ttl('briefbot:v:1')).toBeLessThanOrEqual(30);
    await a.delete('v:1');
    expect(await b.get('v:1')).toBeUndefined();
  });

  it('a conversation stored by one instance is continued by another, with the TTL set', async () => {
    const engine = loadEngineFromDir(KNOWLEDGE);
    const [one, two] = [a, b].map((state) =>
      createServices({
        engine: () => engine,
        logger: capturedLogger().logger,
        state,
        conversationTtlSeconds: 600,
      }),
    ) as [ReturnType<typeof createServices>, ReturnType<typeof createServices>];
    const who = { platform: 'slack' as const, userId: 'U_CONV' };
    const conversation = { key: 'slack:T1:C1:1700000000.000100' };
    const first = await askQuestion(one, who, 'how much did nvidia fall on jan 27?', conversation);
    const second = await askQuestion(two, who, 'source?', conversation);
    expect(second.reply.entryId).toBe(first.reply.entryId);
    expect(second.reply.source?.label).toBe(first.reply.source?.label);
    const ttl = await raw.ttl('briefbot:conv:slack:T1:C1:1700000000.000100');
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);
    const store = new ConversationStore(b, { ttlSeconds: 600 });
    expect((await store.load(conversation.key)).turns).toHaveLength(1);
  });
});
