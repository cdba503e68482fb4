/**
 * Service cluster IPs allocated from an IPv4 CIDR (the network and broadcast addresses are
 * never handed out), with the upstream error texts.
 * Mirrors pkg/registry/core/service/ipallocator/bitmap.go and ipallocator.go (1.32, bitmap
 * allocator: MultiCIDRServiceAllocator is off by default)
 */
import { parseCIDR, parseIP } from '../../api/validation/ipParse'
import { createAllocationBitmap, type IntnSource } from './bitmap'

/** ipallocator.ErrAllocated */
export const errIPAllocated = 'provided IP is already allocated'
/** ipallocator.ErrFull / portallocator.ErrFull */
export const errRangeFull = 'range is full'

/** An IP range: the result of a reservation is an error text, or undefined on success. */
export interface IPRange {
  /** The CIDR as written, e.g. 10.96.0.0/12. */
  readonly cidr: string
  allocate(ip: string): string | undefined
  allocateNext(): string | { error: string }
  release(ip: string): void
  has(ip: string): boolean
  contains(ip: string): boolean
  free(): number
}

function ipv4ToNumber(ip: string): number | undefined {
  const parsed = parseIP(ip)
  if (!parsed || !parsed.v4) return undefined
  const b = parsed.bytes.slice(12)
  return (((b[0] ?? 0) << 24) >>> 0) + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)
}

/** Dotted-quad text of a 32-bit address. */
export function numberToIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.')
}

/** The canonical text Go prints for an IP (%v of net.IP), or the input when it does not parse. */
function ipText(ip: string): string {
  const n = ipv4ToNumber(ip)
  return n === undefined ? ip : numberToIPv4(n)
}

/** ipallocator.ErrNotInRange */
export function errIPNotInRange(ip: string, cidr: string): string {
  return `the provided IP (${ipText(ip)}) is not in the valid range. The range of valid IPs is ${cidr}`
}

// Mirrors calculateRangeOffset: min(max(16, size/16), 256) addresses kept for static allocation.
function rangeOffset(size: number): number {
  if (size <= 16) return 0
  return Math.min(Math.max(16, Math.floor(size / 16)), 256)
}

/** Create an allocator over an IPv4 CIDR such as 10.96.0.0/12. */
export function createIPRange(cidr: string, rand: IntnSource): IPRange {
  const parsed = parseCIDR(cidr)
  if (!parsed || !parsed.ip.v4 || parsed.bits > 32) throw new Error(`not an IPv4 CIDR: ${cidr}`)
  const hostBits = 32 - parsed.bits
  const size = 2 ** hostBits
  const address = parsed.ip.bytes.slice(12).reduce((n, b) => n * 256 + b, 0)
  const networkBase = Math.floor(address / size) * size
  // Neither the ".0" network address nor the IPv4 broadcast address is ever handed out.
  const base = networkBase + 1
  const max = Math.max(0, size - 2)
  const bitmap = createAllocationBitmap(max, rangeOffset(size), rand)
  const offsetOf = (ip: string): number | undefined => {
    const n = ipv4ToNumber(ip)
    if (n === undefined) return undefined
    const offset = n - base
    return offset >= 0 && offset < max ? offset : undefined
  }
  return {
    cidr,
    allocate(ip) {
      const offset = offsetOf(ip)
      if (offset === undefined) return errIPNotInRange(ip, cidr)
      return bitmap.allocate(offset) ? undefined : errIPAllocated
    },
    allocateNext() {
      const offset = bitmap.allocateNext()
      return offset === undefined ? { error: errRangeFull } : numberToIPv4(base + offset)
    },
    release(ip) {
      const offset = offsetOf(ip)
      if (offset !== undefined) bitmap.release(offset)
    },
    has(ip) {
      const offset = offsetOf(ip)
      return offset !== undefined && bitmap.has(offset)
    },
    contains: (ip) => offsetOf(ip) !== undefined,
    free: () => bitmap.free(),
  }
}
