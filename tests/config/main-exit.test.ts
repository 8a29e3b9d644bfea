import { describe, expect, it } from 'vitest';
import { cleanEnv, spawnMain } from '../ops/spawn-main.js';

/** Each bad configuration stops the real `main` with exit code 2, one line per problem, no secret. */

const SECRET = 'Sup3rSecretValue0123456789';

interface Case {
  name: string;
  env: Record<string, string>;
  lines: string[];
}

const CASES: Case[] = [
  { name: 'PORT not a number', env: { PORT: 'abc' }, lines: ['PORT must be an integer between 1 and 65535'] },
  {
    name: 'PORT out of range',
    env: { PORT: '70000' },
    lines: ['PORT must be an integer between 1 and 65535'],
  },
  {
    name: 'Discord token without application id',
    env: { DISCORD_TOKEN: SECRET },
    lines: ['DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing'],
  },
  {
    name: 'Discord application id without token',
    env: { DISCORD_APPLICATION_ID: '123456789012345678' },
    lines: ['DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing'],
  },
  {
    name: 'Discord application id not an id',
    env: { DISCORD_TOKEN: SECRET, DISCORD_APPLICATION_ID: 'my-app' },
    lines: ['DISCORD_APPLICATION_ID must be a Discord id (15 to 21 digits)'],
  },
  {
    name: 'Slack bot token without a mode',
    env: { SLACK_BOT_TOKEN: `xoxb-${SECRET}` },
    lines: [
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
    ],
  },
  {
    name: 'Slack bot token of the wrong kind',
    env: { SLACK_BOT_TOKEN: `xoxp-${SECRET}`, SLACK_SIGNING_SECRET: SECRET },
    lines: ['SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
  },
  {
    name: 'Slack app token without bot token',
    env: { SLACK_APP_TOKEN: `xapp-${SECRET}` },
    lines: ['SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing'],
  },
  {
    name: 'Slack signing secret without bot token',
    env: { SLACK_SIGNING_SECRET: SECRET },
    lines: ['SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing'],
  },
  {
    name: 'Redis address of the wrong scheme (with a password)',
    env: { REDIS_URL: `http://user:${SECRET}@localhost:6379` },
    lines: ['REDIS_URL must be a redis:// or rediss:// address'],
  },
  {
    name: 'unknown log level',
    env: { LOG_LEVEL: 'loud' },
    lines: ['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  },
  {
    name: 'rate limit of zero',
    env: { RATE_LIMIT_PER_MINUTE: '0' },
    lines: ['RATE_LIMIT_PER_MINUTE must be an integer between 1 and 10000'],
  },
  {
    name: 'API address not http',
    env: { DISCORD_TOKEN: SECRET, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_URL: 'ftp://x' },
    lines: ['DISCORD_API_URL must be an http(s) address, like https://example.com/api'],
  },
  {
    name: 'HEALTH_PORT out of range',
    env: { HEALTH_PORT: '0' },
    lines: ['HEALTH_PORT must be an integer between 1 and 65535'],
  },
  {
    name: 'RELOAD not a boolean',
    env: { RELOAD: 'sometimes' },
    lines: ['RELOAD must be one of true, false, 1, 0, yes, no, on, off'],
  },
  {
    name: 'several problems at once',
    env: { PORT: '-1', DISCORD_TOKEN: SECRET, SLACK_APP_TOKEN: `xapp-${SECRET}` },
    lines: [
      'PORT must be an integer between 1 and 65535',
      'DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing',
      'SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing',
    ],
  },
];

describe.concurrent('main with a bad configuration', () => {
  for (const c of CASES) {
    it(`${c.name}: exit 2 and "${c.lines[0]}"`, async () => {
      const main = spawnMain(cleanEnv(c.env), { stdin: 'ignore' });
      const code = await main.exited;
      const output = main.stdout() + main.stderr();
      expect(code).toBe(2);
      expect(main.stderr().trim().split('\n')).toEqual(c.lines.map((l) => `config error: ${l}`));
      expect(output).not.toContain(SECRET);
    });
  }
});
