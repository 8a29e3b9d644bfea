import type { ChartSpec } from './spec.js';

/** A compact text bar chart for terminals and plain-text surfaces (no colour, no Markdown). */
const WIDTH = 24;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

function bar(length: number): string {
  const eighths = Math.round(length * 8);
  const full = Math.floor(eighths / 8);
  return '█'.repeat(full) + (EIGHTHS[eighths % 8] ?? '');
}

export function renderTextChart(spec: ChartSpec, width = WIDTH): string {
  const max = Math.max(...spec.bars.map((b) => Math.abs(b.value)), 0);
  const labelWidth = Math.min(28, Math.max(...spec.bars.map((b) => [...b.label].length)));
  const lines = [spec.title];
  for (const b of spec.bars) {
    const label = [...b.label].slice(0, labelWidth).join('').padEnd(labelWidth);
    const length = max > 0 ? (Math.abs(b.value) / max) * width : 0;
    const drawn = bar(length) || (b.value !== 0 ? '▏' : '');
    const note = b.note ? ` (${b.note})` : '';
    const mark = b.highlight ? ' ◀' : '';
    lines.push(`${label} ${drawn.padEnd(width + 1)}${b.valueLabel}${note}${mark}`.trimEnd());
  }
  lines.push(spec.caption);
  return lines.join('\n');
}
