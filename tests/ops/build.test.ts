import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer } from '../helpers/slack-server.js';
import { cleanEnv, freePort, type MainProcess, ROOT, spawnMain } from './spawn-main.js';
import { tempDir } from './support.js';

/**
 * No Docker engine here: build the project as the image does (`npm run build` into dist/ next to
 * package.json and node_modules), start the image's CMD and check /healthz and the image's HEALTHCHECK.
 */

const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

function instruction(name: string): string[] {
  return dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.startsWith(`${name} `))
    .map((l) => l.slice(name.length + 1).trim());
}

describe('Dockerfile', () => {
  it('is multi-stage on Node 20 slim, builds with dev dependencies and runs with production ones', () => {
    expect(instruction('FROM')).toEqual(['node:24-slim AS build', 'node:24-slim AS runtime']);
    const runs = instruction('RUN');
    expect(runs).toContain('npm run build');
    expect(runs.some((r) => r.startsWith('npm ci --omit=dev'))).toBe(true);
    expect(instruction('COPY')).toContain('--from=build /app/dist ./dist');
    expect(instruction('COPY')).toContain('knowledge ./knowledge');
  });

  it('runs as a non-root user, in production, with knowledge overridable and a HEALTHCHECK', () => {
    expect(instruction('USER')).toEqual(['node']);
    expect(instruction('ENV')[0]).toMatch(/NODE_ENV=production.*KNOWLEDGE_DIR=\/app\/knowledge/);
    expect(instruction('HEALTHCHECK')[0]).toContain('/healthz');
    expect(instruction('CMD').at(-1)).toBe('["node", "dist/main.js"]');
  });
});

describe('the built image command', () => {
  const app = tempDir('briefbot-image-');
  let slack: SlackServer;
  let main: MainProcess | undefined;

  beforeAll(() => {
    // The image's layout: /app/package.json, /app/node_modules, /app/dist.
    copyFileSync(path.join(ROOT, 'package.json'), path.join(app.dir, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(app.dir, 'node_modules'), 'dir');
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        path.join(app.dir, 'dist'),
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  }, 120_000);
  afterAll(async () => {
    await main?.kill();
    await slack?.close();
    app.cleanup();
  });

  it('builds dist/main.js, which serves /healthz, passes the HEALTHCHECK, reloads in its compiled worker and stops on SIGTERM', async () => {
    expect(existsSync(path.join(app.dir, 'dist/main.js'))).toBe(true);
    expect(existsSync(path.join(app.dir, 'dist/ops/knowledge-worker.js'))).toBe(true);
    const knowledge = path.join(app.dir, 'knowledge');
    cpSync(path.join(ROOT, 'knowledge'), knowledge, { recursive: true });
    slack = await SlackServer.start();
    const port = await freePort();
    const env = cleanEnv({
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: knowledge,
      DATA_DIR: path.join(app.dir, 'data'),
      SLACK_BOT_TOKEN: 'xoxb-image-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    main = spawnMain(env, { entry: path.join(app.dir, 'dist/main.js') });
    await main.waitForLog('briefbot started');

    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });

    const check = JSON.parse(instruction('HEALTHCHECK')[0]?.replace(/^.*?CMD /, '') ?? '[]') as string[];
    expect(check[0]).toBe('node');
    execFileSync(process.execPath, check.slice(1), { env: { PORT: String(port) }, stdio: 'pipe' });

    // Hot reload runs dist/ops/knowledge-worker.js (plain node, no tsx).
    const market = path.join(knowledge, 'market.yaml');
    writeFileSync(market, `${readFileSync(market, 'utf8')}\n`);
    expect(await main.waitForLog('knowledge reloaded')).toMatchObject({ entries: expect.any(Number) });

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });
});
