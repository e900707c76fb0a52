#!/usr/bin/env node
import { runCommand, showUsage, type CommandDef } from 'citty';
import { isUnspinError, ERRORS } from '../../core/errors.js';
import { packageVersion } from './version.js';

/**
 * The only place that exits the process: commands return an exit code or throw.
 * Subcommands load lazily so `unspin --version` does not read models.
 */
const main: CommandDef = {
  meta: { name: 'unspin', version: packageVersion(), description: 'Unspin news articles: quotes and speakers, outlets, author voice, hate speech, propaganda techniques and check-worthy claims.' },
  subCommands: {
    analyze: () => import('./commands/analyze.js').then((m) => m.analyzeCommand),
    eval: () => import('./commands/eval.js').then((m) => m.evalCommand),
  },
};

async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    await showUsage(main);
    return argv.length === 0 ? ERRORS.USAGE.exitCode : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const subCommands = main.subCommands as Record<string, () => Promise<CommandDef>>;
  const name = argv[0]!;
  const load = subCommands[name];
  if (!load) {
    process.stderr.write(`unspin: unknown command "${name}" (${ERRORS.USAGE.code}); commands: ${Object.keys(subCommands).join(', ')}\n`);
    return ERRORS.USAGE.exitCode;
  }
  const command = await load();
  if (argv.slice(1).some((a) => a === '--help' || a === '-h')) {
    await showUsage(command, main);
    return 0;
  }
  const { result } = await runCommand(command, { rawArgs: argv.slice(1) });
  return typeof result === 'number' ? result : 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isUnspinError(error)) {
      process.stderr.write(`unspin: ${error.message} (${error.code})\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof Error && error.name === 'CLIError') {
      process.stderr.write(`unspin: ${error.message} (${ERRORS.USAGE.code})\n`);
      process.exitCode = ERRORS.USAGE.exitCode;
    } else {
      process.stderr.write(`unspin: internal error (${ERRORS.INTERNAL.code}), please report it:\n${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = ERRORS.INTERNAL.exitCode;
    }
  },
);
