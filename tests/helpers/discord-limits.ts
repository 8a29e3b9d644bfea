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
