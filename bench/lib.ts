/** Shared by the benchmark scripts: statistics, tables, seeded randomness, process-tree memory and CPU. */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** The value at percentile p (0–100) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = sortedCopy(values);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

/** "min / median" of repeated measurements, formatted with `digits` decimals. */
export function minMed(values: readonly number[], digits = 1): string {
  return `${fmt(min(values), digits)} / ${fmt(median(values), digits)}`;
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "1.23×": a over b. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

/** A Markdown table (also readable in a terminal). */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Where and when a benchmark ran: the first line of every report. */
export function machineLine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ` +
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · load ${load}`
  );
}

/** A seeded generator (mulberry32), so every run measures the same data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The process and all its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    all.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return all;
}

export interface TreeMemory {
  /** Sum of the processes' resident sets (counts pages they share, like node's own code, once each). */
  rssMb: number;
  /** Private memory (USS): pages no other process maps — what the tree adds to the machine. */
  ussMb: number;
  processes: number;
}

/** Memory of a process tree, from /proc/<pid>/smaps_rollup (zeros where /proc is unavailable). */
export function treeMemory(pid: number): TreeMemory {
  let rss = 0;
  let uss = 0;
  let processes = 0;
  for (const p of processTree(pid)) {
    try {
      const s = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(s)?.[1] ?? 0);
      uss += Number(/^Private_Clean:\s+(\d+)/m.exec(s)?.[1] ?? 0);
      uss += Number(/^Private_Dirty:\s+(\d+)/m.exec(s)?.[1] ?? 0);
      processes++;
    } catch {
      // ended meanwhile, or no /proc
    }
  }
  return { rssMb: rss / 1024, ussMb: uss / 1024, processes };
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat (utime, stime) in clock ticks; 100 ticks a second on Linux
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Resident set of one process in MB (VmRSS). */
export function processRssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** `--name N` from the command line: an integer from 1 to `max`, `fallback` when absent. */
export function intArg(argv: readonly string[], name: string, fallback: number, max: number): number {
  const i = argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be an integer from 1 to ${max}`);
  return n;
}
