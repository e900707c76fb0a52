/**
 * `xs.map(f)` as an array that always has the same elements kind (PACKED). V8's
 * `Array.prototype.map` returns a packed array while its caller runs unoptimised and a
 * holey one (`new Array(n)`, then filled) once the caller is optimised, so a per-document
 * array made by `map` changes hidden class partway through a batch, and every optimised
 * function reading it deoptimises ("wrong map") and is compiled again: in a first pass
 * over the PTC train articles that was three or four compilations, of 100 to 200 ms each,
 * of the propaganda detector's largest functions. An array filled by `push` is always packed.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}

type GrowableArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** A typed array of the same kind, `size` long, that begins with `a`'s elements: a growing table's next storage. */
export function widened<A extends GrowableArray>(a: A, size: number): A {
  const b = new (a.constructor as new (length: number) => A)(size);
  b.set(a);
  return b;
}
