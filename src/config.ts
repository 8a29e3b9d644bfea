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

const BOOLEANS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'];

const envSchema = z.object({
  NODE_ENV: optionalString,
  LOG_LEVEL: optionalString.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
    message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
  }),
  PORT: intInRange('PORT', 1, 65535, 3000),
  HOST: optionalString,
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
  DISCORD_MESSAGE_CONTENT: optionalString.refine(
    (v) => v === undefined || BOOLEANS.includes(v.toLowerCase()),
    {
      message: `DISCORD_MESSAGE_CONTENT must be one of ${BOOLEANS.join(', ')}`,
    },
  ),
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  SLACK_ADMIN_USERS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((id) => /^[UW][A-Z0-9]{2,20}$/.test(id.trim())),
    {
      message: 'SLACK_ADMIN_USERS must be a comma-separated list of Slack user ids, like U012AB3CD,U045EF6GH',
    },
  ),
  CHANNELS_FILE: optionalString,
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
    message: 'REDIS_URL must be a redis:// or rediss:// address',
  }),
  RATE_LIMIT_PER_MINUTE: intInRange('RATE_LIMIT_PER_MINUTE', 1, 10000, 10),
  CONVERSATION_TTL_MINUTES: intInRange('CONVERSATION_TTL_MINUTES', 1, 1440, 30),
  HEALTH_PORT: intInRange('HEALTH_PORT', 1, 65535, 0),
  OPS_PORT: intInRange('OPS_PORT', 1, 65535, 0),
  OPS_HOST: optionalString,
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || /^[\x21-\x7e]{16,}$/.test(v), {
    message: 'METRICS_TOKEN must be at least 16 printable characters without spaces',
  }),
  RELOAD: optionalString.refine((v) => v === undefined || BOOLEANS.includes(v.toLowerCase()), {
    message: `RELOAD must be one of ${BOOLEANS.join(', ')}`,
  }),
  // Data: records store, knowledge caps, backpressure.
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(?:ql)?:\/\/\S+$/.test(v), {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// address',
  }),
  RECORDS_MAX_ROWS: intInRange('RECORDS_MAX_ROWS', 1000, 100_000_000, 1_000_000),
  RECORDS_RETENTION_DAYS: intInRange('RECORDS_RETENTION_DAYS', 1, 36500, 365),
  KNOWLEDGE_MAX_FILE_MB: intInRange('KNOWLEDGE_MAX_FILE_MB', 1, 512, 4),
  KNOWLEDGE_MAX_TOTAL_MB: intInRange('KNOWLEDGE_MAX_TOTAL_MB', 1, 2048, 32),
  MAX_IN_FLIGHT: intInRange('MAX_IN_FLIGHT', 1, 100_000, 64),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
  /**
   * The privileged Message Content intent, needed to read messages in `auto` channels. Off unless the
   * operator enables it in the Developer Portal and sets DISCORD_MESSAGE_CONTENT=true.
   */
  messageContent?: boolean;
}

export interface SlackConfig {
  botToken: string;
  /** Socket Mode when set (the default way to run). */
  appToken?: string;
  /** HTTP mode when set and no app token is given. */
  signingSecret?: string;
  apiUrl?: string;
  mode: 'socket' | 'http';
  /** User ids who see the usage figures in the App Home. */
  adminUsers?: string[];
}

export interface Config {
  env: string;
  logLevel: string;
  port: number;
  /** Interface the HTTP servers listen on; every interface when unset. */
  host?: string;
  knowledgeDir: string;
  dataDir: string;
  /** DATA_DIR was set: the console chat keeps its records there (otherwise in memory, not in the checkout). */
  dataDirConfigured?: boolean;
  redisUrl?: string;
  rateLimitPerMinute: number;
  /** How long a conversation (thread, DM, console session) is remembered after its last turn (default 30). */
  conversationTtlMinutes?: number;
  /** Console mode only: serve the public /healthz and /readyz on this port (none is opened without it). */
  healthPort?: number;
  /** Private operations port: detailed /healthz, /readyz and /metrics (none is opened without it). */
  opsPort?: number;
  /** Interface of the ops port (default 127.0.0.1: reachable from this host only). */
  opsHost?: string;
  /** When set, /metrics and detailed health are also served on the public port to this bearer token. */
  metricsToken?: string;
  /** Watch the knowledge folder and swap the engine on valid edits (default true). */
  reload: boolean;
  /** Per-channel policy file (mention, auto, quiet; visibility, languages, escalation); none: mention everywhere. */
  channelsFile?: string;
  /** Records in PostgreSQL instead of SQLite under dataDir. */
  databaseUrl?: string;
  /** Records kept: at most maxRows per table, none older than days. */
  retention: { maxRows: number; days: number };
  /** Largest knowledge file and all files together, in bytes. */
  knowledgeLimits: { maxFileBytes: number; maxTotalBytes: number };
  /** Questions in flight per instance; beyond, a short "busy" reply. */
  maxInFlight: number;
  discord?: DiscordConfig;
  slack?: SlackConfig;
}

