import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/adapters/discord/register.js';
import type { Engine } from '../../src/core/engine-types.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { GUILD_ID } from '../helpers/discord-interactions.js';
import { DiscordTestServer, type RecordedRequest } from '../helpers/discord-server.js';

const run = promisify(execFile);
const TOKEN = 'register-test-token';
const NAMES = ['ask', 'cost', 'training', 'facts', 'about', 'chart', 'Ask briefbot'];

interface CommandJson {
  name: string;
  type?: number;
  name_localizations?: { fr?: string };
  description_localizations?: { fr?: string };
  options?: CommandJson[];
}

let server: DiscordTestServer;
let engine: Engine;

beforeAll(async () => {
  server = await DiscordTestServer.start();
  engine = loadEngineFromDir(path.resolve('knowledge'));
});

afterAll(async () => {
  await server?.close();
});

function expectFullRegistration(put: RecordedRequest) {
  expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
  const body = put.body as CommandJson[];
  expect(body.map((c) => c.name)).toEqual(NAMES);
  for (const command of body) {
    expect(command.name_localizations?.fr).toBeTruthy();
    if (command.type === 3) continue; // a message context-menu command has no description
    expect(command.description_localizations?.fr).toBeTruthy();
    for (const option of command.options ?? []) expect(option.name_localizations?.fr).toBeTruthy();
  }
  // Models and topics come from the loaded knowledge through autocomplete, not from fixed choices.
  type Option = { name: string; choices?: unknown[]; autocomplete?: boolean };
  const option = (command: string, name: string) =>
    (body.find((c) => c.name === command) as { options: Option[] }).options.find((o) => o.name === name);
  expect(option('cost', 'model')).toMatchObject({ autocomplete: true });
  expect(option('cost', 'model')?.choices).toBeUndefined();
  expect(option('facts', 'topic')).toMatchObject({ autocomplete: true });
  expect(option('facts', 'topic')?.choices).toBeUndefined();
}

/** A child environment with no Discord or Slack settings inherited from this shell. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK)_/.test(k)));
  return { ...env, LOG_LEVEL: 'silent', ...extra };
}

describe('registerCommands', () => {
  it('puts every command to one guild when a guild id is given', async () => {
    const applicationId = server.applicationId;
    const done = await registerCommands(
      { token: TOKEN, applicationId, guildId: GUILD_ID, apiUrl: server.apiUrl },
      engine,
    );
    expect(done).toEqual({
      scope: 'guild',
      route: `/applications/${applicationId}/guilds/${GUILD_ID}/commands`,
      names: NAMES,
    });
    const put = server.requests.filter((r) => r.method === 'PUT').at(-1) as RecordedRequest;
    expect(put.path).toBe(`/api/v10/applications/${applicationId}/guilds/${GUILD_ID}/commands`);
    expectFullRegistration(put);
  });

  it('puts every command globally without a guild id', async () => {
    const done = await registerCommands(
      { token: TOKEN, applicationId: server.applicationId, apiUrl: server.apiUrl },
      engine,
    );
    expect(done.scope).toBe('global');
    const put = server.requests.filter((r) => r.method === 'PUT').at(-1) as RecordedRequest;
    expect(put.path).toBe(`/api/v10/applications/${server.applicationId}/commands`);
    expectFullRegistration(put);
  });
});

describe('the register script', () => {
  it('registers to the guild named in the environment and says so', async () => {
    const before = server.requests.length;
    const { stdout } = await run('npx', ['tsx', 'src/adapters/discord/register.ts'], {
      env: childEnv({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: server.applicationId,
        DISCORD_GUILD_ID: GUILD_ID,
        DISCORD_API_URL: server.apiUrl,
      }),
    });
    expect(stdout).toContain(`Registered 7 commands to guild ${GUILD_ID}`);
    const puts = server.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expectFullRegistration(puts[0] as RecordedRequest);
  });

  it('exits with status 2 and the configuration problem when the settings are incomplete', async () => {
    const failure = await run('npx', ['tsx', 'src/adapters/discord/register.ts'], {
      env: childEnv({ DISCORD_TOKEN: TOKEN }),
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('DISCORD_APPLICATION_ID is missing');
  });
});
