import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { KnowledgeFile } from './files.js';
import type { KnowledgeProblem } from './types.js';

/**
 * From a file's text to checked data: YAML syntax errors and schema issues become problems naming the
 * file, the entry (its id, or its place in the list) and the field. Each function pushes what it finds
 * onto `errors` and returns what is valid.
 */

function issuesToProblems(file: string, entry: string | undefined, error: z.ZodError): KnowledgeProblem[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const p: KnowledgeProblem = { file, message: i.message };
    if (entry) p.entry = entry;
    if (field) p.field = field;
    return p;
  });
}

function parseYaml(file: KnowledgeFile, errors: KnowledgeProblem[]): unknown {
  const doc = parseDocument(file.text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      errors.push({ file: file.name, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  return doc.toJS();
}

/** The id an item gives itself, before it is checked (it names the item in its problems). */
export function givenId(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
}

/** Parses a file's YAML and checks its top level; undefined when either fails. */
export function parseFile<T>(
  file: KnowledgeFile,
  schema: z.ZodType<T>,
  errors: KnowledgeProblem[],
): T | undefined {
  const data = parseYaml(file, errors);
  if (data === undefined) return undefined;
  const top = schema.safeParse(data);
  if (!top.success) {
    errors.push(...issuesToProblems(file.name, undefined, top.error));
    return undefined;
  }
  return top.data;
}

/**
 * Checks a list of items one by one, so that each problem names its item: by its id, or by
 * `unnamed(index)` when it has none. Returns the valid items, in order.
 */
export function parseItems<T>(
  file: string,
  items: unknown[],
  schema: z.ZodType<T>,
  errors: KnowledgeProblem[],
  unnamed: (index: number) => string,
): T[] {
  const out: T[] = [];
  items.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToProblems(file, givenId(raw) ?? unnamed(index), parsed.error));
      return;
    }
    out.push(parsed.data);
  });
  return out;
}
