import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Briefbot, startBriefbot } from '../../src/app.js';
import { slashCommand } from '../helpers/discord-interactions.js';
import { DiscordTestServer } from '../helpers/discord-server.js';
import { freePort } from '../ops/spawn-main.js';
import { capturedLogger, tempDir, testConfig } from '../ops/support.js';

/** The real app in Discord mode (health on its own server on PORT) against a local Discord server. */
describe('faults: the Discord gateway connection dropped mid-session', () => {
  let server: DiscordTestServer;
  let bot: Briefbot;
  const data = tempDir();

  beforeAll(async () => {
    server = await DiscordTestServer.start();
    bot = await startBriefbot(
      testConfig({
        port: await freePort(),
        dataDir: data.dir,
        discord: {
          token: 'test-token.not-a-secret',
          applicationId: server.applicationId,
          apiUrl: server.apiUrl,
        },
      }),
      capturedLogger('warn').logger,
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await server?.close();
    data.cleanup();
  });

  const health = async () => (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status;
  const ask = (question: string) => slashCommand(server.applicationId, 'ask', { question });

  it('resumes, keeps answering, and /healthz is 200 again', async () => {
    expect(await health()).toBe(200);
    const resumed = server.waitForSession('resumed');
    server.dropConnection();
    const during = ask('How much did Nvidia fall?');
    server.interact(during);
    await resumed;
    expect((await server.waitForCallback(during.id)).body).toMatchObject({ type: 4 });

    const after = ask('What does DeepSeek R1 cost?');
    server.interact(after);
    expect((await server.waitForCallback(after.id)).body).toMatchObject({ type: 4 });
    expect(await health()).toBe(200);
    expect(server.gatewayLog.filter((g) => g.op === 2)).toHaveLength(1);
  });
});
