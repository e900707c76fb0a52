import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { encodeCommand, ReplyParser, type RedisArg, type RedisReply } from './resp.js';

/**
 * A small Redis client with the ioredis surface BullMQ uses (commands as methods,
 * `defineCommand` Lua scripts, `multi`/`pipeline`, `duplicate`, `status` and its
 * events). BullMQ 6 loads ioredis only as an optional peer, which this project does
 * not ship; this client is handed to BullMQ through `RedisConnection.clientFactory`.
 */

export interface RedisClientOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: tls.ConnectionOptions;
  connectionName?: string;
  /** Delay in ms before reconnect attempt `times` (BullMQ passes one). */
  retryStrategy?: (times: number) => number | null | undefined;
  [option: string]: unknown;
}

export const CONNECTION_CLOSED = 'Connection is closed.';

/** Commands BullMQ (and unspin) call as methods; each sends its upper-cased name. */
const COMMANDS = [
  'get', 'set', 'del', 'exists', 'expire', 'pexpire', 'ttl', 'pttl', 'incr', 'incrby', 'decr', 'type', 'keys', 'scan', 'unlink',
  'hget', 'hset', 'hmget', 'hmset', 'hgetall', 'hdel', 'hexists', 'hlen', 'hincrby', 'hscan', 'hkeys', 'hvals',
  'lrange', 'llen', 'lpush', 'rpush', 'lpop', 'rpop', 'lrem', 'ltrim', 'lpos', 'lindex', 'rpoplpush', 'lmove', 'brpoplpush', 'blmove',
  'sadd', 'srem', 'smembers', 'sismember', 'scard', 'sscan',
  'zadd', 'zrem', 'zrange', 'zrevrange', 'zrangebyscore', 'zrevrangebyscore', 'zcard', 'zscore', 'zcount', 'zincrby', 'zpopmin', 'bzpopmin', 'zrank', 'zscan',
  'xadd', 'xread', 'xtrim', 'xlen', 'xrange', 'xrevrange', 'xdel',
  'info', 'ping', 'client', 'config', 'script', 'evalsha', 'eval', 'flushall', 'flushdb', 'time', 'publish', 'dbsize', 'echo', 'memory',
] as const;

/** ioredis turns these replies into friendlier shapes; BullMQ relies on it. */
const TRANSFORMS: Record<string, (reply: RedisReply) => unknown> = {
  hgetall: (reply) => {
    const out: Record<string, string> = {};
    if (Array.isArray(reply)) for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
    return out;
  },
};

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  transform?: (reply: RedisReply) => unknown;
}

interface Script {
  sha: string;
  lua: string;
  numberOfKeys: number | null;
}

type Command = { name: string; args: RedisArg[]; transform?: (reply: RedisReply) => unknown };

function flatten(args: readonly unknown[]): RedisArg[] {
  const out: RedisArg[] = [];
  for (const a of args) {
    if (Array.isArray(a)) out.push(...flatten(a));
    else if (Buffer.isBuffer(a) || typeof a === 'string' || typeof a === 'number') out.push(a);
    else if (a === undefined || a === null) out.push('');
    else out.push(String(a));
  }
  return out;
}

function closedError(): Error {
  return new Error(CONNECTION_CLOSED);
}

export class RedisClient extends EventEmitter {
  status: 'wait' | 'connecting' | 'connect' | 'ready' | 'reconnecting' | 'close' | 'end' = 'wait';
  readonly isCluster = false;
  options: RedisClientOptions;
  private socket: net.Socket | undefined;
  private readonly parser: ReplyParser;
  private pending: Pending[] = [];
  private offline: { command: Command; pending: Pending }[] = [];
  private manualClose = false;
  private attempts = 0;
  private readonly scripts = new Map<string, Script>();
  private loadedShas = new Set<string>();
  private connecting: Promise<void> | undefined;

  constructor(options: RedisClientOptions = {}) {
    super();
    this.options = { host: '127.0.0.1', port: 6379, ...options };
    this.parser = new ReplyParser((reply) => this.onReply(reply));
  }

