import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cleanEnv, ROOT } from '../ops/spawn-main.js';

/** What a command-line run gave: its exit code and everything it wrote. */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export interface CliOptions {
  /** Written to stdin, which is then closed (closed at once when there is none). */
  input?: string;
  /** The child's whole environment; the test's without any briefbot variable by default. */
  env?: NodeJS.ProcessEnv;
}

/** Runs node with `args` from the repository root, as a user's shell would, and collects its output. */
export async function runNode(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: options.env ?? cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  child.stdin.end(options.input ?? '');
  // 'close', not 'exit': 'exit' can come before the last of stdout and stderr has been read.
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

/** Runs a command-line script (`src/cli/ask.ts`, …) through tsx, the way `npm run <script>` does. */
export function runCli(script: string, args: string[] = [], options: CliOptions = {}): Promise<CliRun> {
  return runNode(['--import', 'tsx', script, ...args], options);
}
