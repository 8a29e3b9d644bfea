/**
 * Results of a pure function, kept by argument and all forgotten at once when full: bounded memory
 * and no bookkeeping on a hit (an LRU's reordering costs more than recomputing the rare miss). Only
 * for pure computations, so a kept result is exactly what a new computation would give. A result
 * is never `undefined` (that means "not kept").
 */
export class Memo<K, V> {
  private readonly kept = new Map<K, V>();

  /** `max`: results kept before all are forgotten. */
  constructor(private readonly max: number) {}

  /** The kept result for `key`, or `compute(key)`, kept for the next time. */
  get(key: K, compute: (key: K) => V): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  /** The kept result for `key`, if any. */
  peek(key: K): V | undefined {
    return this.kept.get(key);
  }

  set(key: K, value: V): void {
    if (this.kept.size >= this.max) this.kept.clear();
    this.kept.set(key, value);
  }

  get size(): number {
    return this.kept.size;
  }
}
