import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, type DiscordConfig, loadConfig } from '../../config.js';
import type { Engine } from '../../core/engine-types.js';
import { loadEngineFromDir } from '../../core/index.js';
import { commandData } from './commands/index.js';

/**
 * `npm run register`: puts every slash command to one guild (DISCORD_GUILD_ID: instant, for development)
 * or globally. Run it after changing commands (models and topics come from autocomplete); never done at start.
 */

export interface Registration {
  scope: 'guild' | 'global';
  route: string;
  names: string[];
}

/** PUTs the full command list (replacing what was registered); uses DISCORD_API_URL when set. */
export async function registerCommands(config: DiscordConfig, engine: Engine): Promise<Registration> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const saved = (await rest.put(route, { body: commandData(engine) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.guildId ? 'guild' : 'global', route, names: saved.map((c) => c.name) };
}

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (!config.discord) {
    console.error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the Discord commands.');
    return 2;
  }
  const engine = loadEngineFromDir(path.resolve(config.knowledgeDir));
  const done = await registerCommands(config.discord, engine);
  const where =
    done.scope === 'guild'
      ? `to guild ${config.discord.guildId} (available at once)`
      : 'globally (Discord may take up to an hour to show them everywhere)';
  process.stdout.write(`Registered ${done.names.length} commands ${where}: /${done.names.join(', /')}\n`);
  return 0;
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Registration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
