/**
 * A bitmap of allocated offsets with the random-scan-with-offset strategy: dynamic allocation
 * picks a random free offset from the upper part [offset, max) first, so the lower band stays
 * free for static (user-chosen) values, and only falls back to the lower band when the upper
 * part is full.
 * Mirrors pkg/registry/core/service/allocator/bitmap.go (randomScanStrategyWithOffset)
 */

/** The randomness the allocators draw from: the cluster's seeded generator. */
export interface IntnSource {
  /** An integer in [0, n). */
  intn(n: number): number
}

/** An allocation bitmap over offsets [0, max). */
export interface AllocationBitmap {
  /** Reserve one offset; false when it is already taken. */
  allocate(offset: number): boolean
  /** Reserve a random free offset; undefined when the range is full. */
  allocateNext(): number | undefined
  /** Free an offset (a no-op when it is free). */
  release(offset: number): void
  /** Is the offset taken? */
  has(offset: number): boolean
  /** How many offsets are free. */
  free(): number
}

/** Create a bitmap of max offsets whose dynamic allocation prefers [offset, max). */
export function createAllocationBitmap(
  max: number,
  offset: number,
  rand: IntnSource,
): AllocationBitmap {
  const bits = new Uint8Array(Math.max(0, max))
  let count = 0
  const taken = (at: number): boolean => bits[at] === 1
  const allocateBit = (): number | undefined => {
    if (count >= max) return undefined
    const subrangeMax = max - offset
    let start = rand.intn(subrangeMax)
    for (let i = 0; i < subrangeMax; i++) {
      const at = offset + ((start + i) % subrangeMax)
      if (!taken(at)) return at
    }
    // The upper subrange is full: try the lower band before giving up.
    if (offset > 0) {
      start = rand.intn(offset)
      for (let i = 0; i < offset; i++) {
        const at = (start + i) % offset
        if (!taken(at)) return at
      }
    }
    return undefined
  }
  return {
    allocate(at) {
      if (taken(at)) return false
      bits[at] = 1
      count++
      return true
    },
    allocateNext() {
      const at = allocateBit()
      if (at === undefined) return undefined
      bits[at] = 1
      count++
      return at
    },
    release(at) {
      if (!taken(at)) return
      bits[at] = 0
      count--
    },
    has: taken,
    free: () => max - count,
  }
}
