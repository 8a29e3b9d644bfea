import { Writable } from 'node:stream';
import { type DiscordOptions, startDiscord } from '../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../src/adapters/types.js';
import type { Engine } from '../../src/core/engine-types.js';
import { createLogger } from '../../src/logger.js';
import type { ChannelPolicy } from '../../src/services/channel-policy.js';
import { createServices, type Services, type SharedState } from '../../src/services/index.js';
import { MemoryFeedbackStore } from '../../src/services/memory.js';
import { DiscordTestServer, type RecordedRequest } from './discord-server.js';

/** The real briefbot Discord client connected to a local Discord server, with its logs captured. */
export interface TestBot {
  server: DiscordTestServer;
  adapter: RunningAdapter;
  services: Services;
  feedback: MemoryFeedbackStore;
  /** Parsed pino lines the adapter logged. */
  logs: Record<string, unknown>[];
  /** Dispatches an interaction and resolves with the callback body Discord received. */
  send(interaction: { id: string }): Promise<Callback>;
  close(): Promise<void>;
}

export interface Callback {
  type: number;
  data?: Record<string, unknown> & {
    embeds?: {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
    }[];
    components?: {
      type: number;
      components: { custom_id?: string; url?: string; label?: string; style: number }[];
    }[];
    choices?: { name: string; value: string }[];
    flags?: number;
    content?: string;
    allowed_mentions?: unknown;
  };
}

export interface BotSetup extends DiscordOptions {
  engine: () => Engine;
  /** The channel policy getter (default: mention everywhere). */
  policy?: () => ChannelPolicy;
  /** Ask for the Message Content intent (auto channels). */
  messageContent?: boolean;
  state?: SharedState;
  rateLimitPerMinute?: number;
}

export const TEST_TOKEN = 'test-token.not-a-secret';

export async function startTestBot(setup: BotSetup): Promise<TestBot> {
  const server = await DiscordTestServer.start();
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const feedback = new MemoryFeedbackStore();
  const services = createServices({
    engine: setup.engine,
    logger: createLogger({ level: 'debug', destination }),
    feedback,
    ...(setup.state ? { state: setup.state } : {}),
    rateLimitPerMinute: setup.rateLimitPerMinute ?? 1000,
    ...(setup.policy ? { policy: setup.policy } : {}),
  });
  const {
    engine: _engine,
    state: _state,
    rateLimitPerMinute: _rate,
    policy: _policy,
    messageContent,
    ...options
  } = setup;
  const adapter = await startDiscord(
    {
      token: TEST_TOKEN,
      applicationId: server.applicationId,
      apiUrl: server.apiUrl,
      ...(messageContent ? { messageContent: true } : {}),
    },
    services,
    options,
  ).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    server,
    adapter,
    services,
    feedback,
    logs,
    async send(interaction) {
      server.interact(interaction);
      const request: RecordedRequest = await server.waitForCallback(interaction.id);
      return request.body as Callback;
    },
    async close() {
      await adapter.stop();
      await server.close();
    },
  };
}
