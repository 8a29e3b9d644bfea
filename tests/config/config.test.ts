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
      rateLimitPerMinute: 10,
      conversationTtlMinutes: 30,
      reload: true,
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

  it('picks Slack HTTP mode with a signing secret and Socket Mode with an app token', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(http.slack?.mode).toBe('http');
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.mode).toBe('socket');
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
