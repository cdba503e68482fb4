/**
 * Defaults of a v1 Service. Cluster IPs, IP families and node ports are not defaults: the
 * registry allocates them on create (see apiserver/allocators).
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_Service
 */
import type { KubeObject } from '../types'
import { child, defaultPointer, defaultString, ensureChild, isNil, items } from './walk'

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const defaultClientIPServiceAffinitySeconds = 10800

/** Mirrors pkg/api/v1/service/util.go ExternallyAccessible */
export function externallyAccessible(spec: Record<string, unknown>): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  )
}

/** Default a Service in place. */
export function defaultService(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultString(spec, 'sessionAffinity', 'None')
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const config = child(spec, 'sessionAffinityConfig')
    const clientIP = config && child(config, 'clientIP')
    if (!clientIP || isNil(clientIP.timeoutSeconds)) {
      spec.sessionAffinityConfig = {
        clientIP: { timeoutSeconds: defaultClientIPServiceAffinitySeconds },
      }
    }
  }
  defaultString(spec, 'type', 'ClusterIP')
  // Upstream the registry's beginCreate copies clusterIP into an empty clusterIPs before
  // validation (storage.go normalizeClusterIPs); it is done here so that a server validating
  // before it allocates sees the two fields in sync, as a real one does.
  if (
    typeof spec.clusterIP === 'string' &&
    spec.clusterIP !== '' &&
    (!Array.isArray(spec.clusterIPs) || spec.clusterIPs.length === 0)
  ) {
    spec.clusterIPs = [spec.clusterIP]
  }
  for (const port of items(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP')
    // intstr.FromInt32(0) or FromString(""): both read as "not given".
    if (isNil(port.targetPort) || port.targetPort === 0 || port.targetPort === '')
      port.targetPort = port.port
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster')
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') {
    defaultPointer(spec, 'internalTrafficPolicy', 'Cluster')
  }
  if (spec.type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true)
    // LoadBalancerIPMode is on by default since 1.30.
    const status = child(obj, 'status')
    const loadBalancer = status && child(status, 'loadBalancer')
    for (const ingress of loadBalancer ? items(loadBalancer, 'ingress') : []) {
      if (typeof ingress.ip === 'string' && ingress.ip !== '')
        defaultPointer(ingress, 'ipMode', 'VIP')
    }
  }
}
