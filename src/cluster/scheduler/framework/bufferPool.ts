/**
 * A pool of score buffers. Each cycle's scores live in one Float64Array that its decision keeps
 * while the decision is recent; recycling the buffers when decisions drop their detail avoids a
 * steady stream of fresh off-heap allocations, which would otherwise make V8 collect garbage far
 * more often at thousands of cycles per second.
 */

/** Buffers by power-of-two capacity. */
export class BufferPool {
  private readonly free = new Map<number, Float64Array[]>()
  /** Buffers kept per size class, so a burst cannot pin memory forever. */
  private readonly keep = 2048

  /** A buffer of at least `len` elements (contents unspecified). */
  get(len: number): Float64Array {
    const cap = len <= 16 ? 16 : 2 ** Math.ceil(Math.log2(len))
    const list = this.free.get(cap)
    return list?.pop() ?? new Float64Array(cap)
  }

  /** Give a buffer back; it must no longer be read. */
  release(buf: Float64Array): void {
    let list = this.free.get(buf.length)
    if (!list) this.free.set(buf.length, (list = []))
    if (list.length < this.keep) list.push(buf)
  }
}
