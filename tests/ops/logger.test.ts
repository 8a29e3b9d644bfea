import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion } from '../../src/services/pipeline.js';
import { capturedLogger, KNOWLEDGE } from './support.js';

describe('logging', () => {
  it('redacts tokens and secrets, wherever the config is logged', () => {
    const { logger, lines } = capturedLogger();
    const config = loadConfig({
      DISCORD_TOKEN: 'discord-secret-token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      SLACK_BOT_TOKEN: 'xoxb-slack-secret',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      REDIS_URL: 'redis://:redis-password@localhost:6379',
    });
    logger.info({ config }, 'config');
    logger
      .child({ component: 'slack' })
      .info({ token: 'xoxb-slack-secret', headers: { authorization: 'Bearer x' } });
    const text = JSON.stringify(lines);
    for (const secret of [
      'discord-secret-token',
      'xoxb-slack-secret',
      'signing-secret-value',
      'redis-password',
    ])
      expect(text).not.toContain(secret);
    expect(lines[1]).toMatchObject({ component: 'slack', token: '[redacted]' });
  });

  it('logs each question with platform, language, kind, entry, score and latency; hashed user; text only when unanswered', async () => {
    const { logger, lines } = capturedLogger();
    const engine = loadEngineFromDir(KNOWLEDGE);
    const services = createServices({ engine: () => engine, logger });
    await askQuestion(
      services,
      { platform: 'discord', userId: '998877665544332211' },
      'How much did Nvidia fall?',
    );
    await askQuestion(
      services,
      { platform: 'discord', userId: '998877665544332211' },
      'best pizza in Naples?',
    );
    const questions = lines.filter((l) => l.msg === 'question');
    expect(questions[0]).toMatchObject({ platform: 'discord', lang: 'en', kind: 'fact', answered: true });
    expect(questions[0]).toHaveProperty('entryId');
    expect(questions[0]).toHaveProperty('score');
    expect(questions[0]).toHaveProperty('latencyMs');
    expect(questions[0]).not.toHaveProperty('question');
    expect(questions[1]).toMatchObject({ kind: 'none', answered: false, question: 'best pizza in Naples?' });
    expect(JSON.stringify(lines)).not.toContain('998877665544332211');
  });
});
