/**
 * What the Service REST storage does around a write: allocate cluster IPs and node ports on
 * create, allocate and release on type changes, release everything on delete.
 * Mirrors pkg/registry/core/service/storage/alloc.go (allocateCreate, allocateUpdate,
 * initNodePorts, updateNodePorts, updateHealthCheckNodePort, releaseAllocatedResources) and
 * storage.go (beginCreate, beginUpdate).
 */
import {
  internalError as fieldInternalError,
  invalid,
  fieldPath,
  type FieldError,
} from '../../api/field'
import * as status from '../../api/status'
import type { KubeObject, Status } from '../../api/types'
import { isObject } from '../../util/json'
import { startOperation, type AllocationOperation } from './operation'
import type { ServiceAllocators } from './serviceAllocators'
import {
  dropTypeDependentFields,
  initIPFamilyFields,
  isHeadless,
  needsClusterIP,
  needsHealthCheck,
  needsNodePort,
  nodePortOf,
  normalizeClusterIPs,
  patchAllocatedValues,
  ports,
  strings,
  type ServiceSpec,
} from './serviceFields'

/** Options of a Service write. */
export interface ServiceAllocOptions {
  /** A dry run reserves nothing (IPs are range-checked only, stand-in values are returned). */
  dryRun?: boolean
}

/**
 * Field errors of a failed allocation; status is the exact Status kube-apiserver answers
 * (422 Invalid with these causes, or 500 when a range is full).
 */
export type ServiceAllocationErrors = FieldError[] & { status?: Status }

/** An allocation in progress: commit once the object is stored, revert if the write fails later. */
export interface ServiceAllocation {
  errors: ServiceAllocationErrors
  commit(): void
  revert(): void
}

class AllocFailure {
  constructor(
    readonly errors: FieldError[],
    readonly internal?: string,
  ) {}
}

function specOf(svc: KubeObject): ServiceSpec {
  if (!isObject(svc.spec)) svc.spec = {}
  return svc.spec as ServiceSpec
}

function nameOf(svc: KubeObject): string {
  return svc.metadata?.name ?? ''
}

function fail(svc: KubeObject, f: AllocFailure): ServiceAllocationErrors {
  const errs: ServiceAllocationErrors = [...f.errors]
  if (f.internal !== undefined) {
    errs.push(fieldInternalError(fieldPath('spec'), f.internal))
    errs.status = status.internalError(f.internal)
  } else {
    errs.status = status.invalid({ group: '', name: 'Service' }, nameOf(svc), f.errors)
  }
  return errs
}

// Mirrors allocClusterIPs: fill every family's IP, reserving given ones and allocating the rest.
function allocClusterIPs(spec: ServiceSpec, op: AllocationOperation): void {
  if (spec.type === 'ExternalName' || isHeadless(spec)) return
  const clusterIPs = strings(spec, 'clusterIPs')
  const families = strings(spec, 'ipFamilies')
  for (let i = 0; i < families.length; i++) {
    const given = clusterIPs[i] ?? ''
    if (given === '') {
      const ip = op.allocateNextIP()
      if (typeof ip !== 'string')
        throw new AllocFailure([], `failed to allocate a serviceIP: ${ip.error}`)
      clusterIPs[i] = ip
    } else {
      const err = op.allocateIP(given)
      if (err) {
        throw new AllocFailure([
          invalid(
            fieldPath('spec', 'clusterIPs'),
            strings(spec, 'clusterIPs'),
            `failed to allocate IP ${given}: ${err}`,
          ),
        ])
      }
    }
  }
  spec.clusterIPs = clusterIPs
  if (clusterIPs[0] !== undefined) spec.clusterIP = clusterIPs[0]
}

// Mirrors shouldAllocateNodePorts
function shouldAllocateNodePorts(spec: ServiceSpec): boolean {
  if (spec.type === 'NodePort') return true
  if (spec.type === 'LoadBalancer') return spec.allocateLoadBalancerNodePorts !== false
  return false
}

function nodePortError(i: number, port: number, err: string): AllocFailure {
  return new AllocFailure([
    invalid(fieldPath('spec', 'ports').index(i).child('nodePort'), port, err),
  ])
}

