import { UnspinError } from '../core/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a document's bytes as UTF-8 (or UTF-16 with a byte-order mark). Binary
 * content (NUL bytes, invalid UTF-8) and empty content are user errors naming the input.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  } else {
    try {
      text = utf8.decode(bytes);
    } catch (cause) {
      throw new UnspinError('INPUT_BINARY', `${name}: not valid UTF-8, expected text or HTML`, { input: name, cause });
    }
  }
  // The whole text, not its first kilobytes: a NUL anywhere means binary (one linear scan).
  if (text.includes('\0')) throw new UnspinError('INPUT_BINARY', `${name}: looks binary (NUL bytes), expected text or HTML`, { input: name });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new UnspinError('INPUT_EMPTY', `${name}: empty, nothing to analyse`, { input: name });
  return text;
}
