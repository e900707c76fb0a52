import { createReadStream } from 'node:fs';
import { expandInputs } from '../input/sources.js';

/**
 * How many documents the inputs hold, for the progress bar's total and ETA: one per
 * document file or error entry, one per non-blank JSON Lines line (a byte scan, no parse).
 */
export async function countInputs(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const entry of await expandInputs(paths)) {
    if (entry.ok && entry.kind === 'jsonl') total += await countNonBlankLines(entry.path);
    else total += 1;
  }
  return total;
}

async function countNonBlankLines(path: string): Promise<number> {
  let count = 0;
  let content = false;
  try {
    for await (const chunk of createReadStream(path)) {
      for (const byte of chunk as Buffer) {
        if (byte === 0x0a) {
          if (content) count++;
          content = false;
        } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) content = true;
      }
    }
  } catch {
    return 1; // unreadable: readSources reports it as one error
  }
  return content ? count + 1 : count;
}
