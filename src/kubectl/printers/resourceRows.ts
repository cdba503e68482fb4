import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type {
  HorizontalPodAutoscaler,
  MetricSpec,
  MetricStatus,
} from 'kubernetes-types/autoscaling/v2'
import type {
  ConfigMap,
  Container,
  Endpoints,
  Event,
  LoadBalancerStatus,
  Namespace,
  Node,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1'
import type { Ingress } from 'kubernetes-types/networking/v1'
import { age } from './humanDuration'
import { formatLabelSelector, formatLabels, selectorString } from './labelFormat'

// Mirrors pkg/printers/internalversion/printers.go: one row function per kind.

/** loadBalancerWidth: LoadBalancer and Ingress addresses are clipped to 16 bytes unless wide. */
const LOAD_BALANCER_WIDTH = 16

/** layoutContainerCells: container names and images, comma-joined. */
function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')]
}

/** Deployment: NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR). */
export function deploymentRow(obj: Deployment, nowMs: number, wide: boolean): string[] {
  // The API server defaults spec.replicas to 1.
  const desired = obj.spec?.replicas ?? 1
  const s = obj.status ?? {}
  const cells = [
    obj.metadata?.name ?? '',
    `${s.readyReplicas ?? 0}/${desired}`,
    String(s.updatedReplicas ?? 0),
    String(s.availableReplicas ?? 0),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
  if (wide) {
    cells.push(...layoutContainerCells(obj.spec?.template.spec?.containers))
    cells.push(selectorString(obj.spec?.selector))
  }
  return cells
}

/** ReplicaSet: NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). */
export function replicaSetRow(obj: ReplicaSet, nowMs: number, wide: boolean): string[] {
  const s = obj.status
  const cells = [
    obj.metadata?.name ?? '',
    String(obj.spec?.replicas ?? 1),
    String(s?.replicas ?? 0),
    String(s?.readyReplicas ?? 0),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
  if (wide) {
    cells.push(...layoutContainerCells(obj.spec?.template?.spec?.containers))
    cells.push(formatLabelSelector(obj.spec?.selector))
  }
  return cells
}

/** loadBalancerStatusStringer: unique IPs or hostnames, sorted, clipped unless wide. */
function loadBalancerStatusStringer(status: LoadBalancerStatus | undefined, wide: boolean): string {
  const result = new Set<string>()
  for (const ingress of status?.ingress ?? []) {
    if (ingress.ip) result.add(ingress.ip)
    else if (ingress.hostname) result.add(ingress.hostname)
  }
  let r = [...result].sort().join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`
  return r
}

/** getServiceExternalIP: `<none>`, `<pending>`, load-balancer addresses or the ExternalName. */
function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? []
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc.status?.loadBalancer, wide)
      if (externalIPs.length > 0) {
        return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',')
      }
      return lbIps || '<pending>'
    }
    case 'ExternalName':
      return svc.spec.externalName ?? ''
  }
  return '<unknown>'
}

/** makePortString: `80/TCP`, or `80:30080/TCP` with a node port. */
function makePortString(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) =>
      p.nodePort && p.nodePort > 0
        ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}`
        : `${p.port}/${p.protocol ?? ''}`,
    )
    .join(',')
}

/** Service: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR). */
export function serviceRow(obj: Service, nowMs: number, wide: boolean): string[] {
  const cells = [
    obj.metadata?.name ?? '',
    obj.spec?.type ?? '',
    obj.spec?.clusterIPs?.[0] ?? '<none>',
    serviceExternalIP(obj, wide),
    makePortString(obj) || '<none>',
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
  if (wide) cells.push(formatLabels(obj.spec?.selector))
  return cells
}

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
const NODE_LABEL_ROLE = 'kubernetes.io/role'

/** findNodeRoles: from node-role.kubernetes.io/<role> keys and kubernetes.io/role values. */
function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v)
    }
  }
  return [...roles].sort()
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
}

