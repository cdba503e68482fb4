/**
 * The Service registry's bookkeeping around allocation: IP family defaulting for a
 * single-stack IPv4 cluster, clusterIP/clusterIPs sync, values kept across updates, and
 * fields dropped when the type changes.
 * Mirrors pkg/registry/core/service/storage/alloc.go (initIPFamilyFields) and storage.go
 * (normalizeClusterIPs, patchAllocatedValues, dropTypeDependentFields).
 */
import { invalid, type FieldError, fieldPath } from '../../api/field'
import { parseIP } from '../../api/validation/ipParse'
import { deepEqual, isObject } from '../../util/json'

/** A Service spec being prepared (plain JSON). */
export type ServiceSpec = Record<string, unknown>

/** The one IP family this cluster serves. */
export const clusterIPFamily = 'IPv4'

/** The string list under key, or [] when absent or not a list of strings. */
export function strings(spec: ServiceSpec, key: string): string[] {
  const v = spec[key]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The ports of a spec that are objects. */
export function ports(spec: ServiceSpec): Record<string, unknown>[] {
  return Array.isArray(spec.ports) ? spec.ports.filter(isObject) : []
}

/** A port's nodePort, 0 when unset. */
export function nodePortOf(p: Record<string, unknown>): number {
  return typeof p.nodePort === 'number' ? p.nodePort : 0
}

/** ClusterIP, NodePort and LoadBalancer services get cluster IPs. */
export function needsClusterIP(spec: ServiceSpec): boolean {
  return spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer'
}

/** NodePort and LoadBalancer services get node ports. */
export function needsNodePort(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || spec.type === 'LoadBalancer'
}

/** Mirrors pkg/api/service/util.go NeedsHealthCheck */
export function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local'
}

/** Is the service headless (clusterIPs ["None"])? */
export function isHeadless(spec: ServiceSpec): boolean {
  const ips = strings(spec, 'clusterIPs')
  return ips.length > 0 && ips[0] === 'None'
}

function familyOf(ip: string): string {
  const parsed = parseIP(ip)
  if (!parsed) return 'unknown'
  return parsed.v4 ? 'IPv4' : 'IPv6'
}

function hasSelector(spec: ServiceSpec): boolean {
  return isObject(spec.selector) && Object.keys(spec.selector).length > 0
}

const sameList = (a: ServiceSpec, b: ServiceSpec, key: string): boolean =>
  deepEqual(strings(a, key), strings(b, key))

/** Mirrors normalizeClusterIPs: keep clusterIP and clusterIPs in sync before anyone reads them. */
export function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : ''
  const clusterIPs = strings(spec, 'clusterIPs')
  if (!old) {
    // An old client gave the singular field only.
    if (clusterIP !== '' && clusterIPs.length === 0) spec.clusterIPs = [clusterIP]
    return
  }
  const oldIP = typeof old.clusterIP === 'string' ? old.clusterIP : ''
  const oldIPs = strings(old, 'clusterIPs')
  if (oldIPs.length > 0 && clusterIPs.length === 0 && oldIP === clusterIP)
    spec.clusterIPs = [...oldIPs]
  if (oldIP !== clusterIP) {
    if (oldIP !== '' && clusterIP === '' && sameList(old, spec, 'clusterIPs'))
      delete spec.clusterIPs
    const now = strings(spec, 'clusterIPs')
    if (clusterIP !== '' && sameList(old, spec, 'clusterIPs') && now.length > 0)
      spec.clusterIPs = [clusterIP, ...now.slice(1)]
  }
}

/** Mirrors patchAllocatedValues: a resubmitted manifest keeps what the server allocated. */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (typeof spec.clusterIP !== 'string' || spec.clusterIP === '') {
      if (old.clusterIP !== undefined) spec.clusterIP = old.clusterIP
    }
    if (strings(spec, 'clusterIPs').length === 0 && strings(old, 'clusterIPs').length > 0)
      spec.clusterIPs = [...strings(old, 'clusterIPs')]
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = new Set(
      ports(spec)
        .map(nodePortOf)
        .filter((n) => n !== 0),
    )
    const inBoth = new Set(
      ports(old)
        .map(nodePortOf)
        .filter((n) => n !== 0 && used.has(n)),
    )
    // NodePorts are matched by port name; values still in use elsewhere are not patched in.
    const byName = new Map<unknown, number>()
    for (const p of ports(old)) byName.set(p.name ?? '', nodePortOf(p))
    for (const p of ports(spec)) {
      if (nodePortOf(p) !== 0) continue
      const oldValue = byName.get(p.name ?? '') ?? 0
      if (oldValue !== 0 && !inBoth.has(oldValue)) p.nodePort = oldValue
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort) {
    if (old.healthCheckNodePort !== undefined) spec.healthCheckNodePort = old.healthCheckNodePort
  }
}

/**
 * Mirrors dropTypeDependentFields (strategy PrepareForUpdate): on a type change, fields that no
 * longer apply and that the user did not change are wiped (they are released by allocation).
 */
