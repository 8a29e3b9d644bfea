import { fold } from '../normalize.js';
import type { ChartsFileData } from './charts-schema.js';
import { CHARTS_FILE, GAPS_FILE, PRICES_FILE, VOCABULARY_FILE } from './files.js';
import type { Priced } from './loaders.js';
import { givenId } from './parse.js';
import type { GapData } from './schema.js';
import type { Entry, KnowledgeProblem, Vocabulary } from './types.js';

/** Checks that need every file read: ids unique across files, and every id named elsewhere known. */

/** Unique entry ids, known related ids, quotes translated, a question variant for one entry only. */
export function checkEntries(
  entries: Entry[],
  errors: KnowledgeProblem[],
  warnings: KnowledgeProblem[],
): void {
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    const other = byId.get(e.id);
    if (other)
      errors.push({
        file: e.file,
        entry: e.id,
        field: 'id',
        message: `duplicate id (also in ${other.file})`,
      });
    else byId.set(e.id, e);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!byId.has(r))
        errors.push({ file: e.file, entry: e.id, field: 'related', message: `unknown entry id "${r}"` });
      if (r === e.id)
        warnings.push({ file: e.file, entry: e.id, field: 'related', message: 'an entry relates to itself' });
    }
  }
  for (const e of entries) {
    if (e.source.article && !e.source.article_en)
      warnings.push({
        file: e.file,
        entry: e.id,
        field: 'source.article_en',
        message: 'the article quote has no English translation ("article_en")',
      });
  }
  const variantOwner = new Map<string, Entry>();
  for (const e of entries) {
    for (const lang of ['en', 'fr'] as const) {
      for (const q of e.questions[lang]) {
        const key = fold(q);
        const owner = variantOwner.get(key);
        if (owner && owner.id !== e.id) {
          warnings.push({
            file: e.file,
            entry: e.id,
            field: `questions.${lang}`,
            message: `question "${q}" is also a question of "${owner.id}" (${owner.file})`,
          });
        } else variantOwner.set(key, e);
      }
    }
  }
}

/** prices.yaml: unique model ids, and a reference that is one of them (valid or not). */
export function checkModels(priced: Priced | undefined, errors: KnowledgeProblem[]): void {
  const modelIds = new Set<string>();
  for (const m of priced?.models ?? []) {
    if (modelIds.has(m.id))
      errors.push({ file: PRICES_FILE, entry: m.id, field: 'id', message: 'duplicate model id' });
    modelIds.add(m.id);
  }
  const reference = priced?.prices.reference;
  const givenIds = (priced?.prices.models ?? []).map((m) => givenId(m) ?? '');
  if (reference !== undefined && !givenIds.includes(reference)) {
    errors.push({
      file: PRICES_FILE,
      field: 'reference',
      message: `"${reference}" is not a model id of this file`,
    });
  }
}

/**
 * Entry ids named outside the topic files: in charts.yaml (a warning: the chart is only not shown
 * there), as an entity's overview and as a gap's nearby entries (errors).
 */
export function checkEntryIds(
  entries: Entry[],
  named: { charts: ChartsFileData | undefined; vocabulary: Vocabulary | undefined; gaps: GapData[] },
  errors: KnowledgeProblem[],
  warnings: KnowledgeProblem[],
): void {
  const entryIds = new Set(entries.map((e) => e.id));
  for (const part of ['market', 'training'] as const) {
    for (const id of named.charts?.[part].entries ?? []) {
      if (!entryIds.has(id))
        warnings.push({ file: CHARTS_FILE, field: `${part}.entries`, message: `unknown entry id "${id}"` });
    }
  }
  for (const e of named.vocabulary?.entities ?? []) {
    if (e.overview !== undefined && !entryIds.has(e.overview))
      errors.push({
        file: VOCABULARY_FILE,
        entry: e.id,
        field: 'overview',
        message: `unknown entry id "${e.overview}"`,
      });
  }
  const entityIds = new Set((named.vocabulary?.entities ?? []).map((e) => e.id));
  for (const e of named.vocabulary?.entities ?? []) {
    if (e.maker !== undefined && (!entityIds.has(e.maker) || e.maker === e.id))
      errors.push({
        file: VOCABULARY_FILE,
        entry: e.id,
        field: 'maker',
        message: `"${e.maker}" is not another entity's id`,
      });
  }
  for (const g of named.gaps) {
    for (const id of g.nearby)
      if (!entryIds.has(id))
        errors.push({ file: GAPS_FILE, entry: g.id, field: 'nearby', message: `unknown entry id "${id}"` });
  }
}
