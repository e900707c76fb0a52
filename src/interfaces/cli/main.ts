#!/usr/bin/env node
import { runCommand, showUsage, type CommandDef } from 'citty';
import { isUnspinError, ERRORS } from '../../core/errors.js';
import { checkOptions } from './check-options.js';
import { packageVersion } from './version.js';

/**
 * The only place that exits the process: commands return an exit code or throw.
 * Subcommands load lazily so `unspin --version` does not read models.
 */
const main: CommandDef = {
  meta: { name: 'unspin', version: packageVersion(), description: 'Unspin news articles: quotes and speakers, outlets, author voice, hate speech, propaganda techniques and check-worthy claims.' },
  subCommands: {
    analyze: () => import('./commands/analyze.js').then((m) => m.analyzeCommand),
    serve: () => import('./commands/serve.js').then((m) => m.serveCommand),
    eval: () => import('./commands/eval.js').then((m) => m.evalCommand),
    batch: () => import('./commands/batch.js').then((m) => m.batchCommand),
    worker: () => import('./commands/worker.js').then((m) => m.workerCommand),
    query: () => import('./commands/query.js').then((m) => m.queryCommand),
    stats: () => import('./commands/stats.js').then((m) => m.statsCommand),
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
  // Walks down nested subcommands (`eval hate`) so the leaf's exit code and help are the ones used.
  let command: CommandDef = main;
  let parent: CommandDef | undefined;
  let rest = argv;
  for (;;) {
    const subCommands = command.subCommands as Record<string, () => Promise<CommandDef>> | undefined;
    if (!subCommands) break;
    const name = rest[0];
    const load = name === undefined ? undefined : subCommands[name];
    if (!load) {
      if (name === undefined || name.startsWith('-')) {
        await showUsage(command, parent);
        return name === '--help' || name === '-h' ? 0 : ERRORS.USAGE.exitCode;
      }
      process.stderr.write(`unspin: unknown command "${name}" (${ERRORS.USAGE.code}); commands: ${Object.keys(subCommands).join(', ')}\n`);
      return ERRORS.USAGE.exitCode;
    }
    parent = command;
    command = await load();
    rest = rest.slice(1);
  }
  if (rest.some((a) => a === '--help' || a === '-h')) {
    await showUsage(command, parent);
    return 0;
  }
  await checkOptions(command, rest);
  const { result } = await runCommand(command, { rawArgs: rest });
  return typeof result === 'number' ? result : 0;
}

// A reader that stops early (`unspin analyze DIR | head`) closes the pipe: stop quietly, as cat does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

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
