/**
 * The service IP and node port allocators of one cluster: 10.96.0.0/12 and 30000-32767 by
 * default, random but deterministic from the seeded generator.
 * Mirrors the allocators pkg/controlplane sets up from --service-cluster-ip-range and
 * --service-node-port-range.
 */
import { internalError } from '../../api/status'
import type { Status } from '../../api/types'
import type { IntnSource } from './bitmap'
import { createIPRange, type IPRange } from './ipRange'
import { createPortRange, type PortRange } from './portRange'

/** kubeadm's default --service-cluster-ip-range. */
export const defaultServiceCIDR = '10.96.0.0/12'
/** The default --service-node-port-range. */
export const defaultNodePortRange = { base: 30000, size: 2768 }

/** Options of createServiceAllocators (smaller ranges make exhaustion testable). */
export interface ServiceAllocatorOptions {
  serviceCIDR?: string
  nodePortRange?: { base: number; size: number }
}

/** The cluster's service IP and node port allocators. */
export interface ServiceAllocators {
  /** The IPv4 service range (the cluster is single-stack IPv4). */
  readonly ips: IPRange
  /** The node port range. */
  readonly ports: PortRange
  /** A random free cluster IP, or 500 `failed to allocate a serviceIP: range is full`. */
  allocateClusterIP(): string | Status
  /** Reserve a given cluster IP; an upstream error text when it is taken or out of range. */
  reserveClusterIP(ip: string): string | undefined
  /** Free a cluster IP (a no-op when free or out of range). */
  releaseClusterIP(ip: string): void
  /** A random free node port, or 500 `failed to allocate a nodePort: range is full`. */
  allocateNodePort(): number | Status
  /** Reserve a given node port; an upstream error text when it is taken or out of range. */
  reserveNodePort(port: number): string | undefined
  /** Free a node port (a no-op when free or out of range). */
  releaseNodePort(port: number): void
}

/** Create the allocators; all their choices come from random. */
export function createServiceAllocators(
  random: IntnSource,
  options: ServiceAllocatorOptions = {},
): ServiceAllocators {
  const ips = createIPRange(options.serviceCIDR ?? defaultServiceCIDR, random)
  const range = options.nodePortRange ?? defaultNodePortRange
  const ports = createPortRange(range.base, range.size, random)
  return {
    ips,
    ports,
    allocateClusterIP() {
      const ip = ips.allocateNext()
      return typeof ip === 'string'
        ? ip
        : internalError(`failed to allocate a serviceIP: ${ip.error}`)
    },
    reserveClusterIP: (ip) => ips.allocate(ip),
    releaseClusterIP: (ip) => ips.release(ip),
    allocateNodePort() {
      const port = ports.allocateNext()
      return typeof port === 'number'
        ? port
        : internalError(`failed to allocate a nodePort: ${port.error}`)
    },
    reserveNodePort: (port) => ports.allocate(port),
    releaseNodePort: (port) => ports.release(port),
  }
}
