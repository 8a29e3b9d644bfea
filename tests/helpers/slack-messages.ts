/** Reading what the bot posted: every text in a message, its blocks and its buttons. */

export interface PostedBlock {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

export interface PostedButton {
  action_id: string;
  value: string;
  text: string;
}

/** Matches Slack markup that would notify people or link a user. */
export const MENTION_MARKUP = /<!(?:channel|here|everyone)|<@[UW]/;

export function blocksOf(message: Record<string, unknown>): PostedBlock[] {
  return (message.blocks as PostedBlock[] | undefined) ?? [];
}

/** The fallback text and every text inside the blocks, joined by newlines. */
export function allText(message: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'text' && typeof child === 'string') out.push(child);
        else walk(child);
      }
    }
  };
  walk(message);
  return out.join('\n');
}

export function buttonsOf(message: Record<string, unknown>): PostedButton[] {
  return blocksOf(message)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({
      action_id: e.action_id ?? '',
      value: e.value ?? '',
      text: typeof e.text === 'object' ? e.text.text : (e.text ?? ''),
    }));
}

export function headerOf(message: Record<string, unknown>): string | undefined {
  return blocksOf(message).find((b) => b.type === 'header')?.text?.text;
}
