import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createProgress, formatSeconds } from '../../src/interfaces/batch/progress.js';

function sink(tty: boolean): Writable & { text: string; isTTY?: boolean; columns?: number } {
  const stream = new Writable({
    write(chunk, _enc, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string; isTTY?: boolean; columns?: number };
  stream.text = '';
  if (tty) Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return stream;
}

test('progress off a terminal: plain lines with done/total, counts, docs/s and ETA', () => {
  const out = sink(false);
  const progress = createProgress({ stream: out, total: 10, bar: false, intervalMs: 0 });
  progress.update({ done: 4, analysed: 3, skipped: 0, failed: 1, duplicates: 0, bytes: 100 });
  progress.log('unspin: x.txt: looks binary (UNSPIN_E_INPUT_BINARY)');
  progress.stop();
  const lines = out.text.trim().split('\n');
  assert.match(lines[0]!, /^unspin batch: 4\/10 \(40%\) done, 3 analysed, 0 skipped, 1 errors, [\d.]+ docs\/s, ETA \d+s$/);
  assert.equal(lines[1], 'unspin: x.txt: looks binary (UNSPIN_E_INPUT_BINARY)');
  assert.equal(lines.length, 3, 'a last line on stop');
});

test('progress on a terminal: a bar with done/total, docs/s, ETA and errors', () => {
  const out = sink(true);
  const progress = createProgress({ stream: out, total: 10, bar: true });
  progress.update({ done: 5, analysed: 4, skipped: 0, failed: 1, duplicates: 0, bytes: 100 });
  progress.stop();
  assert.match(out.text, /5\/10 \| [\d.]+ docs\/s \| ETA \S+ \| analysed 4 skipped 0 errors 1/);
});

test('progress on a terminal: an error line printed during the run is not overwritten when the bar stops', () => {
  const out = sink(true);
  const progress = createProgress({ stream: out, total: 10, bar: true });
  progress.update({ done: 2, analysed: 1, skipped: 0, failed: 1, duplicates: 0, bytes: 100 });
  progress.log('unspin: x.txt: looks binary (UNSPIN_E_INPUT_BINARY)');
  progress.stop();
  // The bar restores the saved cursor (ESC 8) on stop: the last save (ESC 7) must come after the error line.
  const line = out.text.indexOf('looks binary');
  assert.ok(out.text.lastIndexOf('\x1b7') > line, 'cursor saved again below the error line');
  assert.ok(out.text.lastIndexOf('\x1b8') > out.text.lastIndexOf('\x1b7'), 'restored to that later position');
});

test('durations read as seconds, minutes or hours', () => {
  assert.deepEqual([formatSeconds(42), formatSeconds(125), formatSeconds(7260), formatSeconds(Infinity)], ['42s', '2m05s', '2h01m', '?']);
});
