import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeFilesRefused } from '../../src/core/knowledge/files.js';
import { KnowledgeHolder, type ReloadResult } from '../../src/ops/knowledge.js';
import { cleanEnv, spawnMain } from './spawn-main.js';
import { capturedLogger, KNOWLEDGE, knowledgeCopy } from './support.js';

/** Knowledge loading that cannot take the bot down: caps, regular files only, a watch that survives. */

const QUESTION = 'When did the DeepSeek selloff happen?';
const ORIGINAL = 'The selloff hit on Monday 27 January 2025';
const MB = 1024 * 1024;
const REJECTED = 'knowledge reload rejected, previous knowledge kept';

/** Writes a file of `size` bytes of valid-looking YAML without holding it in memory. */
function bigFile(file: string, size: number): void {
  const fd = openSync(file, 'w');
  const line = Buffer.from('- just: a line of yaml that goes on\n');
  const block = Buffer.concat(Array.from({ length: 1000 }, () => line));
  for (let written = 0; written < size; written += block.length) writeSync(fd, block);
  closeSync(fd);
}

describe('knowledge caps and file types', () => {
  let kb: ReturnType<typeof knowledgeCopy>;
  let holder: KnowledgeHolder;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    kb = knowledgeCopy();
    const captured = capturedLogger();
    lines = captured.lines;
    holder = await KnowledgeHolder.open(
      kb.dir,
      captured.logger,
      {},
      { limits: { maxFileBytes: 4 * MB, maxTotalBytes: 8 * MB } },
    );
  });
  afterEach(() => {
    holder.close();
    kb.cleanup();
  });
  const rejected = () => lines.filter((l) => l.msg === REJECTED);
  const market = () => path.join(kb.dir, 'market.yaml');

  it('a 50 MB file is refused, not read: the previous knowledge serves, answers keep flowing, reload works after', async () => {
    const before = holder.current();
    bigFile(path.join(kb.dir, 'huge.yaml'), 50 * MB);
    let answered = 0;
    let maxGapMs = 0;
    let last = performance.now();
    let done = false;
    const loop = (): void => {
      if (done) return;
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
      if (holder.current().answer({ text: QUESTION }).answered) answered += 1;
      setImmediate(loop);
    };
    setImmediate(loop);
    const result = await holder.reload();
    done = true;
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.join('\n')).toMatch(/huge\.yaml.*50\.0 MB: larger than the limit of 4\.0 MB/);
    expect(holder.current()).toBe(before);
    expect(answered).toBeGreaterThan(0);
    console.log(
      `50 MB file refused: ${answered} answers during the reload, longest event-loop gap ${maxGapMs.toFixed(1)} ms`,
    );
    expect(rejected()).toHaveLength(1);

    rmSync(path.join(kb.dir, 'huge.yaml'));
    writeFileSync(market(), readFileSync(market(), 'utf8').replace(ORIGINAL, `EDITED ${ORIGINAL}`));
    expect((await holder.reload()).ok).toBe(true);
    expect(holder.current().answer({ text: QUESTION }).body).toContain(`EDITED ${ORIGINAL}`);
  });

  it('a FIFO named *.yaml is refused without blocking (no writer ever opens it)', async () => {
    execFileSync('mkfifo', [path.join(kb.dir, 'pipe.yaml')]);
    const result = await holder.reload();
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.join('\n')).toContain('pipe.yaml: not a regular file (a FIFO): refused');
    // Start-up refuses it too, with a clear error, instead of hanging.
    await expect(KnowledgeHolder.open(kb.dir, capturedLogger().logger)).rejects.toThrow(
      KnowledgeFilesRefused,
    );
  });

  it('a symlink loop and a folder named *.yaml are refused; a symlink to a regular file is read', async () => {
    symlinkSync('loop.yaml', path.join(kb.dir, 'loop.yaml'));
    execFileSync('mkdir', [path.join(kb.dir, 'dir.yaml')]);
    const result = await holder.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.join('\n')).toContain('loop.yaml: cannot read: ELOOP');
      expect(result.problems.join('\n')).toContain('dir.yaml: not a regular file (a folder)');
    }
    rmSync(path.join(kb.dir, 'loop.yaml'));
    rmSync(path.join(kb.dir, 'dir.yaml'), { recursive: true });
    const real = path.join(path.dirname(kb.dir), 'training-real.yaml');
    cpSync(path.join(kb.dir, 'training.yaml'), real);
    rmSync(path.join(kb.dir, 'training.yaml'));
    symlinkSync(real, path.join(kb.dir, 'training.yaml'));
    expect(await holder.reload()).toMatchObject({ ok: true });
  });

  it('300 broken files: one log line for the reload, with the first problems and the count', async () => {
    for (let i = 0; i < 300; i += 1)
      writeFileSync(path.join(kb.dir, `broken-${String(i).padStart(3, '0')}.yaml`), 'topic: [');
    const result = await holder.reload();
    expect(result.ok).toBe(false);
    expect(rejected()).toHaveLength(1);
    expect(rejected()[0]).toMatchObject({ count: 300 });
    expect(rejected()[0]?.problems).toHaveLength(5);
  });
});

