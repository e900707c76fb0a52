/**
 * Converts between Unicode code-point offsets (what Python, the PTC scorer and the
 * shared datasets count) and UTF-16 code-unit offsets (what JavaScript and unspin use).
 */
export class OffsetMap {
  /** utf16At[cp] = UTF-16 offset of code point cp; one extra entry for the end. */
  private readonly utf16At: Uint32Array;

  constructor(text: string) {
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) {
      offsets.push(i);
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    offsets.push(text.length);
    this.utf16At = Uint32Array.from(offsets);
  }

  get codePointLength(): number {
    return this.utf16At.length - 1;
  }

  toUtf16(codePointOffset: number): number {
    if (codePointOffset < 0 || codePointOffset > this.codePointLength) {
      throw new RangeError(`code-point offset ${codePointOffset} is outside 0..${this.codePointLength}`);
    }
    return this.utf16At[codePointOffset]!;
  }

  toCodePoint(utf16Offset: number): number {
    let lo = 0;
    let hi = this.utf16At.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.utf16At[mid]! <= utf16Offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
