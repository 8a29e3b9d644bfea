import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { t } from '../core/i18n/index.js';
import { renderText } from '../core/render-text.js';
import { askQuestion } from '../services/pipeline.js';
import type { Services } from '../services/types.js';

const QUIT = new Set(['quit', 'exit', 'q', 'bye', 'quitter', 'sortir', ':q']);
/** Starts a fresh conversation: what was asked before is forgotten. */
const NEW = new Map([
  ['new', 'en'],
  ['reset', 'en'],
  ['nouveau', 'fr'],
  ['nouvelle', 'fr'],
  ['nouvelle conversation', 'fr'],
  ['new conversation', 'en'],
] as const);

/**
 * The embedded default: a chat in the terminal over the real engine and the same question pipeline
 * as Discord and Slack. Resolves when the user quits or stdin ends.
 */
export async function runConsole(
  services: Services,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, crlfDelay: Number.POSITIVE_INFINITY });
  const write = (text: string) => output.write(`${text}\n`);
  const [first, second] = t('en').glance.consoleExampleList;
  write(
    `briefbot — ${services.engine().size} facts about the DeepSeek shock of January 2025. ` +
      'Ask in English or French, follow up as in a chat ("and why?", "source?"); ' +
      'type "new" for a fresh conversation, "help", "topics" or "quit".\n' +
      t('en').glance.consoleExamples(first ?? '', second ?? ''),
  );
  // In a terminal, readline takes Ctrl-C for itself: make it end the chat like "quit".
  rl.on('SIGINT', () => rl.close());
  rl.setPrompt('> ');
  if (interactive) rl.prompt();
  // The session is one conversation; "new" / "nouveau" starts another.
  const session = () => `console:${randomBytes(6).toString('hex')}`;
  let conversation = session();
  for await (const line of rl) {
    const text = line.trim();
    const command = text.toLowerCase().replace(/[\s!.]+$/, '');
    if (QUIT.has(command)) break;
    const fresh = NEW.get(command as never);
    if (fresh) {
      await services.conversations.clear(conversation);
      conversation = session();
      write(`\n${t(fresh).conversation.fresh}\n`);
    } else if (text !== '') {
      const { reply } = await askQuestion(services, { platform: 'console', userId: 'console' }, text, {
        key: conversation,
      });
      write(`\n${renderText(reply, { chart: true })}\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