/** Variables that only make sense together; checked on presence so every problem shows at once. */
function pairingProblems(env: NodeJS.ProcessEnv): string[] {
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID'))
    problems.push('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing');
  if (!has('DISCORD_TOKEN') && has('DISCORD_APPLICATION_ID'))
    problems.push('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing');
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET'))
    problems.push(
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
    );
  if (!has('SLACK_BOT_TOKEN'))
    for (const name of ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'])
      if (has(name)) problems.push(`${name} is set but SLACK_BOT_TOKEN is missing`);
  return problems;
}

/** Validates an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => i.message)),
    ...pairingProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  const config: Config = {
    env: e.NODE_ENV ?? 'development',
    logLevel: e.LOG_LEVEL ?? 'info',
    port: e.PORT,
    knowledgeDir: e.KNOWLEDGE_DIR ?? 'knowledge',
    dataDir: e.DATA_DIR ?? 'data',
    dataDirConfigured: e.DATA_DIR !== undefined,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    conversationTtlMinutes: e.CONVERSATION_TTL_MINUTES,
    reload: !['false', '0', 'no', 'off'].includes((e.RELOAD ?? 'true').toLowerCase()),
    retention: { maxRows: e.RECORDS_MAX_ROWS, days: e.RECORDS_RETENTION_DAYS },
    knowledgeLimits: {
      maxFileBytes: e.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
      maxTotalBytes: e.KNOWLEDGE_MAX_TOTAL_MB * 1024 * 1024,
    },
    maxInFlight: e.MAX_IN_FLIGHT,
  };
  if (e.DATABASE_URL) config.databaseUrl = e.DATABASE_URL;
  if (e.OPS_HOST) config.opsHost = e.OPS_HOST;
  if (e.OPS_PORT) config.opsPort = e.OPS_PORT;
  if (e.METRICS_TOKEN) config.metricsToken = e.METRICS_TOKEN;
  if (e.HEALTH_PORT) config.healthPort = e.HEALTH_PORT;
  if (e.HOST) config.host = e.HOST;
  if (e.REDIS_URL) config.redisUrl = e.REDIS_URL;
  if (e.CHANNELS_FILE) config.channelsFile = e.CHANNELS_FILE;
  if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    const discord: DiscordConfig = { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID };
    if (e.DISCORD_GUILD_ID) discord.guildId = e.DISCORD_GUILD_ID;
    if (e.DISCORD_API_URL) discord.apiUrl = e.DISCORD_API_URL;
    if (['true', '1', 'yes', 'on'].includes((e.DISCORD_MESSAGE_CONTENT ?? '').toLowerCase()))
      discord.messageContent = true;
    config.discord = discord;
  }
  if (e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    const slack: SlackConfig = { botToken: e.SLACK_BOT_TOKEN, mode: e.SLACK_APP_TOKEN ? 'socket' : 'http' };
    if (e.SLACK_APP_TOKEN) slack.appToken = e.SLACK_APP_TOKEN;
    if (e.SLACK_SIGNING_SECRET) slack.signingSecret = e.SLACK_SIGNING_SECRET;
    if (e.SLACK_API_URL) slack.apiUrl = e.SLACK_API_URL;
    if (e.SLACK_ADMIN_USERS) slack.adminUsers = e.SLACK_ADMIN_USERS.split(',').map((id) => id.trim());
    config.slack = slack;
  }
  return config;
}

/** Every variable loadConfig reads (the .env.example test checks each is documented). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);
