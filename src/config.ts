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

// The checks are written out by hand rather than with a schema library: this module loads before the
// console chat's prompt, and zod alone would add about 14 MB to it.

/** A text variable: blank means unset; `test`, when given, must accept the trimmed value. */
interface TextRule {
  kind: 'text';
  test?: (value: string) => boolean;
  /** Said when `test` refuses the value (which is never quoted: it may be a secret). */
  message?: string;
}

/** A whole number in [min, max]; `fallback` when unset. */
interface IntRule {
  kind: 'int';
  min: number;
  max: number;
  fallback: number;
}

const text = (test?: (value: string) => boolean, message?: string): TextRule =>
  test ? { kind: 'text', test, message: message ?? '' } : { kind: 'text' };

const int = (min: number, max: number, fallback: number): IntRule => ({ kind: 'int', min, max, fallback });

const httpUrl = (name: string) =>
  text(
    (v) => /^https?:\/\/[^\s]+$/.test(v),
    `${name} must be an http(s) address, like https://example.com/api`,
  );

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const BOOLEANS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'];

const boolean = (name: string) =>
  text((v) => BOOLEANS.includes(v.toLowerCase()), `${name} must be one of ${BOOLEANS.join(', ')}`);

const discordId = (name: string) =>
  text((v) => /^\d{15,21}$/.test(v), `${name} must be a Discord id (15 to 21 digits)`);

/** Every variable, in the order their problems are listed. */
const RULES = {
  NODE_ENV: text(),
  LOG_LEVEL: text(
    (v) => (LOG_LEVELS as readonly string[]).includes(v),
    `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
  ),
  PORT: int(1, 65535, 3000),
  HOST: text(),
  KNOWLEDGE_DIR: text(),
  DATA_DIR: text(),
  DISCORD_TOKEN: text(),
  DISCORD_APPLICATION_ID: discordId('DISCORD_APPLICATION_ID'),
  DISCORD_GUILD_ID: discordId('DISCORD_GUILD_ID'),
  DISCORD_API_URL: httpUrl('DISCORD_API_URL'),
  DISCORD_MESSAGE_CONTENT: boolean('DISCORD_MESSAGE_CONTENT'),
  SLACK_BOT_TOKEN: text(
    (v) => v.startsWith('xoxb-'),
    'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
  ),
  SLACK_APP_TOKEN: text(
    (v) => v.startsWith('xapp-'),
    'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
  ),
  SLACK_SIGNING_SECRET: text(),
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  SLACK_ADMIN_USERS: text(
    (v) => v.split(',').every((id) => /^[UW][A-Z0-9]{2,20}$/.test(id.trim())),
    'SLACK_ADMIN_USERS must be a comma-separated list of Slack user ids, like U012AB3CD,U045EF6GH',
  ),
  CHANNELS_FILE: text(),
  REDIS_URL: text((v) => /^rediss?:\/\/\S+$/.test(v), 'REDIS_URL must be a redis:// or rediss:// address'),
  RATE_LIMIT_PER_MINUTE: int(1, 10000, 10),
  CONVERSATION_TTL_MINUTES: int(1, 1440, 30),
  HEALTH_PORT: int(1, 65535, 0),
  OPS_PORT: int(1, 65535, 0),
  OPS_HOST: text(),
  METRICS_TOKEN: text(
    (v) => /^[\x21-\x7e]{16,}$/.test(v),
    'METRICS_TOKEN must be at least 16 printable characters without spaces',
  ),
  RELOAD: boolean('RELOAD'),
  // Data: records store, knowledge caps, backpressure.
  DATABASE_URL: text(
    (v) => /^postgres(?:ql)?:\/\/\S+$/.test(v),
    'DATABASE_URL must be a postgres:// or postgresql:// address',
  ),
  RECORDS_MAX_ROWS: int(1000, 100_000_000, 1_000_000),
  RECORDS_RETENTION_DAYS: int(1, 36500, 365),
  KNOWLEDGE_MAX_FILE_MB: int(1, 512, 4),
  KNOWLEDGE_MAX_TOTAL_MB: int(1, 2048, 32),
  MAX_IN_FLIGHT: int(1, 100_000, 64),
} satisfies Record<string, TextRule | IntRule>;

type Env = { [K in keyof typeof RULES]: (typeof RULES)[K] extends IntRule ? number : string | undefined };

/** The validated variables (trimmed, blank as unset, numbers parsed), with one message per problem. */
function readEnv(env: NodeJS.ProcessEnv): { values: Env; problems: string[] } {
  const values: Record<string, string | number | undefined> = {};
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(RULES) as [string, TextRule | IntRule][]) {
    const raw = env[name];
    const v = raw === undefined || raw.trim() === '' ? undefined : raw.trim();
    if (rule.kind === 'int') {
      const n = Number(v);
      if (v === undefined) values[name] = rule.fallback;
      else if (/^\d+$/.test(v) && Number.isSafeInteger(n) && n >= rule.min && n <= rule.max) values[name] = n;
      else problems.push(`${name} must be an integer between ${rule.min} and ${rule.max}`);
    } else {
      if (v !== undefined && rule.test && !rule.test(v)) problems.push(rule.message ?? `${name} is invalid`);
      values[name] = v;
    }
  }
  return { values: values as Env, problems };
}

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
  const { values: e, problems } = readEnv(env);
  problems.push(...pairingProblems(env));
  if (problems.length > 0) throw new ConfigError(problems);

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
export const ENV_VARIABLES: readonly string[] = Object.keys(RULES);
