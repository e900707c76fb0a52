import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts `unspin serve` on a free loopback port in a child process; resolves once its workers are ready (warm). */
export function startServer(workers: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('../src/interfaces/cli/main.ts', import.meta.url).pathname, 'serve', '--port', '0', '--workers', String(workers), '--rate-limit', '0', '--log-level', 'info'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let url = '';
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const record = JSON.parse(line) as { msg?: string };
      const listening = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(record.msg ?? '');
      if (listening) url = listening[1]!;
      if (record.msg === 'workers ready') resolve({ child, url });
    });
  });
}
