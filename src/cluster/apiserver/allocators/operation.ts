/**
 * One service write's allocations as a transaction: what it allocated is released again on
 * revert, and what it gives up is only released on commit. In a dry run nothing is reserved:
 * IPs are only range-checked and stand-in values are returned, as upstream.
 * Mirrors pkg/registry/core/service/portallocator/operation.go and the DryRun() of
 * ipallocator/bitmap.go.
 */
import type { ServiceAllocators } from './serviceAllocators'
import { errIPNotInRange } from './ipRange'
import { errPortAllocated } from './portRange'

/** A transaction over the service allocators. */
export interface AllocationOperation {
  allocateIP(ip: string): string | undefined
  allocateNextIP(): string | { error: string }
  allocatePort(port: number): string | undefined
  allocateNextPort(): number | { error: string }
  releaseIPLater(ip: string): void
  releasePortLater(port: number): void
  commit(): void
  revert(): void
}

/** Start a transaction; dryRun reserves and releases nothing. */
export function startOperation(al: ServiceAllocators, dryRun: boolean): AllocationOperation {
  const ips: string[] = []
  const ports: number[] = []
  const ipReleases: string[] = []
  const portReleases: number[] = []
  return {
    allocateIP(ip) {
      if (dryRun) {
        // ipallocator dryRunRange.Allocate: only the range is checked.
        return al.ips.contains(ip) ? undefined : errIPNotInRange(ip, al.ips.cidr)
      }
      const err = al.ips.allocate(ip)
      if (!err) ips.push(ip)
      return err
    },
    allocateNextIP() {
      if (dryRun) {
        // dryRunRange.AllocateNext returns the CIDR's network address.
        const slash = al.ips.cidr.indexOf('/')
        return al.ips.cidr.slice(0, slash)
      }
      const ip = al.ips.allocateNext()
      if (typeof ip === 'string') ips.push(ip)
      return ip
    },
    allocatePort(port) {
      if (dryRun) {
        if (!al.ports.contains(port)) return al.ports.allocate(port)
        if (al.ports.has(port) || ports.includes(port)) return errPortAllocated
        ports.push(port)
        return undefined
      }
      const err = al.ports.allocate(port)
      if (!err) ports.push(port)
      return err
    },
    allocateNextPort() {
      if (dryRun) {
        // PortAllocationOperation.AllocateNext in a dry run: a stand-in above the last one.
        const last = ports.length === 0 ? 32768 : Math.max(...ports)
        ports.push(last + 1)
        return last + 1
      }
      const port = al.ports.allocateNext()
      if (typeof port === 'number') ports.push(port)
      return port
    },
    releaseIPLater: (ip) => void ipReleases.push(ip),
    releasePortLater: (port) => void portReleases.push(port),
    commit() {
      if (dryRun) return
      for (const ip of ipReleases) al.ips.release(ip)
      for (const port of portReleases) al.ports.release(port)
      ips.length = 0
      ports.length = 0
    },
    revert() {
      if (dryRun) return
      for (const ip of ips) al.ips.release(ip)
      for (const port of ports) al.ports.release(port)
      ips.length = 0
      ports.length = 0
    },
  }
}