/** Node: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME). */
export function nodeRow(obj: Node, nowMs: number, wide: boolean): string[] {
  const status: string[] = []
  // Only the Ready condition is shown (NodeAllConditions); the last one of that type wins.
  const ready = [...(obj.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready')
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  if (status.length === 0) status.push('Unknown')
  if (obj.spec?.unschedulable) status.push('SchedulingDisabled')
  const roles = findNodeRoles(obj).join(',') || '<none>'
  const info = obj.status?.nodeInfo
  const cells = [
    obj.metadata?.name ?? '',
    status.join(','),
    roles,
    age(obj.metadata?.creationTimestamp, nowMs),
    info?.kubeletVersion ?? '',
  ]
  if (wide) {
    cells.push(
      nodeAddress(obj, 'InternalIP'),
      nodeAddress(obj, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    )
  }
  return cells
}

/** Namespace: NAME STATUS AGE. */
export function namespaceRow(obj: Namespace, nowMs: number): string[] {
  return [
    obj.metadata?.name ?? '',
    obj.status?.phase ?? '',
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}

/** net.JoinHostPort: IPv6 addresses go in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** formatEndpoints: the first three `ip:port` pairs, then ` + N more...`. */
export function formatEndpoints(obj: Endpoints): string {
  const subsets = obj.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    const ports = ss.ports ?? []
    if (ports.length === 0) {
      // Headless services may have addresses without ports.
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(addr.ip)
      }
      continue
    }
    for (const port of ports) {
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(joinHostPort(addr.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** Endpoints: NAME ENDPOINTS AGE. */
export function endpointsRow(obj: Endpoints, nowMs: number): string[] {
  return [
    obj.metadata?.name ?? '',
    formatEndpoints(obj),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}

/** ConfigMap: NAME DATA AGE; DATA counts data and binaryData keys. */
export function configMapRow(obj: ConfigMap, nowMs: number): string[] {
  const count = Object.keys(obj.data ?? {}).length + Object.keys(obj.binaryData ?? {}).length
  return [obj.metadata?.name ?? '', String(count), age(obj.metadata?.creationTimestamp, nowMs)]
}

/** Secret: NAME TYPE DATA AGE. */
export function secretRow(obj: Secret, nowMs: number): string[] {
  return [
    obj.metadata?.name ?? '',
    obj.type ?? '',
    String(Object.keys(obj.data ?? {}).length),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}

/** ServiceAccount: NAME SECRETS AGE. */
export function serviceAccountRow(obj: ServiceAccount, nowMs: number): string[] {
  return [
    obj.metadata?.name ?? '',
    String(obj.secrets?.length ?? 0),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}

/** formatEventSource: component (or reportingController), then `, host` when known. */
function formatEventSource(obj: Event): string {
  const component = obj.source?.component || obj.reportingComponent || ''
  const instance = obj.source?.host || obj.reportingInstance || ''
  return instance ? `${component}, ${instance}` : component
}

/** Event: LAST SEEN TYPE REASON OBJECT MESSAGE (+ SUBOBJECT SOURCE, FIRST SEEN COUNT NAME). */
export function eventRow(obj: Event, nowMs: number, wide: boolean): string[] {
  const firstTimestamp = obj.firstTimestamp
    ? age(obj.firstTimestamp, nowMs)
    : age(obj.eventTime, nowMs)
  let lastTimestamp = obj.lastTimestamp ? age(obj.lastTimestamp, nowMs) : firstTimestamp
  let count = obj.count ?? 0
  if (obj.series) {
    lastTimestamp = age(obj.series.lastObservedTime, nowMs)
    count = obj.series.count ?? 0
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1
  }
  const involved = obj.involvedObject
  const kind = (involved.kind ?? '').toLowerCase()
  const target = involved.name ? `${kind}/${involved.name}` : kind
  const message = (obj.message ?? '').trim()
  if (wide) {
    return [
      lastTimestamp,
      obj.type ?? '',
      obj.reason ?? '',
      target,
      involved.fieldPath ?? '',
      formatEventSource(obj),
      message,
      firstTimestamp,
      String(count),
      obj.metadata.name ?? '',
    ]
  }
  return [lastTimestamp, obj.type ?? '', obj.reason ?? '', target, message]
}

/** formatHPAMetrics: `cpu: 40%/80%`, at most two metrics then ` + N more...`. */
export function formatHPAMetrics(
  specs: MetricSpec[] | undefined,
  statuses: MetricStatus[] | undefined,
): string {
  if (!specs || specs.length === 0) return '<none>'
  const list: string[] = []
  const max = 2
  const current = statuses ?? []
  specs.forEach((spec, i) => {
    const status = current[i]
    switch (spec.type) {
      case 'External': {
        const t = spec.external?.target
        if (t?.averageValue !== undefined) {
          const cur = status?.external?.current.averageValue ?? '<unknown>'
          list.push(`${cur}/${t.averageValue} (avg)`)
        } else {
          const cur = status?.external ? (status.external.current.value ?? '0') : '<unknown>'
          list.push(`${cur}/${t?.value ?? '0'}`)
        }
        break
      }
      case 'Pods': {
        const cur = status?.pods ? (status.pods.current.averageValue ?? '0') : '<unknown>'
        list.push(`${cur}/${spec.pods?.target.averageValue ?? '0'}`)
        break
      }
      case 'Object': {
        const t = spec.object?.target
        if (t?.averageValue !== undefined) {
          const cur = status?.object?.current.averageValue ?? '<unknown>'
          list.push(`${cur}/${t.averageValue} (avg)`)
        } else {
          const cur = status?.object ? (status.object.current.value ?? '0') : '<unknown>'
          list.push(`${cur}/${t?.value ?? '0'}`)
        }
        break
      }
      case 'Resource':
      case 'ContainerResource': {
        const source = spec.type === 'Resource' ? spec.resource : spec.containerResource
        const st = spec.type === 'Resource' ? status?.resource : status?.containerResource
        const name = source?.name ?? ''
        if (source?.target.averageValue !== undefined) {
          const cur = st ? (st.current.averageValue ?? '0') : '<unknown>'
          list.push(`${name}: ${cur}/${source.target.averageValue}`)
        } else {
          const util = st?.current.averageUtilization
          const cur = util !== undefined ? `${util}%` : '<unknown>'
          const target = source?.target.averageUtilization
          list.push(`${name}: ${cur}/${target !== undefined ? `${target}%` : '<auto>'}`)
        }
        break
      }
      default:
        list.push('<unknown type>')
    }
  })
  const ret = list.slice(0, max).join(', ')
  return list.length > max ? `${ret} + ${list.length - max} more...` : ret
}

/** HorizontalPodAutoscaler: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export function hpaRow(obj: HorizontalPodAutoscaler, nowMs: number): string[] {
  const ref = obj.spec?.scaleTargetRef
  return [
    obj.metadata?.name ?? '',
    `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
    formatHPAMetrics(obj.spec?.metrics, obj.status?.currentMetrics),
    obj.spec?.minReplicas !== undefined ? String(obj.spec.minReplicas) : '<unset>',
    String(obj.spec?.maxReplicas ?? 0),
    String(obj.status?.currentReplicas ?? 0),
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}

/** formatHosts: up to three rule hosts, `*` when none. */
function formatHosts(obj: Ingress): string {
  const rules = obj.spec?.rules ?? []
  const list: string[] = []
  const max = 3
  let more = false
  for (const rule of rules) {
    if (list.length === max) more = true
    if (!more && rule.host) list.push(rule.host)
  }
  if (list.length === 0) return '*'
  const ret = list.join(',')
  return more ? `${ret} + ${rules.length - max} more...` : ret
}

/** Ingress: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export function ingressRow(obj: Ingress, nowMs: number, wide: boolean): string[] {
  return [
    obj.metadata?.name ?? '',
    obj.spec?.ingressClassName ?? '<none>',
    formatHosts(obj),
    loadBalancerStatusStringer(obj.status?.loadBalancer, wide),
    (obj.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    age(obj.metadata?.creationTimestamp, nowMs),
  ]
}
