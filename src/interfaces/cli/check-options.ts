import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ArgsDef, CommandDef } from 'citty';
import { UnspinError } from '../../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * citty ignores options a command does not declare (`--frobnicate` ran with exit 0), so
 * the arguments are first checked by node:util's own strict parser against the command's
 * declared options: an unknown option, or one missing its value, is a usage error.
 */
export async function checkOptions(command: CommandDef, rawArgs: readonly string[]): Promise<void> {
  const declared = (typeof command.args === 'function' ? await command.args() : await command.args) as ArgsDef | undefined;
  const options: Options = {};
  for (const [name, def] of Object.entries(declared ?? {})) {
    if (def.type === 'positional') continue;
    const type = def.type === 'boolean' ? 'boolean' : 'string';
    const alias = (def as { alias?: string | string[] }).alias;
    const aliases = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
    const names = new Set([name, kebab(name), camel(name), ...aliases.filter((a) => a.length > 1)]);
    const short = aliases.find((a) => a.length === 1);
    for (const long of names) {
      options[long] = { type, ...(short && long === name ? { short } : {}) };
      // citty reads --no-NAME as false for any option.
      options[`no-${long}`] = { type: 'boolean' };
    }
  }
  try {
    parseArgs({ args: [...rawArgs], options, strict: true, allowPositionals: true });
  } catch (cause) {
    const message = (cause as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UnspinError('USAGE', `${command.meta && 'name' in command.meta ? String(command.meta.name) : 'command'}: ${message}`, { cause });
  }
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
