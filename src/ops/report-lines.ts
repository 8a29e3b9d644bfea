import { createReadStream } from 'node:fs';

/** Longest line read from a JSON lines file; a longer one is skipped without being held in memory. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Calls `onLine` for each line of a file, reading it in chunks: memory stays bounded whatever the file
 * size, and a line longer than MAX_LINE_BYTES (or a torn last line) is counted as skipped.
 */
export async function forEachLine(
  path: string,
  onLine: (line: string) => void,
): Promise<{ skipped: number }> {
  let skipped = 0;
  let parts: Buffer[] = [];
  let partLength = 0;
  let overlong = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (overlong || partLength + (nl - start) > MAX_LINE_BYTES) skipped += 1;
      else {
        const piece = chunk.subarray(start, nl);
        onLine(partLength === 0 ? piece.toString('utf8') : Buffer.concat([...parts, piece]).toString('utf8'));
      }
      parts = [];
      partLength = 0;
      overlong = false;
      start = nl + 1;
    }
    if (start < chunk.length && !overlong) {
      const rest = chunk.subarray(start);
      if (partLength + rest.length > MAX_LINE_BYTES) {
        overlong = true;
        parts = [];
        partLength = 0;
      } else {
        parts.push(Buffer.from(rest));
        partLength += rest.length;
      }
    }
  }
  // A last line without its newline was cut by a crash or a full disk: it is not a record.
  if (partLength > 0 || overlong) skipped += 1;
  return { skipped };
}