  /** Emits 'error' only when someone listens, as ioredis does, so a lost server is not a crash. */
  private silentEmit(event: string, ...args: unknown[]): void {
    if (event === 'error' && this.listenerCount('error') === 0) return;
    this.emit(event, ...args);
  }

  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (this.connecting) return this.connecting;
    this.manualClose = false;
    this.status = 'connecting';
    this.connecting = new Promise<void>((resolve, reject) => {
      const o = this.options;
      const socket = o.tls ? tls.connect({ host: o.host, port: o.port ?? 6379, ...o.tls }) : net.connect({ host: o.host, port: o.port ?? 6379 });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      let settled = false;
      socket.once(o.tls ? 'secureConnect' : 'connect', () => {
        this.status = 'connect';
        this.silentEmit('connect');
        this.handshake().then(
          () => {
            this.status = 'ready';
            this.attempts = 0;
            settled = true;
            this.connecting = undefined;
            resolve();
            this.silentEmit('ready');
            this.flushOffline();
          },
          (error: Error) => {
            settled = true;
            this.connecting = undefined;
            reject(error);
            socket.destroy(error);
          },
        );
      });
      socket.on('data', (chunk: Buffer) => {
        try {
          this.parser.feed(chunk);
        } catch (error) {
          socket.destroy(error as Error);
        }
      });
      socket.on('error', (error) => this.silentEmit('error', error));
      socket.once('close', () => {
        this.connecting = undefined;
        if (!settled) reject(closedError());
        this.onClose(socket);
      });
    });
    return this.connecting;
  }

  private async handshake(): Promise<void> {
    const o = this.options;
    const direct = (name: string, args: RedisArg[]) => new Promise<unknown>((resolve, reject) => this.write({ name, args }, { resolve, reject }));
    if (o.password) await direct('auth', o.username ? [o.username, o.password] : [o.password]);
    if (o.db) await direct('select', [o.db]);
    if (o.connectionName) await direct('client', ['SETNAME', o.connectionName]);
  }

  private onClose(socket: net.Socket): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.parser.reset();
    this.loadedShas = new Set();
    const inFlight = this.pending;
    this.pending = [];
    for (const p of inFlight) p.reject(closedError());
    this.status = 'close';
    this.silentEmit('close');
    const delay = this.manualClose ? null : (this.options.retryStrategy ?? ((n: number) => Math.min(n * 200, 2000)))(++this.attempts);
    if (delay === null || delay === undefined) {
      this.status = 'end';
      for (const { pending } of this.offline.splice(0)) pending.reject(closedError());
      this.silentEmit('end');
      return;
    }
    this.status = 'reconnecting';
    this.silentEmit('reconnecting', delay);
    setTimeout(() => {
      if (this.status === 'reconnecting') this.connect().catch(() => undefined);
    }, delay).unref();
  }

  private onReply(reply: RedisReply): void {
    const p = this.pending.shift();
    if (!p) return;
    if (reply instanceof Error) p.reject(reply);
    else p.resolve(p.transform ? p.transform(reply) : reply);
  }

  private write(command: Command, pending: Pending): void {
    this.pending.push(pending);
    this.socket!.write(encodeCommand([command.name.toUpperCase(), ...command.args]));
  }

  private flushOffline(): void {
    for (const { command, pending } of this.offline.splice(0)) this.write(command, pending);
  }

  /** Sends one command; queued while (re)connecting, refused once the client has ended. */
  sendCommand(name: string, args: readonly unknown[], transform = TRANSFORMS[name]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const command = { name, args: flatten(args) };
      const pending = { resolve, reject, transform };
      if (this.status === 'ready' && this.socket) this.write(command, pending);
      else if (this.status === 'end') reject(closedError());
      else {
        this.offline.push({ command, pending });
        if (this.status === 'wait') this.connect().catch(() => undefined);
      }
    });
  }

  call(name: string, ...args: unknown[]): Promise<unknown> {
    return this.sendCommand(name.toLowerCase(), args);
  }

  defineCommand(name: string, definition: { numberOfKeys?: number; lua: string }): void {
    const script: Script = { sha: createHash('sha1').update(definition.lua).digest('hex'), lua: definition.lua, numberOfKeys: definition.numberOfKeys ?? null };
    this.scripts.set(name, script);
    (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => this.evalScript(script, flatten(args));
  }

  /** @internal */
  scriptArgs(script: Script, args: RedisArg[]): RedisArg[] {
    return script.numberOfKeys === null ? args : [script.numberOfKeys, ...args];
  }

  /** @internal */
  getScript(name: string): Script | undefined {
    return this.scripts.get(name);
  }

  /** @internal Loads a script once per connection so EVALSHA inside MULTI finds it. */
  async ensureLoaded(script: Script): Promise<void> {
    if (this.loadedShas.has(script.sha)) return;
    await this.sendCommand('script', ['LOAD', script.lua]);
    this.loadedShas.add(script.sha);
  }

  private async evalScript(script: Script, args: RedisArg[]): Promise<unknown> {
    const rest = this.scriptArgs(script, args);
    try {
      return await this.sendCommand('evalsha', [script.sha, ...rest]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.sendCommand('eval', [script.lua, ...rest]);
    }
  }

  multi(): Transaction {
    return createTransaction(this, true);
  }

  pipeline(): Transaction {
    return createTransaction(this, false);
  }

  /** @internal Sends a batch in one write; with `atomic`, wrapped in MULTI/EXEC. */
  async execBatch(commands: Command[], atomic: boolean): Promise<[Error | null, unknown][] | null> {
    const settle = (p: Promise<unknown>) => p.then((value): [Error | null, unknown] => [null, value], (error: Error): [Error | null, unknown] => [error, null]);
    if (!atomic) return Promise.all(commands.map((c) => settle(this.sendCommand(c.name, c.args, c.transform ?? TRANSFORMS[c.name]))));
    const sent = [this.sendCommand('multi', []), ...commands.map((c) => settle(this.sendCommand(c.name, c.args, () => undefined))), this.sendCommand('exec', [], (reply) => reply)];
    const results = await Promise.all(sent);
    const queued = results.slice(1, -1) as [Error | null, unknown][];
    const replies = results.at(-1) as RedisReply[] | null;
    if (replies === null) return null;
    return commands.map((c, i) => {
      const queueError = queued[i]![0];
      if (queueError) return [queueError, null];
      const reply = replies[i]!;
      if (reply instanceof Error) return [reply, null];
      const transform = c.transform ?? TRANSFORMS[c.name];
      return [null, transform ? transform(reply) : reply];
    });
  }

  duplicate(override: RedisClientOptions = {}): RedisClient {
    const copy = new RedisClient({ ...this.options, ...override });
    for (const [name, script] of this.scripts) copy.defineCommand(name, { numberOfKeys: script.numberOfKeys ?? undefined, lua: script.lua });
    return copy;
  }

  disconnect(reconnect = false): void {
    this.manualClose = !reconnect;
    if (this.socket) this.socket.destroy();
    else if (!reconnect) {
      this.status = 'end';
      for (const { pending } of this.offline.splice(0)) pending.reject(closedError());
    }
  }

  /** Says goodbye to the server and resolves once the connection is closed (status 'end'). */
  async quit(): Promise<string> {
    const socket = this.socket;
    if (!socket || this.status === 'end') {
      this.disconnect();
      return 'OK';
    }
    this.manualClose = true;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const reply = (await this.sendCommand('quit', []).catch(() => 'OK')) as string;
    socket.destroy();
    await closed;
    return reply;
  }

  /** Streams arrays of keys matching a pattern, one per SCAN page. */
  scanStream(options: { match?: string; count?: number } = {}): Readable {
    let cursor = '0';
    let done = false;
    const stream: Readable = new Readable({
      objectMode: true,
      read: () => {
        if (done) return;
        const args: RedisArg[] = [cursor];
        if (options.match) args.push('MATCH', options.match);
        if (options.count) args.push('COUNT', options.count);
        this.sendCommand('scan', args).then(
          (reply) => {
            const [next, keys] = reply as [string, string[]];
            cursor = next;
            done = next === '0';
            stream.push(keys);
            if (done) stream.push(null);
          },
          (error: Error) => stream.destroy(error),
        );
      },
    });
    return stream;
  }
}

for (const name of COMMANDS) {
  Object.defineProperty(RedisClient.prototype, name, {
    value(this: RedisClient, ...args: unknown[]) {
      return this.sendCommand(name, args);
    },
    writable: true,
    configurable: true,
  });
}

/** A MULTI or pipeline: commands and scripts are queued as method calls, sent by `exec`. */
export interface Transaction {
  exec(): Promise<[Error | null, unknown][] | null>;
  [command: string]: unknown;
}

function createTransaction(client: RedisClient, atomic: boolean): Transaction {
  const commands: Command[] = [];
  const scripts: Script[] = [];
  const target: Record<string, unknown> = {
    exec: async () => {
      for (const s of scripts) await client.ensureLoaded(s);
      return client.execBatch(commands, atomic);
    },
  };
  for (const name of COMMANDS) {
    target[name] = (...args: unknown[]) => {
      commands.push({ name, args: flatten(args) });
      return proxy;
    };
  }
  const proxy: Transaction = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'string' && !(prop in t)) {
        const script = client.getScript(prop);
        if (script) {
          return (...args: unknown[]) => {
            scripts.push(script);
            commands.push({ name: 'evalsha', args: [script.sha, ...client.scriptArgs(script, flatten(args))] });
            return proxy;
          };
        }
      }
      return Reflect.get(t, prop);
    },
  }) as Transaction;
  return proxy;
}
