import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  KnowledgeError,
  loadKnowledge,
  readKnowledgeDir,
  validateKnowledge,
} from '../../src/core/index.js';

const SHIPPED = join(import.meta.dirname, '../../knowledge');
const BROKEN = join(import.meta.dirname, '../fixtures/kb-broken');

describe('the shipped knowledge base', () => {
  const { kb, errors, warnings } = validateKnowledge(readKnowledgeDir(SHIPPED));

  it('validates with no error and no warning', () => {
    expect(errors.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  it('holds at least 40 entries, each with 3+ questions per language and both answers', () => {
    expect(kb?.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of kb?.entries ?? []) {
      expect(e.questions.en.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.questions.fr.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.answer.en.length).toBeGreaterThan(20);
      expect(e.answer.fr.length).toBeGreaterThan(20);
    }
  });

  it('quotes the article exactly wherever an entry cites it', () => {
    const article = readFileSync(join(SHIPPED, 'sources/article-fr.txt'), 'utf8');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const e of kb?.entries ?? []) {
      if (e.source.article) expect(squash(article), e.id).toContain(squash(e.source.article));
    }
  });
});

describe('a malformed knowledge folder', () => {
  const { kb, errors } = validateKnowledge(readKnowledgeDir(BROKEN));
  const lines = errors.map(formatProblem);

  it('is refused, with one message per problem naming the file, the entry and the field', () => {
    expect(kb).toBeUndefined();
    expect(lines).toContain(
      'market.yaml, entry "nasdaq-drop", field "questions.fr": needs at least 3 questions',
    );
    expect(lines).toContain('market.yaml, entry "nasdaq-drop", field "answer.fr": is missing');
    expect(lines.some((l) => l.startsWith('market.yaml, entry "nasdaq-drop", field "source.url"'))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('prices.yaml, entry "deepseek-r1", field "output"'))).toBe(true);
  });

  it('stops loading with a KnowledgeError listing every problem', () => {
    expect(() => loadKnowledge(BROKEN)).toThrow(KnowledgeError);
    try {
      loadKnowledge(BROKEN);
    } catch (err) {
      expect((err as KnowledgeError).problems.length).toBe(errors.length);
      expect((err as Error).message).toContain('market.yaml, entry "nvidia-drop"');
    }
  });

  it('reports YAML syntax errors with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(SHIPPED, dir, { recursive: true });
    writeFileSync(join(dir, 'market.yaml'), 'topic: [unclosed\n  entries: {');
    const v = validateKnowledge(readKnowledgeDir(dir));
    expect(v.kb).toBeUndefined();
    expect(v.errors[0]?.file).toBe('market.yaml');
    expect(v.errors[0]?.message).toMatch(/YAML syntax/);
  });

  it('reports duplicate ids, dangling related ids and questions shared by two entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const text = readFileSync(join(dir, 'company.yaml'), 'utf8');
    writeFileSync(join(dir, 'zz-copy.yaml'), text.replace(/id: company\n/, 'id: company-copy\n'));
    writeFileSync(
      join(dir, 'zz-shared.yaml'),
      [
        'topic: { id: extra, name: { en: Extra, fr: Extra } }',
        'entries:',
        '  - id: extra-entry',
        `    questions: { en: [${JSON.stringify(text.match(/en:\n\s+- (.+)/)?.[1]?.replace(/^"|"$/g, ''))}, b b, c c], fr: [a a, b b b, c c c] }`,
        '    answer: { en: an answer, fr: une réponse }',
        '    source: { url: https://example.com, date: 2025-01-01 }',
      ].join('\n'),
    );
    const v = validateKnowledge(readKnowledgeDir(dir));
    expect(v.errors.some((p) => p.field === 'id' && /duplicate id/.test(p.message))).toBe(true);
    expect(v.errors.some((p) => p.field === 'topic.id' && /defined twice/.test(p.message))).toBe(false);
    expect(v.warnings.some((p) => /is also a question of/.test(p.message))).toBe(true);
    const dangling = validateKnowledge(readKnowledgeDir(BROKEN));
    expect(dangling.errors.map(formatProblem)).toContain(
      'market.yaml, entry "nvidia-drop", field "related": unknown entry id "no-such-entry"',
    );
  });
});
