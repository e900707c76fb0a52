import { createHash, timingSafeEqual } from 'node:crypto';

/** Who a request authenticated as: a short, non-secret id of the matched key. */
export type KeyCheck = { ok: true; keyId: string } | { ok: false; reason: 'missing' | 'unknown' };

export interface KeyChecker {
  /** True when keys are configured, so requests must present one. */
  readonly required: boolean;
  check(headers: Record<string, string | string[] | undefined>): KeyCheck;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks API keys in constant time: presented and configured keys are compared as
 * SHA-256 digests (same length whatever the key), with timingSafeEqual, against every
 * configured key without stopping at the first match, so timing says nothing about
 * how close a guess was or which key matched.
 */
export function createKeyChecker(keys: readonly string[]): KeyChecker {
  const configured = keys.map((key) => ({ hash: digest(key), id: digest(key).toString('hex').slice(0, 12) }));
  return {
    required: configured.length > 0,
    check(headers) {
      const presented = presentedKey(headers);
      if (presented === undefined) return { ok: false, reason: 'missing' };
      const hash = digest(presented);
      let match: string | undefined;
      for (const key of configured) {
        if (timingSafeEqual(hash, key.hash)) match ??= key.id;
      }
      return match === undefined ? { ok: false, reason: 'unknown' } : { ok: true, keyId: match };
    },
  };
}

/** The key from `Authorization: Bearer KEY` or, failing that, `X-API-Key: KEY`. */
function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = single(headers.authorization);
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer) return bearer;
  const apiKey = single(headers['x-api-key'])?.trim();
  return apiKey ? apiKey : undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
