/**
 * RepackSubsets: expand subsets to (address, port, ready) triples and pack them again into the
 * canonical layout, one subset per distinct set of addresses, with its ports; an address that is
 * not ready on any port of a set is not ready there ("not ready trumps ready"), and an address
 * (IP and target uid) appears once.
 * Mirrors pkg/api/v1/endpoints/util.go RepackSubsets and SortSubsets
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1'

const addressKey = (a: EndpointAddress): string => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`
const portKey = (p: EndpointPort): string => `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`

/** Go's bytes.Compare on strings, as LessEndpointAddress compares IPs (byte order, so "10.0.0.10" < "10.0.0.9"). */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** LessEndpointAddress: by IP bytes, then target uid (an address without a target first). */
export function lessEndpointAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  const c = compareBytes(a.ip, b.ip)
  if (c !== 0) return c < 0
  if (!b.targetRef) return false
  if (!a.targetRef) return true
  return (a.targetRef.uid ?? '') < (b.targetRef.uid ?? '')
}

const byAddress = (a: EndpointAddress, b: EndpointAddress): number => (lessEndpointAddress(a, b) ? -1 : lessEndpointAddress(b, a) ? 1 : 0)

// Upstream orders ports and subsets by the MD5 of their Go dump, an order without meaning;
// here ports go by number, name and protocol, and subsets by their first address.
function byPort(a: EndpointPort, b: EndpointPort): number {
  return a.port - b.port || compareBytes(a.name ?? '', b.name ?? '') || compareBytes(a.protocol ?? '', b.protocol ?? '') || compareBytes(a.appProtocol ?? '', b.appProtocol ?? '')
}

function firstAddress(s: EndpointSubset): EndpointAddress | undefined {
  return s.addresses?.[0] ?? s.notReadyAddresses?.[0]
}

function bySubset(a: EndpointSubset, b: EndpointSubset): number {
  const x = firstAddress(a)
  const y = firstAddress(b)
  if (x && y) {
    const c = byAddress(x, y)
    if (c !== 0) return c
  } else if (x || y) return x ? -1 : 1
  const p = a.ports?.[0]
  const q = b.ports?.[0]
  return p && q ? byPort(p, q) : 0
}

/** Repack subsets into the canonical form; the result is new and sorted. */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>()
  // For each distinct port, the addresses offering it and whether each is ready there.
  const portToAddrs = new Map<string, { port: EndpointPort; addrs: Map<EndpointAddress, boolean> }>()
  const mapAddressByPort = (addr: EndpointAddress, port: EndpointPort, ready: boolean): void => {
    const key = addressKey(addr)
    let existing = allAddrs.get(key)
    if (!existing) allAddrs.set(key, (existing = { ...addr }))
    const pk = portKey(port)
    let entry = portToAddrs.get(pk)
    if (!entry) portToAddrs.set(pk, (entry = { port, addrs: new Map() }))
    const was = entry.addrs.get(existing)
    if (was === undefined || was) entry.addrs.set(existing, ready)
  }
  // A subset without ports (a headless Service without ports) keeps its addresses under a sentinel port.
  const sentinel: EndpointPort = { port: -1 }
  for (const s of subsets) {
    for (const port of s.ports?.length ? s.ports : [sentinel]) {
      for (const a of s.addresses ?? []) mapAddressByPort(a, port, true)
      for (const a of s.notReadyAddresses ?? []) mapAddressByPort(a, port, false)
    }
  }
  // Ports offered by the same addresses (with the same readiness) share a subset.
  const groups = new Map<string, { addrs: Map<EndpointAddress, boolean>; ports: EndpointPort[] }>()
  for (const { port, addrs } of portToAddrs.values()) {
    const key = [...addrs]
      .sort(([a], [b]) => byAddress(a, b))
      .map(([a, ready]) => `${addressKey(a)}\u0000${a.hostname ?? ''}\u0000${a.nodeName ?? ''}\u0000${ready ? 1 : 0}`)
      .join('\u0001')
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { addrs, ports: [] }))
    if (port.port > 0) g.ports.push(port)
  }
  const final: EndpointSubset[] = []
  for (const { addrs, ports } of groups.values()) {
    const ready: EndpointAddress[] = []
    const notReady: EndpointAddress[] = []
    for (const [a, r] of addrs) (r ? ready : notReady).push(a)
    const s: EndpointSubset = {}
    if (ready.length) s.addresses = ready.sort(byAddress)
    if (notReady.length) s.notReadyAddresses = notReady.sort(byAddress)
    if (ports.length) s.ports = [...ports].sort(byPort)
    final.push(s)
  }
  return final.sort(bySubset)
}
