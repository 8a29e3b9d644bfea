/**
 * What Slack's Web API rejects in views (App Home tabs and modals), as the real API documents it:
 * views.publish / views.open / views.update answer `invalid_arguments` for a view past these limits.
 * The fake Web API uses this so that tests fail where Slack would.
 */
type Json = Record<string, unknown>;

const textOf = (t: unknown): string => (t && typeof t === 'object' ? String((t as Json).text ?? '') : '');

function blockProblems(blocks: unknown, max: number): string[] {
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`more than ${max} blocks`);
  const seen = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const block = b as Json;
    const id = block.block_id;
    if (typeof id === 'string') {
      if (id.length > 255) problems.push(`blocks[${i}].block_id longer than 255`);
      if (seen.has(id)) problems.push(`blocks[${i}].block_id duplicated`);
      seen.add(id);
    }
    switch (block.type) {
      case 'header':
        if (textOf(block.text).length > 150) problems.push(`blocks[${i}] header longer than 150`);
        break;
      case 'section':
        if (textOf(block.text).length > 3000) problems.push(`blocks[${i}] section longer than 3000`);
        if (!block.text && !block.fields) problems.push(`blocks[${i}] section without text or fields`);
        if (Array.isArray(block.fields) && block.fields.length > 10)
          problems.push(`blocks[${i}] more than 10 fields`);
        break;
      case 'actions': {
        const elements = block.elements as Json[] | undefined;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25)
          problems.push(`blocks[${i}] actions needs 1 to 25 elements`);
        for (const e of elements ?? []) {
          if (String(e.action_id ?? '').length > 255) problems.push(`blocks[${i}] action_id longer than 255`);
          if (e.type === 'button' && textOf(e.text).length > 75)
            problems.push(`blocks[${i}] button text longer than 75`);
          if (e.type === 'button' && String(e.value ?? '').length > 2000)
            problems.push(`blocks[${i}] button value longer than 2000`);
        }
        break;
      }
      case 'input':
        if (textOf(block.label).length > 2000) problems.push(`blocks[${i}] input label longer than 2000`);
        if (!block.element) problems.push(`blocks[${i}] input without element`);
        break;
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length > 10)
          problems.push(`blocks[${i}] context needs ≤10 elements`);
        break;
      case 'divider':
        break;
      default:
        problems.push(`blocks[${i}] unknown type ${String(block.type)}`);
    }
  }
  return problems;
}

/** Problems Slack would report for a view; empty when it would accept it. */
export function viewProblems(view: unknown): string[] {
  if (!view || typeof view !== 'object') return ['view is missing'];
  const v = view as Json;
  const problems = blockProblems(v.blocks, 100);
  if (v.type === 'modal') {
    const title = textOf(v.title);
    if (title.length === 0 || title.length > 24) problems.push('modal title must be 1 to 24 characters');
    if (v.submit && textOf(v.submit).length > 24) problems.push('submit text longer than 24');
    if (v.close && textOf(v.close).length > 24) problems.push('close text longer than 24');
  } else if (v.type !== 'home') problems.push(`view type ${String(v.type)} is not home or modal`);
  if (String(v.private_metadata ?? '').length > 3000) problems.push('private_metadata longer than 3000');
  if (String(v.callback_id ?? '').length > 255) problems.push('callback_id longer than 255');
  return problems;
}
