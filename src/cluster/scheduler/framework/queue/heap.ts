/**
 * A keyed binary heap: O(log n) add, pop, update and delete by key, as the scheduling queue's
 * activeQ and backoffQ need.
 * Mirrors pkg/scheduler/backend/heap/heap.go
 */

/** A heap of items with unique string keys, ordered by `less`. */
export class Heap<T> {
  private items: T[] = []
  private index = new Map<string, number>()

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly less: (a: T, b: T) => boolean,
  ) {}

  len(): number {
    return this.items.length
  }

  has(key: string): boolean {
    return this.index.has(key)
  }

  get(key: string): T | undefined {
    const i = this.index.get(key)
    return i === undefined ? undefined : this.items[i]
  }

  peek(): T | undefined {
    return this.items[0]
  }

  /** Add or update an item (re-sifted either way). */
  addOrUpdate(item: T): void {
    const key = this.keyOf(item)
    const i = this.index.get(key)
    if (i !== undefined) {
      this.items[i] = item
      this.fix(i)
      return
    }
    this.items.push(item)
    this.index.set(key, this.items.length - 1)
    this.up(this.items.length - 1)
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined
    return this.removeAt(0)
  }

  /** Delete by key; the item, or undefined when absent. */
  delete(key: string): T | undefined {
    const i = this.index.get(key)
    return i === undefined ? undefined : this.removeAt(i)
  }

  /** Every item, in no particular order. */
  list(): T[] {
    return this.items.slice()
  }

  private removeAt(i: number): T {
    const items = this.items
    const item = items[i] as T
    const last = items.pop() as T
    this.index.delete(this.keyOf(item))
    if (i < items.length) {
      items[i] = last
      this.index.set(this.keyOf(last), i)
      this.fix(i)
    }
    return item
  }

  private fix(i: number): void {
    if (!this.down(i)) this.up(i)
  }

  private swap(i: number, j: number): void {
    const items = this.items
    const a = items[i] as T
    const b = items[j] as T
    items[i] = b
    items[j] = a
    this.index.set(this.keyOf(b), i)
    this.index.set(this.keyOf(a), j)
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(this.items[i] as T, this.items[p] as T)) break
      this.swap(i, p)
      i = p
    }
  }

  private down(i0: number): boolean {
    let i = i0
    const n = this.items.length
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let c = l
      if (r < n && this.less(this.items[r] as T, this.items[l] as T)) c = r
      if (!this.less(this.items[c] as T, this.items[i] as T)) break
      this.swap(i, c)
      i = c
    }
    return i > i0
  }
}
