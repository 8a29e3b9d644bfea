import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { buildReport } from '../../src/ops/report.js';
import { FileFeedbackStore, UNANSWERED_FILE, VOTES_FILE } from '../../src/services/file-store.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion, recordVote } from '../../src/services/pipeline.js';
import { cleanEnv, ROOT } from './spawn-main.js';
import { capturedLogger, KNOWLEDGE, tempDir } from './support.js';

describe('file feedback store and npm run report', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dataDir: string;
  beforeEach(() => {
    tmp = tempDir();
    dataDir = path.join(tmp.dir, 'data');
  });
  afterEach(() => tmp.cleanup());

  async function fill(): Promise<void> {
    const store = new FileFeedbackStore(dataDir);
    const engine = loadEngineFromDir(KNOWLEDGE);
    const services = createServices({
      engine: () => engine,
      logger: capturedLogger().logger,
      feedback: store,
      rateLimitPerMinute: 1000,
    });
    const ask = (text: string, userId = 'u') => askQuestion(services, { platform: 'slack', userId }, text);
    for (let i = 0; i < 3; i += 1) await ask('Best pizza in Naples?', `u${i}`);
    await ask('best pizza in naples');
    await ask('Who won the 1998 World Cup?');
    await ask('How much did Nvidia fall?');
    const who = { platform: 'discord' as const, userId: 'v' };
    for (let i = 0; i < 3; i += 1) await recordVote(services, who, 'nvidia-drop', 'down', 'en');
    await recordVote(services, who, 'nvidia-drop', 'up', 'en');
    await recordVote(services, who, 'selloff-date', 'down', 'fr');
    await recordVote(services, who, 'timeline', 'up', 'en');
    await store.flush();
  }

  it('appends JSON lines under DATA_DIR, the question text only for unanswered ones', async () => {
    await fill();
    const unanswered = readFileSync(path.join(dataDir, UNANSWERED_FILE), 'utf8').trim().split('\n');
    expect(unanswered).toHaveLength(5);
    expect(unanswered.join('\n')).not.toContain('Nvidia');
    expect(JSON.parse(unanswered[0] as string)).toMatchObject({
      platform: 'slack',
      question: 'Best pizza in Naples?',
    });
    const votes = readFileSync(path.join(dataDir, VOTES_FILE), 'utf8').trim().split('\n');
    expect(votes).toHaveLength(6);
    expect(JSON.parse(votes[0] as string)).toMatchObject({
      entryId: 'nvidia-drop',
      vote: 'down',
      platform: 'discord',
    });
    expect(votes.join('\n')).not.toContain('"user":"v"');
  });

  it('report: the most frequent unanswered questions and the entries with the most 👎', async () => {
    await fill();
    const report = buildReport(dataDir);
    expect(report.unanswered[0]).toMatchObject({ question: 'Best pizza in Naples?', count: 4 });
    expect(report.unanswered[1]).toMatchObject({ count: 1 });
    expect(report.disliked).toEqual([
      { entryId: 'nvidia-drop', down: 3, up: 1 },
      { entryId: 'selloff-date', down: 1, up: 0 },
    ]);
  });

  it('npm run report prints both tables', async () => {
    await fill();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts'], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(run.stdout).toContain('Most frequent unanswered questions (5 recorded)');
    expect(lines).toContainEqual(expect.stringMatching(/^1\s+4\s+en\s+Best pizza in Naples\?$/));
    expect(run.stdout).toContain('Entries with the most 👎 (6 votes recorded)');
    expect(lines).toContainEqual(expect.stringMatching(/^1\s+3\s+1\s+nvidia-drop$/));
    expect(lines).toContainEqual(expect.stringMatching(/^2\s+1\s+0\s+selloff-date$/));
  });

  it('report on an empty DATA_DIR says so, and skips unreadable lines', () => {
    expect(buildReport(dataDir).unanswered).toEqual([]);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      path.join(dataDir, VOTES_FILE),
      '{"entryId":"x","vote":"up"}\nnot json\n{"entryId":"x","vo',
    );
    expect(buildReport(dataDir).totals).toEqual({ unanswered: 0, votes: 1, skippedLines: 2 });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts'], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(none)');
  });
});
