import { UnspinError } from '../../core/errors.js';
import type { LevelWithSilent } from 'pino';
import type { ServerOptions } from './options.js';

/** The `unspin serve` flags, as citty hands them over (strings, unset when not given). */
export interface ServeFlags {
  port?: string;
  host?: string;
  workers?: string;
  timeout?: string;
  'body-limit'?: string;
  'max-batch'?: string;
  'rate-limit'?: string;
  'log-level'?: string;
}

export interface ServeConfig {
  port: number;
  host: string;
  server: ServerOptions;
}

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the serve command's settings: a flag wins over its environment variable,
 * which wins over the default. A bad value is a one-line USAGE error naming where
 * it came from. API keys come only from UNSPIN_API_KEYS, never a flag, so they do
 * not show in `ps`.
 */
export function resolveServeConfig(flags: ServeFlags, env: Record<string, string | undefined>): ServeConfig {
  const pick = (flag: keyof ServeFlags, variable: string): { value: string; from: string } | undefined => {
    if (flags[flag] !== undefined) return { value: String(flags[flag]), from: `--${flag}` };
    const fromEnv = env[variable];
    return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, from: variable } : undefined;
  };
  const port = integer(pick('port', 'UNSPIN_PORT'), 0, 65535) ?? 8080;
  const host = pick('host', 'UNSPIN_HOST')?.value ?? '127.0.0.1';
  const rate = integer(pick('rate-limit', 'UNSPIN_RATE_LIMIT'), 0, 1_000_000_000);
  const level = pick('log-level', 'UNSPIN_LOG_LEVEL');
  if (level && !(LEVELS as readonly string[]).includes(level.value)) throw usage(level, `one of ${LEVELS.join(', ')}`);
  const keys = (env.UNSPIN_API_KEYS ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');

  return {
    port,
    host,
    server: {
      workers: integer(pick('workers', 'UNSPIN_WORKERS'), 1, 1024),
      timeoutMs: integer(pick('timeout', 'UNSPIN_TIMEOUT_MS'), 1, 86_400_000),
      bodyLimit: size(pick('body-limit', 'UNSPIN_BODY_LIMIT')),
      maxBatch: integer(pick('max-batch', 'UNSPIN_MAX_BATCH'), 1, 100_000),
      // Per minute and per key (per address without keys); 0 turns the limit off.
      rateLimit: rate === undefined ? undefined : rate === 0 ? false : { max: rate, windowMs: 60_000 },
      apiKeys: keys,
      logger: { level: (level?.value as LevelWithSilent | undefined) ?? 'info' },
    },
  };
}

function integer(setting: { value: string; from: string } | undefined, min: number, max: number): number | undefined {
  if (setting === undefined) return undefined;
  const n = /^\d+$/.test(setting.value.trim()) ? Number(setting.value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw usage(setting, `an integer from ${min} to ${max}`);
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** A byte count: 2097152, 512kb or 2mb (binary units). */
function size(setting: { value: string; from: string } | undefined): number | undefined {
  if (setting === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(setting.value.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw usage(setting, 'a size such as 2097152, 512kb or 2mb');
  return bytes;
}

function usage(setting: { value: string; from: string }, expected: string): UnspinError {
  return new UnspinError('USAGE', `${setting.from} ${JSON.stringify(setting.value.slice(0, 50))}: expected ${expected}`);
}
