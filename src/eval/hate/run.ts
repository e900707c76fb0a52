/** Stand-alone entry until `unspin eval hate` is wired: npx tsx src/eval/hate/run.ts --data FILE.jsonl [--json] */
import { runCommand } from 'citty';
import { isUnspinError } from '../../core/errors.js';
import { evalHateCommand } from './command.js';

runCommand(evalHateCommand, { rawArgs: process.argv.slice(2) }).then(
  ({ result }) => {
    process.exitCode = typeof result === 'number' ? result : 0;
  },
  (error: unknown) => {
    if (!isUnspinError(error)) throw error;
    process.stderr.write(`unspin: ${error.message} (${error.code})\n`);
    process.exitCode = error.exitCode;
  },
);
