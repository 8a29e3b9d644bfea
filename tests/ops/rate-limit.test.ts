import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { t } from '../../src/core/i18n/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion } from '../../src/services/pipeline.js';
import { capturedLogger, KNOWLEDGE } from './support.js';

const engine = loadEngineFromDir(KNOWLEDGE);

describe('rate limit per user and platform', () => {
  it('gives the 11th question in a minute a polite notice, and leaves another user alone', async () => {
    const config = loadConfig({});
    const services = createServices({
      engine: () => engine,
      logger: capturedLogger().logger,
      rateLimitPerMinute: config.rateLimitPerMinute,
    });
    const alice = { platform: 'slack' as const, userId: 'U_ALICE' };
    const results = [];
    for (let i = 0; i < 11; i += 1)
      results.push(await askQuestion(services, alice, 'How much did Nvidia fall?'));

    expect(results.slice(0, 10).every((r) => r.limited === undefined && r.reply.answered)).toBe(true);
    const eleventh = results[10];
    expect(eleventh?.limited).toBe('rate');
    expect(eleventh?.reply.body).toBe(t('en').limits.rate(10));
    expect(eleventh?.reply.answered).toBe(false);

    const bob = await askQuestion(
      services,
      { platform: 'slack', userId: 'U_BOB' },
      'How much did Nvidia fall?',
    );
    expect(bob.limited).toBeUndefined();
    expect(bob.reply.answered).toBe(true);
    const aliceOnDiscord = await askQuestion(services, { platform: 'discord', userId: 'U_ALICE' }, 'hello');
    expect(aliceOnDiscord.limited).toBeUndefined();
  });

  it('follows RATE_LIMIT_PER_MINUTE', async () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '2' });
    const services = createServices({
      engine: () => engine,
      logger: capturedLogger().logger,
      rateLimitPerMinute: config.rateLimitPerMinute,
    });
    const who = { platform: 'discord' as const, userId: '1' };
    const limited = [];
    for (let i = 0; i < 3; i += 1) limited.push((await askQuestion(services, who, 'nvidia')).limited);
    expect(limited).toEqual([undefined, undefined, 'rate']);
  });

  it('answers a question over 500 characters with a clear message', async () => {
    const services = createServices({ engine: () => engine, logger: capturedLogger().logger });
    const r = await askQuestion(services, { platform: 'slack', userId: 'x' }, 'a'.repeat(501));
    expect(r.limited).toBe('length');
    expect(r.reply.body).toBe(t('en').limits.tooLong(500));
  });
});
