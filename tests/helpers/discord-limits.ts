/**
 * What Discord's API rejects when commands are registered (PUT …/commands answers 400, code 50035
 * "Invalid Form Body"), as its documentation states the rules. The local server uses it.
 */
type Json = Record<string, unknown>;

const CHAT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function nameProblems(where: string, name: unknown, chatInput: boolean): string[] {
  if (typeof name !== 'string' || name.length === 0 || name.length > 32)
    return [`${where}: name must be 1 to 32 characters`];
  if (chatInput && (!CHAT_NAME.test(name) || name !== name.toLowerCase()))
    return [`${where}: name "${name}" must be lowercase letters, digits, - or _`];
  return [];
}

export function commandProblems(list: unknown): string[] {
  if (!Array.isArray(list)) return ['body must be an array of commands'];
  const problems: string[] = [];
  const seen = new Set<string>();
  let messageCommands = 0;
  let chatCommands = 0;
  for (const [i, raw] of list.entries()) {
    const c = raw as Json;
    const type = (c.type as number | undefined) ?? 1;
    const chat = type === 1;
    const where = `${i}`;
    if (chat) chatCommands += 1;
    if (type === 3) messageCommands += 1;
    problems.push(...nameProblems(where, c.name, chat));
    for (const [locale, n] of Object.entries((c.name_localizations as Json | null) ?? {}))
      problems.push(...nameProblems(`${where}.name_localizations.${locale}`, n, chat));
    const key = `${type}:${String(c.name)}`;
    if (seen.has(key)) problems.push(`${where}: duplicate name`);
    seen.add(key);
    const description = c.description;
    if (chat) {
      if (typeof description !== 'string' || description.length < 1 || description.length > 100)
        problems.push(`${where}: description must be 1 to 100 characters`);
    } else if (description !== undefined && description !== '') {
      problems.push(`${where}: context-menu commands take no description`);
    }
    if (!chat && c.options !== undefined) problems.push(`${where}: context-menu commands take no options`);
  }
  if (chatCommands > 100) problems.push('more than 100 slash commands');
  if (messageCommands > 5) problems.push('more than 5 message commands');
  return problems;
}

/**
 * What Discord rejects in a modal (interaction callback type 9, 400 "Invalid Form Body"): title 1–45
 * characters, custom_id 1–100, 1 to 5 action rows each holding exactly one text input; a text input's
 * custom_id 1–100, label 1–45, style 1 or 2, placeholder ≤ 100, min_length 0–4000, max_length 1–4000,
 * value ≤ 4000.
 */
export function modalProblems(data: unknown): string[] {
  const d = (data ?? {}) as Json;
  const problems: string[] = [];
  const len = (v: unknown) => (typeof v === 'string' ? v.length : -1);
  if (len(d.title) < 1 || len(d.title) > 45) problems.push('data.title: must be 1 to 45 characters');
  if (len(d.custom_id) < 1 || len(d.custom_id) > 100)
    problems.push('data.custom_id: must be 1 to 100 characters');
  const rows = d.components;
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > 5) {
    problems.push('data.components: must hold 1 to 5 rows');
    return problems;
  }
  for (const [i, raw] of rows.entries()) {
    const row = raw as Json;
    const inner = row.components;
    if (row.type !== 1 || !Array.isArray(inner) || inner.length !== 1) {
      problems.push(`data.components.${i}: an action row with exactly one text input`);
      continue;
    }
    const input = inner[0] as Json;
    const where = `data.components.${i}.components.0`;
    if (input.type !== 4) problems.push(`${where}.type: only text inputs go in a modal row`);
    if (len(input.custom_id) < 1 || len(input.custom_id) > 100)
      problems.push(`${where}.custom_id: 1 to 100 characters`);
    if (len(input.label) < 1 || len(input.label) > 45) problems.push(`${where}.label: 1 to 45 characters`);
    if (input.style !== 1 && input.style !== 2) problems.push(`${where}.style: 1 (short) or 2 (paragraph)`);
    if (input.placeholder !== undefined && len(input.placeholder) > 100)
      problems.push(`${where}.placeholder: at most 100 characters`);
    const min = input.min_length;
    const max = input.max_length;
    if (min !== undefined && (typeof min !== 'number' || min < 0 || min > 4000))
      problems.push(`${where}.min_length: 0 to 4000`);
    if (max !== undefined && (typeof max !== 'number' || max < 1 || max > 4000))
      problems.push(`${where}.max_length: 1 to 4000`);
    if (input.value !== undefined && len(input.value) > 4000)
      problems.push(`${where}.value: at most 4000 characters`);
  }
  return problems;
}
