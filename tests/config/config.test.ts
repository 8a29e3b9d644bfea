import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('loadConfig', () => {
  it('gives every default with an empty environment (console mode)', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      env: 'development',
      logLevel: 'info',
      port: 3000,
      knowledgeDir: 'knowledge',
      dataDir: 'data',
      dataDirConfigured: false,
      rateLimitPerMinute: 10,
      conversationTtlMinutes: 30,
      reload: true,
      retention: { maxRows: 1_000_000, days: 365 },
      knowledgeLimits: { maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 },
      maxInFlight: 64,
    });
  });

  it('reads the conversation TTL in minutes and rejects one out of range', () => {
    expect(loadConfig({ CONVERSATION_TTL_MINUTES: '5' }).conversationTtlMinutes).toBe(5);
    for (const bad of ['0', '1441', '2.5', 'soon']) {
      expect(() => loadConfig({ CONVERSATION_TTL_MINUTES: bad })).toThrow(
        /CONVERSATION_TTL_MINUTES must be an integer between 1 and 1440/,
      );
    }
  });

  it('feeds the rate limit, health port and reload switch', () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '3', HEALTH_PORT: '9100', RELOAD: 'off' });
    expect(config.rateLimitPerMinute).toBe(3);
    expect(config.healthPort).toBe(9100);
    expect(config.reload).toBe(false);
  });

  it('validates the data settings: DATABASE_URL, record retention, knowledge caps, in-flight bound', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/briefbot',
      RECORDS_MAX_ROWS: '5000',
      KNOWLEDGE_MAX_FILE_MB: '2',
      MAX_IN_FLIGHT: '8',
    });
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/briefbot');
    expect(c.retention.maxRows).toBe(5000);
    expect(c.knowledgeLimits.maxFileBytes).toBe(2 * 1024 * 1024);
    expect(c.maxInFlight).toBe(8);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', MAX_IN_FLIGHT: '0' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ address[\s\S]*MAX_IN_FLIGHT must be an integer between 1 and 100000/,
    );
  });

  it('picks Slack HTTP mode with a signing secret and Socket Mode with an app token', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(http.slack?.mode).toBe('http');
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.mode).toBe('socket');
  });

  it('names the variable of every refused value, in the order of the variables, without quoting it', () => {
    const bad = 'not-valid-9f2c';
    const env = {
      LOG_LEVEL: bad,
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: bad,
      DISCORD_GUILD_ID: bad,
      DISCORD_API_URL: bad,
      DISCORD_MESSAGE_CONTENT: bad,
      SLACK_BOT_TOKEN: bad,
      SLACK_APP_TOKEN: bad,
      SLACK_API_URL: bad,
      SLACK_ADMIN_USERS: bad,
      REDIS_URL: bad,
      METRICS_TOKEN: bad,
      RELOAD: bad,
      DATABASE_URL: bad,
      RECORDS_MAX_ROWS: bad,
    };
    let problems: string[] = [];
    try {
      loadConfig(env);
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      Object.keys(env).filter((k) => k !== 'DISCORD_TOKEN'),
    );
    expect(problems.join('\n')).not.toContain(bad);
    // The same values, well-formed, pass (trimmed).
    const good = loadConfig({
      LOG_LEVEL: ' debug ',
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_MESSAGE_CONTENT: 'YES',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_ADMIN_USERS: 'U012AB3CD, W045EF6GH',
      REDIS_URL: 'rediss://cache:6380',
      METRICS_TOKEN: 'abcdefghijklmnop',
      RECORDS_MAX_ROWS: '1000',
    });
    expect(good.logLevel).toBe('debug');
    expect(good.discord?.messageContent).toBe(true);
    expect(good.slack?.adminUsers).toEqual(['U012AB3CD', 'W045EF6GH']);
    expect(good.retention.maxRows).toBe(1000);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ', DISCORD_TOKEN: '' }).port).toBe(3000);
  });

  it('lists every problem, never a value', () => {
    try {
      loadConfig({ PORT: 'x', SLACK_BOT_TOKEN: 'secret-value' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).not.toContain('secret-value');
    }
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  const lines = text.split('\n');

  it.each([...ENV_VARIABLES])('documents %s with a comment and its default', (name) => {
    const at = lines.findIndex((l) => new RegExp(`^#?\\s?${name}=`).test(l));
    expect(at, `${name}= missing`).toBeGreaterThan(0);
    expect(lines[at - 1]?.startsWith('#'), `${name} needs a comment above it`).toBe(true);
  });
});
