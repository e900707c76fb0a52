import { widened } from './packed.js';

/**
 * A list that takes an item at any index in O(log n) (an implicit treap: a binary tree ordered
 * by position, each node knowing its subtree's size), where an array's splice moves every item
 * after it. Up to SMALL items it is a plain array (a splice there moves at most SMALL items, and
 * reads cost nothing); past that, a tree, where reading item k is O(log n) too. `toArray()` lists
 * the items in order, kept until the next insertion. Priorities come from a fixed seed, so the
 * work done is the same on every run.
 */
const SMALL = 256;
const NO_VALUES: unknown[] = [];
const NO_INDEXES = new Int32Array(0);
const NO_PRIORITIES = new Uint32Array(0);

export class IndexedList<T> {
  // The tree's arrays are allocated once it takes over: most lists stay small arrays.
  private values: T[] = NO_VALUES as unknown as T[];
  private left = NO_INDEXES;
  private right = NO_INDEXES;
  private size = NO_INDEXES;
  private priority = NO_PRIORITIES;
  private root = -1;
  private seed = 0x9e3779b9;
  private flat: T[] | null = [];
  /** Tree nodes visited and array items moved so far: the work done, for tests. */
  visited = 0;

  get length(): number {
    return this.root < 0 ? this.flat!.length : this.values.length;
  }

  /** Item k (0 <= k < length). */
  at(k: number): T {
    if (this.flat !== null) return this.flat[k]!;
    let node = this.root;
    for (;;) {
      this.visited++;
      const l = this.left[node]!;
      const before = l < 0 ? 0 : this.size[l]!;
      if (k < before) node = l;
      else if (k === before) return this.values[node]!;
      else {
        k -= before + 1;
        node = this.right[node]!;
      }
    }
  }

  /** The last item, or undefined when empty. */
  last(): T | undefined {
    const n = this.length;
    return n === 0 ? undefined : this.at(n - 1);
  }

  push(value: T): void {
    this.insert(this.length, value);
  }

  /** Puts `value` at index k (0 <= k <= length): the items from k on move up one. */
  insert(k: number, value: T): void {
    if (this.root < 0 && this.flat !== null) {
      // Still a plain array: at its end, or anywhere while it is small.
      if (k === this.flat.length) {
        this.flat.push(value);
        return;
      }
      if (this.flat.length < SMALL) {
        this.visited += this.flat.length - k;
        this.flat.splice(k, 0, value);
        return;
      }
      // Grown past SMALL: the tree takes over, built from the array.
      const items = this.flat;
      this.values = [];
      for (const item of items) this.treeInsert(this.values.length, item);
    }
    if (this.flat !== null && k === this.values.length) this.flat.push(value);
    else this.flat = null;
    this.treeInsert(k, value);
  }

  private treeInsert(k: number, value: T): void {
    const node = this.values.length;
    if (node === this.left.length) this.grow();
    this.values.push(value);
    this.left[node] = -1;
    this.right[node] = -1;
    this.size[node] = 1;
    // xorshift32: a fixed sequence of priorities.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    this.priority[node] = this.seed;
    const [a, b] = this.split(this.root, k);
    this.root = this.merge(this.merge(a, node), b);
  }

  /** The items in order, as an array kept until the next insertion (do not change it). */
  toArray(): readonly T[] {
    if (this.flat !== null) return this.flat;
    const out: T[] = [];
    const stack: number[] = [];
    let node = this.root;
    while (node >= 0 || stack.length > 0) {
      while (node >= 0) {
        stack.push(node);
        node = this.left[node]!;
      }
      node = stack.pop()!;
      this.visited++;
      out.push(this.values[node]!);
      node = this.right[node]!;
    }
    this.flat = out;
    return out;
  }

  /** The first k items of the tree at `node`, and the rest. */
  private split(node: number, k: number): [number, number] {
    if (node < 0) return [-1, -1];
    this.visited++;
    const l = this.left[node]!;
    const before = l < 0 ? 0 : this.size[l]!;
    if (k <= before) {
      const [a, b] = this.split(l, k);
      this.left[node] = b;
      this.resize(node);
      return [a, node];
    }
    const [a, b] = this.split(this.right[node]!, k - before - 1);
    this.right[node] = a;
    this.resize(node);
    return [node, b];
  }

  /** The tree of a's items then b's. */
  private merge(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    this.visited++;
    if (this.priority[a]! > this.priority[b]!) {
      this.right[a] = this.merge(this.right[a]!, b);
      this.resize(a);
      return a;
    }
    this.left[b] = this.merge(a, this.left[b]!);
    this.resize(b);
    return b;
  }

  private resize(node: number): void {
    const l = this.left[node]!;
    const r = this.right[node]!;
    this.size[node] = 1 + (l < 0 ? 0 : this.size[l]!) + (r < 0 ? 0 : this.size[r]!);
  }

  private grow(): void {
    const n = Math.max(16, this.left.length * 2);
    this.left = widened(this.left, n);
    this.right = widened(this.right, n);
    this.size = widened(this.size, n);
    this.priority = widened(this.priority, n);
  }
}