export function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (sameList(old, spec, 'clusterIPs')) {
      delete spec.clusterIP
      delete spec.clusterIPs
    }
    if (sameList(old, spec, 'ipFamilies')) delete spec.ipFamilies
    if (old.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy
  }
  const sameNodePorts = deepEqual(ports(old).map(nodePortOf), ports(spec).map(nodePortOf))
  if (needsNodePort(old) && !needsNodePort(spec) && sameNodePorts)
    for (const p of ports(spec)) delete p.nodePort
  if (
    needsHealthCheck(old) &&
    !needsHealthCheck(spec) &&
    (old.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0)
  ) {
    delete spec.healthCheckNodePort
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (
      typeof spec.allocateLoadBalancerNodePorts === 'boolean' &&
      spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts
    ) {
      delete spec.allocateLoadBalancerNodePorts
    }
    if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass === old.loadBalancerClass)
      delete spec.loadBalancerClass
  }
  const externallyAccessible = (s: ServiceSpec): boolean =>
    needsNodePort(s) || (s.type === 'ClusterIP' && strings(s, 'externalIPs').length > 0)
  if (
    externallyAccessible(old) &&
    !externallyAccessible(spec) &&
    old.externalTrafficPolicy === spec.externalTrafficPolicy
  ) {
    delete spec.externalTrafficPolicy
  }
}

const policyPath = fieldPath('spec', 'ipFamilyPolicy')

/**
 * Mirrors initIPFamilyFields on a single-stack IPv4 cluster: default ipFamilyPolicy and
 * ipFamilies, refuse dual-stack demands and other families.
 */
export function initIPFamilyFields(spec: ServiceSpec, old: ServiceSpec | undefined): FieldError[] {
  if (spec.type === 'ExternalName') return []
  // A PreferDualStack service whose IP fields did not change is left as it is.
  if (
    old &&
    spec.ipFamilyPolicy === 'PreferDualStack' &&
    old.type === spec.type &&
    needsClusterIP(spec) &&
    (old.ipFamilyPolicy === undefined || old.ipFamilyPolicy === 'PreferDualStack') &&
    sameList(old, spec, 'clusterIPs') &&
    sameList(old, spec, 'ipFamilies')
  ) {
    return []
  }
  if (typeof spec.ipFamilyPolicy !== 'string') {
    if (old && typeof old.ipFamilyPolicy === 'string') spec.ipFamilyPolicy = old.ipFamilyPolicy
    // Headless and selectorless services default to dual-stack families.
    else if (spec.clusterIP === 'None' && !hasSelector(spec))
      spec.ipFamilyPolicy = 'RequireDualStack'
    else spec.ipFamilyPolicy = 'SingleStack'
  }
  const policy = spec.ipFamilyPolicy
  const errs: FieldError[] = []
  let clusterIPs = strings(spec, 'clusterIPs')
  let families = strings(spec, 'ipFamilies')
  if (old) {
    if (policy === 'SingleStack') {
      if (sameList(old, spec, 'clusterIPs') && clusterIPs.length > 1)
        spec.clusterIPs = clusterIPs = clusterIPs.slice(0, 1)
      if (sameList(old, spec, 'ipFamilies') && families.length > 1)
        spec.ipFamilies = families = families.slice(0, 1)
    } else {
      if (clusterIPs.length > 0 && clusterIPs.length < strings(old, 'clusterIPs').length) {
        errs.push(
          invalid(policyPath, policy, "must be 'SingleStack' to release the secondary cluster IP"),
        )
      }
      if (families.length > 0 && families.length < strings(old, 'ipFamilies').length) {
        errs.push(
          invalid(policyPath, policy, "must be 'SingleStack' to release the secondary IP family"),
        )
      }
    }
  }
  if (policy === 'SingleStack') {
    if (clusterIPs.length === 2) {
      errs.push(
        invalid(
          policyPath,
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      )
    }
    if (families.length === 2) {
      errs.push(
        invalid(
          policyPath,
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      )
    }
  }
  for (let i = 0; i < clusterIPs.length; i++) {
    const ip = clusterIPs[i] ?? ''
    if (ip === 'None') break
    const family = familyOf(ip)
    if (i >= families.length) {
      if (family !== clusterIPFamily) {
        errs.push(
          invalid(
            fieldPath('spec', 'clusterIPs').index(i),
            clusterIPs,
            `${family} is not configured on this cluster`,
          ),
        )
      } else {
        families = [...families, family]
        spec.ipFamilies = families
      }
    }
  }
  if (errs.length > 0) return errs
  if (spec.clusterIP === 'None' && !hasSelector(spec)) {
    if (families.length === 0) families = [clusterIPFamily]
    // On a single-stack cluster a headless selectorless service may still list both families.
    if (families.length < 2 && policy !== 'SingleStack')
      families = [...families, families[0] === 'IPv4' ? 'IPv6' : 'IPv4']
    spec.ipFamilies = families
    return []
  }
  if (policy === 'RequireDualStack')
    errs.push(invalid(policyPath, policy, 'this cluster is not configured for dual-stack services'))
  families.forEach((family, i) => {
    if (family !== clusterIPFamily)
      errs.push(
        invalid(fieldPath('spec', 'ipFamilies').index(i), family, 'not configured on this cluster'),
      )
  })
  if (errs.length > 0) return errs
  if (families.length === 0) spec.ipFamilies = [clusterIPFamily]
  return []
}
