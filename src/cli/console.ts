import { createInterface } from 'node:readline';
import { renderText } from '../core/index.js';
import { askQuestion } from '../services/pipeline.js';
import type { Services } from '../services/types.js';

const QUIT = new Set(['quit', 'exit', 'q', 'bye', 'quitter', 'sortir', ':q']);

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
  write(
    `briefbot — ${services.engine().size} facts about the DeepSeek shock of January 2025. ` +
      'Ask in English or French; type "help", "topics" or "quit".',
  );
  // In a terminal, readline takes Ctrl-C for itself: make it end the chat like "quit".
  rl.on('SIGINT', () => rl.close());
  rl.setPrompt('> ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text !== '') {
      const { reply } = await askQuestion(services, { platform: 'console', userId: 'console' }, text);
      write(`\n${renderText(reply)}\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
