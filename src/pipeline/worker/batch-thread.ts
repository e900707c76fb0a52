import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { TimedOut } from '../watchdog.js';
import { analyzedJson } from './analyzed-json.js';
import { taskFailure, type BatchTask, type BatchReply } from './protocol.js';
import { warmUpDocument } from './warm-up.js';

/**
 * The thread file of the CLI's batch threads (shared-work.ts). Unlike a piscina thread, it
 * keeps its own time limit: the main thread queues two documents on it, so that it never
 * waits for the next while the main thread is busy, and only the thread knows when a
 * document's own analysis starts. A document over the limit leaves this thread's models in
 * an unknown state (see watchdog.ts), so after replying the thread ends, and the main
 * thread hands what it had queued here to a fresh one.
 */
// Loads the models before the first task, so that no document's limit counts the loading.
analyze(warmUpDocument(0));

const port = parentPort!;
port.on('message', (task: BatchTask) => {
  let reply: BatchReply;
  try {
    reply = { id: task.id, result: { ok: true, json: analyzedJson(task.input, task.source, task.timeoutMs) } };
  } catch (error) {
    if (error instanceof TimedOut) {
      port.postMessage({ id: task.id, timedOut: true } satisfies BatchReply);
      process.exit(0);
    }
    reply = { id: task.id, result: taskFailure(error, task.source) };
  }
  port.postMessage(reply);
});