// Mirrors initNodePorts: ports with the same port number share one node port.
function initNodePorts(spec: ServiceSpec, op: AllocationOperation): void {
  const byPort = new Map<unknown, number>()
  const list = ports(spec)
  list.forEach((p, i) => {
    if (nodePortOf(p) === 0 && !shouldAllocateNodePorts(spec)) return
    const shared = byPort.get(p.port) ?? 0
    if (shared === 0) {
      const requested = list.find((q) => q.port === p.port && nodePortOf(q) !== 0)
      const np = requested ? nodePortOf(requested) : 0
      if (np !== 0) {
        const err = op.allocatePort(np)
        if (err) throw nodePortError(i, np, err)
        p.nodePort = np
        byPort.set(p.port, np)
      } else {
        const next = op.allocateNextPort()
        if (typeof next !== 'number')
          throw new AllocFailure([], `failed to allocate a nodePort: ${next.error}`)
        p.nodePort = next
        byPort.set(p.port, next)
      }
    } else if (nodePortOf(p) !== shared) {
      if (nodePortOf(p) === 0) p.nodePort = shared
      else {
        const err = op.allocatePort(nodePortOf(p))
        if (err) throw nodePortError(i, nodePortOf(p), err)
      }
    }
  })
}

// Mirrors allocHealthCheckNodePort
function allocHealthCheckNodePort(spec: ServiceSpec, op: AllocationOperation): void {
  const requested = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0
  if (requested !== 0) {
    const err = op.allocatePort(requested)
    if (err)
      throw new AllocFailure(
        [],
        `failed to allocate requested HealthCheck NodePort ${requested}: ${err}`,
      )
    return
  }
  const next = op.allocateNextPort()
  if (typeof next !== 'number')
    throw new AllocFailure([], `failed to allocate a HealthCheck NodePort 0: ${next.error}`)
  spec.healthCheckNodePort = next
}

function run(svc: KubeObject, op: AllocationOperation, body: () => void): ServiceAllocation {
  try {
    body()
    return { errors: [], commit: () => op.commit(), revert: () => op.revert() }
  } catch (e) {
    op.revert()
    if (e instanceof AllocFailure)
      return { errors: fail(svc, e), commit: () => {}, revert: () => {} }
    throw e
  }
}

/**
 * Begin a Service create (beginCreate upstream, which runs before validation): sync clusterIPs,
 * default ipFamilies/ipFamilyPolicy, allocate or reserve cluster IPs, node ports and the health
 * check node port. Mutates svc.
 */
export function beginServiceCreate(
  svc: KubeObject,
  al: ServiceAllocators,
  options: ServiceAllocOptions = {},
): ServiceAllocation {
  const spec = specOf(svc)
  normalizeClusterIPs(spec, undefined)
  const familyErrs = initIPFamilyFields(spec, undefined)
  if (familyErrs.length > 0)
    return { errors: fail(svc, new AllocFailure(familyErrs)), commit: () => {}, revert: () => {} }
  const op = startOperation(al, options.dryRun === true)
  return run(svc, op, () => {
    allocClusterIPs(spec, op)
    if (needsNodePort(spec)) initNodePorts(spec, op)
    if (needsHealthCheck(spec)) allocHealthCheckNodePort(spec, op)
  })
}

// Mirrors updateClusterIPs on a single-stack cluster: ExternalName changes allocate or release.
function updateClusterIPs(spec: ServiceSpec, old: ServiceSpec, op: AllocationOperation): void {
  if (old.type === 'ExternalName' && spec.type !== 'ExternalName') {
    allocClusterIPs(spec, op)
    return
  }
  if (isHeadless(old)) return
  if (old.type !== 'ExternalName' && spec.type === 'ExternalName') {
    for (const ip of strings(old, 'clusterIPs')) op.releaseIPLater(ip)
  }
}

// Mirrors updateNodePorts
function updateNodePorts(spec: ServiceSpec, old: ServiceSpec, op: AllocationOperation): void {
  const oldNumbers = ports(old)
    .map(nodePortOf)
    .filter((n) => n !== 0)
  const allocated = new Set<number>()
  ports(spec).forEach((p, i) => {
    if (nodePortOf(p) === 0 && !shouldAllocateNodePorts(spec)) return
    const np = nodePortOf(p)
    if (np !== 0) {
      if (!oldNumbers.includes(np) && !allocated.has(np)) {
        const err = op.allocatePort(np)
        if (err) throw nodePortError(i, np, err)
        allocated.add(np)
      }
    } else {
      const next = op.allocateNextPort()
      if (typeof next !== 'number')
        throw new AllocFailure([], `failed to allocate a nodePort: ${next.error}`)
      p.nodePort = next
    }
  })
  const newNumbers = ports(spec).map(nodePortOf)
  for (const n of oldNumbers) if (!newNumbers.includes(n)) op.releasePortLater(n)
}

