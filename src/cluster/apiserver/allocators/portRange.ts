/**
 * Service node ports allocated from a port range, with the upstream error texts.
 * Mirrors pkg/registry/core/service/portallocator/allocator.go
 */
import { createAllocationBitmap, type IntnSource } from './bitmap'
import { errRangeFull } from './ipRange'

/** portallocator.ErrAllocated */
export const errPortAllocated = 'provided port is already allocated'

/** A port range: the result of a reservation is an error text, or undefined on success. */
export interface PortRange {
  /** The range as PortRange.String() prints it, e.g. 30000-32767. */
  readonly text: string
  allocate(port: number): string | undefined
  allocateNext(): number | { error: string }
  release(port: number): void
  has(port: number): boolean
  contains(port: number): boolean
  free(): number
}

// Mirrors calculateRangeOffset: min(max(16, size/32), 128) ports kept for static allocation.
function rangeOffset(size: number): number {
  if (size <= 16) return 0
  return Math.min(Math.max(16, Math.floor(size / 32)), 128)
}

/** Create an allocator over ports [base, base+size). */
export function createPortRange(base: number, size: number, rand: IntnSource): PortRange {
  const text = `${base}-${base + size - 1}`
  const bitmap = createAllocationBitmap(size, rangeOffset(size), rand)
  const contains = (port: number): boolean =>
    Number.isInteger(port) && port >= base && port < base + size
  return {
    text,
    allocate(port) {
      if (!contains(port))
        return `provided port is not in the valid range. The range of valid ports is ${text}`
      return bitmap.allocate(port - base) ? undefined : errPortAllocated
    },
    allocateNext() {
      const offset = bitmap.allocateNext()
      return offset === undefined ? { error: errRangeFull } : base + offset
    },
    release(port) {
      if (contains(port)) bitmap.release(port - base)
    },
    has: (port) => contains(port) && bitmap.has(port - base),
    contains,
    free: () => bitmap.free(),
  }
}
