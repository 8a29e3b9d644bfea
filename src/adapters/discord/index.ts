import { setTimeout as sleep } from 'node:timers/promises';
import {
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  Options,
  Status,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Services } from '../../services/index.js';
import type { RunningAdapter } from '../types.js';
import { registerAutoAnswer } from './auto-answer.js';
import { createDispatcher } from './dispatcher.js';
import { DEFAULT_DEFER_AFTER_MS } from './respond.js';

export interface DiscordOptions {
  /** Defer a reply not ready within this many milliseconds (default 1.5 s of Discord's 3 s). */
  deferAfterMs?: number;
  /** How long stop() waits for replies in flight (default 10 s). */
  stopTimeoutMs?: number;
}

/**
 * The client's options. Users and members are not cached (but the bot's own): every interaction and
 * message carries who sent it, briefbot never looks anyone up, and by default discord.js keeps each
 * asker's User and GuildMember for the life of the process — memory that grows with every new asker.
 */
export function clientOptions(config: Pick<DiscordConfig, 'messageContent' | 'apiUrl'>): ClientOptions {
  const own = {
    maxSize: 0,
    keepOverLimit: (x: { id: string; client: Client }) => x.id === x.client.user?.id,
  };
  return {
    // Message Content (privileged) only when the operator enabled it, for `auto` channels.
    intents: config.messageContent
      ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
      : [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: own,
      GuildMemberManager: own,
    }),
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  };
}

/**
 * Connects briefbot to Discord: Guilds intent only, no mention ever parsed, every interaction through
 * one dispatcher. Resolves once the gateway session is ready. Commands are registered separately
 * (`npm run register`), never at start.
 */
export async function startDiscord(
  config: DiscordConfig,
  services: Services,
  options: DiscordOptions = {},
): Promise<RunningAdapter> {
  const log = services.logger.child({ component: 'discord' });
  const client = new Client(clientOptions(config));
  const dispatch = createDispatcher(services, log, {
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) return;
    const job = dispatch(interaction).finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  if (config.messageContent) registerAutoAnswer(client, services, log);
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ code: event.code, shardId }, 'gateway closed'),
  );
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, applicationId: config.applicationId }, 'discord connected');

  return {
    name: 'discord',
    healthy: () =>
      accepting &&
      client.isReady() &&
      client.ws.shards.size > 0 &&
      client.ws.shards.every((shard) => shard.status === Status.Ready),
    async stop() {
      if (!accepting) return;
      accepting = false;
      const timeout = options.stopTimeoutMs ?? 10_000;
      const timer = new AbortController();
      await Promise.race([
        Promise.allSettled([...inFlight]),
        sleep(timeout, undefined, { signal: timer.signal }).catch(() => undefined),
      ]);
      timer.abort();
      if (inFlight.size > 0) log.warn({ pending: inFlight.size }, 'stopping with replies still in flight');
      await client.destroy();
      log.info('discord disconnected');
    },
  };
}
