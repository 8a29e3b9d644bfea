import { z } from 'zod';

/**
 * The one place that reads process.env. `loadConfig` validates everything at startup and returns a
 * typed Config, or throws ConfigError with one line per problem (never a secret's value).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const httpUrl = (name: string) =>
  optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `${name} must be an http(s) address, like https://example.com/api`,
  });

const intInRange = (name: string, min: number, max: number, fallback: number) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an integer between ${min} and ${max}` });
      return z.NEVER;
    }
    return n;
  });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: optionalString,
  LOG_LEVEL: optionalString.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
    message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
  }),
  PORT: intInRange('PORT', 1, 65535, 3000),
  KNOWLEDGE_DIR: optionalString,
  DATA_DIR: optionalString,
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), {
    message: 'DISCORD_APPLICATION_ID must be a Discord id (15 to 21 digits)',
  }),
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{15,21}$/.test(v), {
    message: 'DISCORD_GUILD_ID must be a Discord id (15 to 21 digits)',
  }),
  DISCORD_API_URL: httpUrl('DISCORD_API_URL'),
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
    message: 'REDIS_URL must be a redis:// or rediss:// address',
  }),
  RATE_LIMIT_PER_MINUTE: intInRange('RATE_LIMIT_PER_MINUTE', 1, 10000, 10),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export interface SlackConfig {
  botToken: string;
  /** Socket Mode when set (the default way to run). */
  appToken?: string;
  /** HTTP mode when set and no app token is given. */
  signingSecret?: string;
  apiUrl?: string;
  mode: 'socket' | 'http';
}

export interface Config {
  env: string;
  logLevel: string;
  port: number;
  knowledgeDir: string;
  dataDir: string;
  redisUrl?: string;
  rateLimitPerMinute: number;
  discord?: DiscordConfig;
  slack?: SlackConfig;
}

/** Validates an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => i.message));
  }
  const e = parsed.data;
  const problems: string[] = [];

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    problems.push('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing');
  } else if (!e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    problems.push('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing');
  } else if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    discord = { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID };
    if (e.DISCORD_GUILD_ID) discord.guildId = e.DISCORD_GUILD_ID;
    if (e.DISCORD_API_URL) discord.apiUrl = e.DISCORD_API_URL;
  }

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(
        'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
      );
    } else {
      slack = { botToken: e.SLACK_BOT_TOKEN, mode: e.SLACK_APP_TOKEN ? 'socket' : 'http' };
      if (e.SLACK_APP_TOKEN) slack.appToken = e.SLACK_APP_TOKEN;
      if (e.SLACK_SIGNING_SECRET) slack.signingSecret = e.SLACK_SIGNING_SECRET;
      if (e.SLACK_API_URL) slack.apiUrl = e.SLACK_API_URL;
    }
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    problems.push(
      `${e.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set but SLACK_BOT_TOKEN is missing`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    env: e.NODE_ENV ?? 'development',
    logLevel: e.LOG_LEVEL ?? 'info',
    port: e.PORT,
    knowledgeDir: e.KNOWLEDGE_DIR ?? 'knowledge',
    dataDir: e.DATA_DIR ?? 'data',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
  };
  if (e.REDIS_URL) config.redisUrl = e.REDIS_URL;
  if (discord) config.discord = discord;
  if (slack) config.slack = slack;
  return config;
}
