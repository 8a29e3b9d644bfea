import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeHolder, type ReloadResult } from '../../src/ops/knowledge.js';
import { createServices } from '../../src/services/index.js';
import { createMetrics } from '../../src/services/metrics.js';
import { askQuestion } from '../../src/services/pipeline.js';
import { capturedLogger, knowledgeCopy } from './support.js';

const QUESTION = 'When did the DeepSeek selloff happen?';
const ORIGINAL = 'The selloff hit on Monday 27 January 2025';

describe('hot reload of the knowledge folder', () => {
  let kb: ReturnType<typeof knowledgeCopy>;
  let holder: KnowledgeHolder;
  let lines: Record<string, unknown>[];
  const metrics = createMetrics({ defaults: false });

  beforeEach(async () => {
    kb = knowledgeCopy();
    const captured = capturedLogger();
    lines = captured.lines;
    holder = await KnowledgeHolder.open(kb.dir, captured.logger, {
      reloaded: (n) => {
        metrics.setEntries(n);
        metrics.reloaded();
      },
      failed: () => metrics.reloadFailed(),
    });
    holder.watch();
  });
  afterEach(() => {
    holder.close();
    kb.cleanup();
  });

  const nextReload = () => once(holder, 'reload').then(([r]) => r as ReloadResult);
  const market = () => path.join(kb.dir, 'market.yaml');
  const counter = async (name: string) =>
    (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

  it('swaps the engine on a valid edit, seen through services.engine()', async () => {
    const services = createServices({ engine: () => holder.current(), logger: capturedLogger().logger });
    const before = holder.current();
    const ask = () => askQuestion(services, { platform: 'cli', userId: 'u' }, QUESTION);
    expect((await ask()).reply.body).toContain(ORIGINAL);

    const reloaded = nextReload();
    const text = readFileSync(market(), 'utf8').replace(ORIGINAL, `EDITED ${ORIGINAL}`);
    writeFileSync(market(), text);
    expect(await reloaded).toEqual({ ok: true, entries: before.size });

    expect(holder.current()).not.toBe(before);
    expect((await ask()).reply.body).toContain(`EDITED ${ORIGINAL}`);
    expect(await counter('briefbot_knowledge_reloads_total')).toBe(1);
    expect(lines.some((l) => l.msg === 'knowledge reloaded')).toBe(true);
  });

  it('keeps the old knowledge serving when a file is corrupted on disk, and logs why', async () => {
    const before = holder.current();
    const failed = nextReload();
    writeFileSync(market(), 'topic: [unclosed\n  entries: : :\n\u0000garbage');
    const result = await failed;

    expect(result.ok).toBe(false);
    expect(holder.current()).toBe(before);
    const reply = before.answer({ text: QUESTION });
    expect(reply.answered).toBe(true);
    expect(reply.body).toContain(ORIGINAL);
    const logged = lines.filter((l) => l.msg === 'knowledge reload rejected, previous knowledge kept');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.problems)).toContain('market.yaml');
    expect(await counter('briefbot_knowledge_reload_failures_total')).toBe(1);
  });

  it('rejects an edit that breaks validation (a duplicate entry id) the same way', async () => {
    const before = holder.current();
    const failed = nextReload();
    const text = readFileSync(market(), 'utf8').replace('- id: nasdaq-drop', '- id: selloff-date');
    writeFileSync(market(), text);
    const result = await failed;
    expect(result.ok).toBe(false);
    expect(holder.current()).toBe(before);
  });

  it('keeps serving when the folder loses its prices file', async () => {
    const before = holder.current();
    writeFileSync(path.join(kb.dir, 'prices.yaml'), '');
    const result = await holder.reload();
    expect(result.ok).toBe(false);
    expect(holder.current()).toBe(before);
  });
});
