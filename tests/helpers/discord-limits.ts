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

/** What Discord rejects in a modal (interaction callback type 9): 400 "Invalid Form Body". */
export function modalProblems(data: unknown): string[] {
  const d = (data ?? {}) as Json;
  const problems: string[] = [];
  const title = String(d.title ?? '');
  if (title.length < 1 || title.length > 45) problems.push('title must be 1 to 45 characters');
  const id = String(d.custom_id ?? '');
  if (id.length < 1 || id.length > 100) problems.push('custom_id must be 1 to 100 characters');
  const components = Array.isArray(d.components) ? (d.components as Json[]) : [];
  if (components.length < 1 || components.length > 5) problems.push('a modal needs 1 to 5 components');
  for (const [i, c] of components.entries()) {
    // A Label (18) holds one component; an action row (1) holds one text input (legacy form).
    const inner =
      c.type === 18
        ? (c.component as Json | undefined)
        : ((c.components as Json[] | undefined)?.[0] ?? undefined);
    if (c.type === 18 && (String(c.label ?? '').length < 1 || String(c.label ?? '').length > 45))
      problems.push(`components.${i}: label must be 1 to 45 characters`);
    if (c.type !== 18 && c.type !== 1 && c.type !== 10)
      problems.push(`components.${i}: type ${String(c.type)} not allowed in a modal`);
    if (!inner) continue;
    if (String(inner.custom_id ?? '').length > 100)
      problems.push(`components.${i}: custom_id longer than 100`);
    if (inner.type === 4) {
      if (Number(inner.max_length ?? 4000) > 4000) problems.push(`components.${i}: max_length over 4000`);
      if (inner.placeholder !== undefined && String(inner.placeholder).length > 100)
        problems.push(`components.${i}: placeholder longer than 100`);
      if (c.type === 1 && String(inner.label ?? '').length > 45)
        problems.push(`components.${i}: label longer than 45`);
    } else if (inner.type === 3) {
      if (c.type !== 18) problems.push(`components.${i}: a select in a modal must be in a Label`);
      const options = Array.isArray(inner.options) ? (inner.options as Json[]) : [];
      if (options.length < 1 || options.length > 25) problems.push(`components.${i}: 1 to 25 options`);
      for (const o of options)
        if (String(o.label ?? '').length > 100)
          problems.push(`components.${i}: option label longer than 100`);
    } else {
      problems.push(`components.${i}: component type ${String(inner.type)} not allowed in a modal`);
    }
  }
  return problems;
}

/**
 * What Discord rejects in a message body (interaction response, follow-up, edit, channel message):
 * content over 2,000 characters, more than 10 embeds, an embed past its limits (title 256, description
 * 4,096, 25 fields, field name 256 / value 1,024, footer 2,048, 6,000 in all), more than 5 rows of
 * components or 5 buttons in a row, a custom_id over 100 or a label over 80.
 */
export function messageProblems(body: unknown): string[] {
  const b = (body ?? {}) as Json;
  const problems: string[] = [];
  if (typeof b.content === 'string' && b.content.length > 2000)
    problems.push('content: at most 2000 characters');
  const embeds = Array.isArray(b.embeds) ? (b.embeds as Json[]) : [];
  if (embeds.length > 10) problems.push('embeds: at most 10');
  for (const [i, e] of embeds.entries()) {
    const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
    const fields = Array.isArray(e.fields) ? (e.fields as Json[]) : [];
    const footer = (e.footer as Json | undefined)?.text;
    if (len(e.title) > 256) problems.push(`embeds.${i}.title: at most 256`);
    if (len(e.description) > 4096) problems.push(`embeds.${i}.description: at most 4096`);
    if (fields.length > 25) problems.push(`embeds.${i}.fields: at most 25`);
    if (len(footer) > 2048) problems.push(`embeds.${i}.footer.text: at most 2048`);
    let total = len(e.title) + len(e.description) + len(footer);
    for (const [j, f] of fields.entries()) {
      if (len(f.name) < 1 || len(f.name) > 256) problems.push(`embeds.${i}.fields.${j}.name: 1 to 256`);
      if (len(f.value) < 1 || len(f.value) > 1024) problems.push(`embeds.${i}.fields.${j}.value: 1 to 1024`);
      total += len(f.name) + len(f.value);
    }
    if (total > 6000) problems.push(`embeds.${i}: more than 6000 characters in all`);
  }
  const rows = Array.isArray(b.components) ? (b.components as Json[]) : [];
  if (rows.length > 5) problems.push('components: at most 5 rows');
  for (const [i, row] of rows.entries()) {
    const items = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (row.type === 1 && (items.length < 1 || items.length > 5))
      problems.push(`components.${i}: 1 to 5 buttons`);
    for (const c of items) {
      if (typeof c.custom_id === 'string' && c.custom_id.length > 100)
        problems.push(`components.${i}: custom_id over 100`);
      if (typeof c.label === 'string' && c.label.length > 80) problems.push(`components.${i}: label over 80`);
    }
  }
  return problems;
}
