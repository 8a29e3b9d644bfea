import { SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer } from '../helpers/slack-server.js';
import { cleanEnv, freePort, type MainProcess, spawnMain } from './spawn-main.js';
import { tempDir } from './support.js';

/** The bot token the Slack-mode main gets (tests check it never reaches the logs). */
export const SLACK_MAIN_TOKEN = 'xoxb-main-test';

export type Cleanups = (() => Promise<void> | void)[];

/**
 * The real `main` (through tsx) in Slack HTTP mode against a local Slack Web API, with its own
 * DATA_DIR and port, once it logged "briefbot started"; what it opens is pushed on `cleanups`.
 */
export async function startSlackMain(
  cleanups: Cleanups,
  extra: Record<string, string> = {},
): Promise<{ main: MainProcess; slack: SlackServer; port: number }> {
  const slack = await SlackServer.start();
  cleanups.push(() => slack.close());
  const data = tempDir();
  cleanups.push(data.cleanup);
  const port = await freePort();
  const main = spawnMain(
    cleanEnv({
      SLACK_BOT_TOKEN: SLACK_MAIN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: data.dir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      ...extra,
    }),
  );
  cleanups.push(() => main.kill());
  await main.waitForLog('briefbot started');
  return { main, slack, port };
}