describe('the watch', () => {
  let kb: ReturnType<typeof knowledgeCopy>;
  let holder: KnowledgeHolder;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    kb = knowledgeCopy();
    const captured = capturedLogger();
    lines = captured.lines;
    holder = await KnowledgeHolder.open(kb.dir, captured.logger);
    holder.watch();
  });
  afterEach(() => {
    holder.close();
    kb.cleanup();
  });
  const rejected = () => lines.filter((l) => l.msg === REJECTED);
  const market = () => path.join(kb.dir, 'market.yaml');
  const reloadMatching = (ok: boolean) =>
    new Promise<ReloadResult>((resolve) => {
      const on = (r: ReloadResult) => {
        if (r.ok !== ok) return;
        holder.off('reload', on);
        resolve(r);
      };
      holder.on('reload', on);
    });

  it("an editor's empty-then-full save reloads once, with no false rejection", async () => {
    const text = readFileSync(market(), 'utf8').replace(ORIGINAL, `SAVED ${ORIGINAL}`);
    const ok = reloadMatching(true);
    writeFileSync(market(), '');
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(market(), text);
    await ok;
    expect(holder.current().answer({ text: QUESTION }).body).toContain(`SAVED ${ORIGINAL}`);
    expect(rejected()).toEqual([]);
  });

  it('survives the folder being deleted and recreated: hot reload works afterwards', async () => {
    const before = holder.current();
    const failed = reloadMatching(false);
    rmSync(kb.dir, { recursive: true, force: true });
    await failed;
    expect(holder.current()).toBe(before);
    expect(before.answer({ text: QUESTION }).answered).toBe(true);

    // The folder comes back; an edit right after may land while the new watch is being set up, so the
    // edit is made again (at most every 2 s) until a successful reload serves it. If the new folder
    // were never watched, no reload would come and the test would time out.
    const served = async (edit: () => void, wanted: string) => {
      for (let i = 0; i < 12; i += 1) {
        const ok = Promise.race([reloadMatching(true), new Promise((r) => setTimeout(r, 2_000))]);
        edit();
        await ok;
        if (holder.current().answer({ text: QUESTION }).body.includes(wanted)) return true;
      }
      return false;
    };
    cpSync(KNOWLEDGE, kb.dir, { recursive: true });
    const shipped = readFileSync(path.join(KNOWLEDGE, 'market.yaml'), 'utf8');
    const restored = () => writeFileSync(market(), shipped.replace(ORIGINAL, `RESTORED ${ORIGINAL}`));
    expect(await served(restored, `RESTORED ${ORIGINAL}`)).toBe(true);

    // And the new folder is watched.
    const again = () => writeFileSync(market(), shipped.replace(ORIGINAL, `AGAIN ${ORIGINAL}`));
    expect(await served(again, `AGAIN ${ORIGINAL}`)).toBe(true);
  });
});

describe('start-up', () => {
  it('refuses an oversized knowledge file with a clear error and exit code 2 (no crash loop)', async () => {
    const kb = knowledgeCopy();
    try {
      bigFile(path.join(kb.dir, 'huge.yaml'), 3 * MB);
      const main = spawnMain(
        cleanEnv({
          KNOWLEDGE_DIR: kb.dir,
          KNOWLEDGE_MAX_FILE_MB: '1',
          DATA_DIR: path.join(kb.dir, '..', 'data'),
        }),
        {
          stdin: 'ignore',
        },
      );
      expect(await main.exited).toBe(2);
      expect(main.stderr()).toContain(
        'huge.yaml: 3.0 MB: larger than the limit of 1.0 MB per file (KNOWLEDGE_MAX_FILE_MB)',
      );
    } finally {
      kb.cleanup();
    }
  });
});
