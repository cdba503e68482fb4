/**
 * What a pod contributes to a Service's Endpoints: whether it belongs at all, its address
 * (IP of the Service's family, node, hostname, target reference) and the port a service port
 * resolves to on it; and whether a pod update can change any of that.
 * Mirrors staging/src/k8s.io/endpointslice/util/controller_utils.go and pkg/api/v1/pod/util.go FindPort
 */
import type { EndpointAddress, EndpointPort, Pod, Service, ServicePort } from 'kubernetes-types/core/v1'

/** The Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

/** Terminal pods, pods without an IP and (unless tolerated) terminating pods have no endpoint. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false
  return true
}

/** A pod's hostname is published when its subdomain is the Service's name. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace
}

const isIPv6 = (ip: string): boolean => ip.includes(':')

/** The pod's address for a Service: the first pod IP of the Service's first IP family. */
// Mirrors pkg/controller/endpoint/endpoints_controller.go podToEndpointAddressForService
export function podToEndpointAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  let ipv6 = false
  const families = svc.spec?.ipFamilies ?? []
  if (families.length > 0) ipv6 = families[0] === 'IPv6'
  else if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') ipv6 = isIPv6(svc.spec.clusterIP)
  else ipv6 = isIPv6(pod.status?.podIP ?? '')
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip ?? '') : pod.status?.podIP ? [pod.status.podIP] : []
  const ip = ips.find((x) => x !== '' && isIPv6(x) === ipv6)
  if (!ip) return undefined
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  }
}

/** The container port a service port's targetPort names on a pod (numbers as they are). */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port
  if (typeof target === 'number') return target
  const protocol = svcPort.protocol ?? 'TCP'
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  }
  // Sidecars (init containers with restartPolicy Always) serve ports too.
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  }
  return undefined
}

/** The endpoint port of a service port resolved to a number. */
export function endpointPortFromServicePort(sp: ServicePort, port: number): EndpointPort {
  const out: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' }
  if (sp.name) out.name = sp.name
  if (sp.appProtocol) out.appProtocol = sp.appProtocol
  return out
}

function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ak = Object.keys(a ?? {})
  if (ak.length !== Object.keys(b ?? {}).length) return false
  return ak.every((k) => (b ?? {})[k] === (a ?? {})[k])
}

function sameIPs(a: Pod, b: Pod): boolean {
  const x = a.status?.podIPs ?? []
  const y = b.status?.podIPs ?? []
  // podIP too, in case a kubelet sets it alone (upstream compares podIPs only).
  if (a.status?.podIP !== b.status?.podIP) return false
  return x.length === y.length && x.every((p, i) => p.ip === y[i]?.ip)
}

/** Whether an update may change the pod's endpoints (podChanged) or the Services it matches (labelsChanged). */
// Mirrors controller_utils.go podEndpointsChanged
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged =
    !labelsEqual(oldPod.metadata?.labels, newPod.metadata?.labels) || oldPod.spec?.hostname !== newPod.spec?.hostname || oldPod.spec?.subdomain !== newPod.spec?.subdomain
  const podChanged = oldPod.metadata?.deletionTimestamp !== newPod.metadata?.deletionTimestamp || isPodReady(oldPod) !== isPodReady(newPod) || !sameIPs(oldPod, newPod)
  return { podChanged, labelsChanged }
}

/** A Service's selector matches a label set (a Service without a selector matches nothing). */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false
  for (const k in selector) if ((labels ?? {})[k] !== selector[k]) return false
  return true
}