// Mirrors updateHealthCheckNodePort
function updateHealthCheckNodePort(
  spec: ServiceSpec,
  old: ServiceSpec,
  op: AllocationOperation,
): void {
  const needed = needsHealthCheck(old)
  const needs = needsHealthCheck(spec)
  if (!needed && needs) allocHealthCheckNodePort(spec, op)
  if (needed && !needs && typeof old.healthCheckNodePort === 'number')
    op.releasePortLater(old.healthCheckNodePort)
}

/**
 * Begin a Service update (beginUpdate upstream, before validation): keep allocated values the
 * client left out, then allocate what a type change needs; releases happen on commit.
 * Mutates newSvc; oldSvc is only read.
 */
export function beginServiceUpdate(
  newSvc: KubeObject,
  oldSvc: KubeObject,
  al: ServiceAllocators,
  options: ServiceAllocOptions = {},
): ServiceAllocation {
  const spec = specOf(newSvc)
  const old: ServiceSpec = isObject(oldSvc.spec) ? oldSvc.spec : {}
  patchAllocatedValues(spec, old)
  normalizeClusterIPs(spec, old)
  const familyErrs = initIPFamilyFields(spec, old)
  if (familyErrs.length > 0)
    return {
      errors: fail(newSvc, new AllocFailure(familyErrs)),
      commit: () => {},
      revert: () => {},
    }
  const op = startOperation(al, options.dryRun === true)
  return run(newSvc, op, () => {
    updateClusterIPs(spec, old, op)
    if (needsNodePort(old) && !needsNodePort(spec))
      for (const n of ports(old).map(nodePortOf)) if (n !== 0) op.releasePortLater(n)
    if (needsNodePort(spec)) updateNodePorts(spec, old, op)
    updateHealthCheckNodePort(spec, old, op)
  })
}

/**
 * Mirrors dropTypeDependentFields (Service strategy PrepareForUpdate, before validation):
 * a type change wipes the cluster IPs, node ports and policies it no longer needs, and a
 * non-LoadBalancer service loses its load-balancer status.
 */
export function dropServiceTypeDependentFields(newSvc: KubeObject, oldSvc: KubeObject): void {
  const old: ServiceSpec = isObject(oldSvc.spec) ? oldSvc.spec : {}
  const spec = specOf(newSvc)
  dropTypeDependentFields(spec, old)
  if (spec.type !== 'LoadBalancer' && isObject(newSvc.status))
    newSvc.status = { ...newSvc.status, loadBalancer: {} }
}

/**
 * Allocate for a Service create and commit at once (the object is about to be stored).
 * Returns [] on success; on failure nothing stays allocated.
 */
export function prepareServiceForCreate(
  svc: KubeObject,
  al: ServiceAllocators,
  options: ServiceAllocOptions = {},
): ServiceAllocationErrors {
  const alloc = beginServiceCreate(svc, al, options)
  alloc.commit()
  return alloc.errors
}

/**
 * Allocate for a Service update and commit at once: keeps the cluster IP, allocates node
 * ports when switching to NodePort/LoadBalancer and releases them when switching away.
 */
export function prepareServiceForUpdate(
  newSvc: KubeObject,
  oldSvc: KubeObject,
  al: ServiceAllocators,
  options: ServiceAllocOptions = {},
): ServiceAllocationErrors {
  const alloc = beginServiceUpdate(newSvc, oldSvc, al, options)
  if (alloc.errors.length === 0) dropServiceTypeDependentFields(newSvc, oldSvc)
  alloc.commit()
  return alloc.errors
}

/** Mirrors releaseAllocatedResources: free a deleted Service's cluster IPs and node ports. */
export function releaseService(svc: KubeObject, al: ServiceAllocators): void {
  const spec: ServiceSpec = isObject(svc.spec) ? svc.spec : {}
  if (needsClusterIP(spec) && !isHeadless(spec)) {
    const ips = strings(spec, 'clusterIPs')
    if (ips.length === 0 && typeof spec.clusterIP === 'string') ips.push(spec.clusterIP)
    for (const ip of ips) al.releaseClusterIP(ip)
  }
  for (const n of ports(spec).map(nodePortOf)) if (n !== 0) al.releaseNodePort(n)
  if (
    needsHealthCheck(spec) &&
    typeof spec.healthCheckNodePort === 'number' &&
    spec.healthCheckNodePort > 0
  ) {
    al.releaseNodePort(spec.healthCheckNodePort)
  }
}
