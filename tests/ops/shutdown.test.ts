import { afterEach, describe, expect, it } from 'vitest';
import { mentionEvent, postEvent, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer } from '../helpers/slack-server.js';
import { cleanEnv, freePort, type MainProcess, spawnMain } from './spawn-main.js';
import { tempDir } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The real `main` (through tsx) in Slack HTTP mode against a local Slack Web API. */
async function startMain(): Promise<{ main: MainProcess; slack: SlackServer; port: number }> {
  const slack = await SlackServer.start();
  cleanups.push(() => slack.close());
  const data = tempDir();
  cleanups.push(data.cleanup);
  const port = await freePort();
  const main = spawnMain(
    cleanEnv({
      SLACK_BOT_TOKEN: 'xoxb-shutdown-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: data.dir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    }),
  );
  cleanups.push(() => main.kill());
  await main.waitForLog('briefbot started');
  return { main, slack, port };
}

describe('graceful shutdown of the real main', () => {
  it('SIGTERM: stops, logs "stopped" and exits 0', async () => {
    const { main, port } = await startMain();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.stdout()).toContain('"msg":"shutting down"');
    expect(main.stdout()).toContain('"msg":"stopped"');
    expect(main.stdout()).not.toContain('xoxb-shutdown-test');
  });

  it('SIGINT right after a question is acked: the reply still goes out, then exit 0', async () => {
    const { main, slack, port } = await startMain();
    const events = `http://127.0.0.1:${port}/slack/events`;
    const ack = await postEvent(events, mentionEvent({ text: 'How much did Nvidia fall?' }));
    expect(ack.status).toBe(200);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
