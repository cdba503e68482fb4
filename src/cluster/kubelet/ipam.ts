/**
 * Pod IP allocation on one node, as the host-local IPAM plugin does for the bridge network:
 * addresses come from the node's pod CIDR, the gateway (.1) is the bridge, and allocation
 * continues round-robin after the last address handed out, so a freed address is handed out
 * again only after the range wraps. An address is held until the pod object is gone.
 * Mirrors containernetworking/plugins plugins/ipam/host-local/backend/allocator/allocator.go
 */

/** A pod IP allocator for one /24 (or smaller) range. */
export interface PodIPAllocator {
  /** The range as host-local names it in its errors, e.g. "10.64.0.1-10.64.0.254". */
  readonly range: string
  /** The bridge's (gateway's) address, where the kubelet's probes come from. */
  readonly gateway: string
  /** Reserve an address for `owner`; the same owner gets the same address back. */
  allocate(owner: string): string | undefined
  /** Release the address of `owner`. */
  release(owner: string): void
  /** The address of `owner`, if it has one. */
  get(owner: string): string | undefined
  /** How many addresses are in use. */
  used(): number
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
}

function toIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** Create an allocator over an IPv4 CIDR such as "10.64.3.0/24". */
export function createPodIPAllocator(cidr: string): PodIPAllocator {
  const [base = '0.0.0.0', bitsText = '24'] = cidr.split('/')
  const bits = Number(bitsText)
  const size = 2 ** (32 - bits)
  const network = toNumber(base) - (toNumber(base) % size)
  const first = network + 1
  const last = network + size - 2
  const gateway = toIP(first)
  const byOwner = new Map<string, number>()
  const taken = new Set<number>([first])
  let lastReserved = first
  return {
    range: `${toIP(first)}-${toIP(last)}`,
    gateway,
    allocate(owner) {
      const existing = byOwner.get(owner)
      if (existing !== undefined) return toIP(existing)
      const count = last - first + 1
      for (let i = 1; i <= count; i++) {
        const candidate = first + ((lastReserved - first + i) % count)
        if (taken.has(candidate)) continue
        taken.add(candidate)
        byOwner.set(owner, candidate)
        lastReserved = candidate
        return toIP(candidate)
      }
      return undefined
    },
    release(owner) {
      const n = byOwner.get(owner)
      if (n === undefined) return
      byOwner.delete(owner)
      taken.delete(n)
    },
    get(owner) {
      const n = byOwner.get(owner)
      return n === undefined ? undefined : toIP(n)
    },
    used: () => byOwner.size,
  }
}
