/**
 * The endpoints controller: for every Service with a selector, an Endpoints object of the same
 * name listing the matching pods' addresses (ready ones in addresses, others in
 * notReadyAddresses), the service ports resolved on each pod, repacked into canonical subsets.
 * Services without a selector are left to whoever writes their Endpoints.
 * Mirrors pkg/controller/endpoint/endpoints_controller.go
 */
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import { deepCopy, deepEqual } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import { startController, type ReconcileResult } from '../runtime/controller'
import { keyOf, splitKey } from '../runtime/informer'
import {
  endpointPortFromServicePort,
  findPort,
  isPodReady,
  podEndpointsChanged,
  podToEndpointAddress,
  selectorMatches,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './podEndpoints'
import { repackSubsets } from './repackSubsets'
import { createTriggerTimeTracker } from './triggerTimeTracker'

type PodObject = Pod & StoredObject
type ServiceObject = Service & StoredObject
type EndpointsObject = Endpoints & StoredObject

/** The event source component, as kube-controller-manager names it. */
export const endpointsComponent = 'endpoint-controller'
/** v1.EndpointsLastChangeTriggerTime */
export const lastChangeTriggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time'
/** v1.EndpointsOverCapacity */
export const overCapacityAnnotation = 'endpoints.kubernetes.io/over-capacity'
/** v1.IsHeadlessService */
export const headlessServiceLabel = 'service.kubernetes.io/headless'
/** The most addresses an Endpoints object holds; more are truncated. */
export const maxCapacity = 1000
/** Retries before a Service is dropped from the queue (until its next change). */
export const maxRetries = 15

/** The running controller. */
export interface EndpointsController {
  stop(): void
}

// An index of pods by namespace and label, so a Service's pods are found without a scan.
const labelIndex = 'endpoints:label'
const labelIndexValue = (ns: string, k: string, v: string): string => `${ns}\u0000${k}=${v}`

/** A selector as upstream sees it: an empty map was dropped by the API (omitempty), so it selects nothing. */
function selectorOf(svc: Service): Record<string, string> | undefined {
  const sel = svc.spec?.selector
  return sel && Object.keys(sel).length > 0 ? sel : undefined
}

function addressCount(subsets: readonly EndpointSubset[]): { ready: number; notReady: number } {
  let ready = 0
  let notReady = 0
  for (const s of subsets) {
    ready += s.addresses?.length ?? 0
    notReady += s.notReadyAddresses?.length ?? 0
  }
  return { ready, notReady }
}

/** Ready addresses first, each subset keeping its share (rounded up) of the capacity left. */
// Mirrors endpoints_controller.go truncateEndpoints
function truncate(subsets: EndpointSubset[]): boolean {
  const { ready, notReady } = addressCount(subsets)
  if (ready + notReady <= maxCapacity) return false
  const truncateReady = ready > maxCapacity
  const max = truncateReady ? maxCapacity : maxCapacity - ready
  const numTotal = truncateReady ? ready : notReady
  let canBeAdded = max
  for (const s of subsets) {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0)
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded)
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, toBeAdded)
      delete s.notReadyAddresses
      canBeAdded -= s.addresses.length
      if (!s.addresses.length) delete s.addresses
    } else {
      if (s.notReadyAddresses) s.notReadyAddresses = s.notReadyAddresses.slice(0, toBeAdded)
      canBeAdded -= s.notReadyAddresses?.length ?? 0
      if (s.notReadyAddresses && !s.notReadyAddresses.length) delete s.notReadyAddresses
    }
  }
  return true
}

function withoutHeadlessLabel(labels: Record<string, string> | undefined): Record<string, string> {
  const out = { ...(labels ?? {}) }
  delete out[headlessServiceLabel]
  return out
}

/** The subsets for a Service from its pods. */
function buildSubsets(svc: ServiceObject, pods: readonly PodObject[]): EndpointSubset[] {
  const subsets: EndpointSubset[] = []
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true
  const ports = svc.spec?.ports ?? []
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue
    const addr = podToEndpointAddress(svc, pod)
    if (!addr) continue
    const epa: EndpointAddress = shouldSetHostname(pod, svc) ? { ip: addr.ip, hostname: pod.spec?.hostname, nodeName: addr.nodeName, targetRef: addr.targetRef } : addr
    const add = (epp: EndpointPort | undefined): void => {
      const p = epp ? [epp] : []
      if (tolerateUnready || isPodReady(pod)) subsets.push({ addresses: [epa], ports: p })
      else subsets.push({ notReadyAddresses: [epa], ports: p })
    }
    // A headless Service may have no ports.
    if (ports.length === 0) {
      if (svc.spec?.clusterIP === 'None') add(undefined)
      continue
    }
    for (const sp of ports) {
      const portNum = findPort(pod, sp)
      if (portNum === undefined) continue
      add(endpointPortFromServicePort(sp, portNum))
    }
  }
  return repackSubsets(subsets)
}

/** Start the endpoints controller. */
export function startEndpointsController(ctx: ComponentContext): EndpointsController {
  let stopped = false
  const services = ctx.informers.informer<ServiceObject>('Service')
  const pods = ctx.informers.informer<PodObject>('Pod')
  const endpoints = ctx.informers.informer<EndpointsObject>('Endpoints')
  const recorder = ctx.events(endpointsComponent)
  const tracker = createTriggerTimeTracker()

  pods.addIndex(labelIndex, (p) => Object.entries(p.metadata.labels ?? {}).map(([k, v]) => labelIndexValue(p.metadata.namespace ?? '', k, v)))

  function podsFor(svc: ServiceObject): PodObject[] {
    const selector = selectorOf(svc)
    if (!selector) return []
    const ns = svc.metadata.namespace ?? ''
    const [first] = Object.entries(selector)
    if (!first) return []
    // In informer order (deterministic); repacking sorts the addresses.
    return pods.byIndex(labelIndex, labelIndexValue(ns, first[0], first[1])).filter((p) => selectorMatches(selector, p.metadata.labels))
  }

  function servicesFor(namespace: string, labels: Record<string, string> | undefined): Set<string> {
    const out = new Set<string>()
    for (const svc of services.listNamespace(namespace)) if (selectorMatches(selectorOf(svc), labels)) out.add(keyOf(svc))
    return out
  }

  function syncService(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key)
    const svc = services.get(key)
    if (!svc) {
      // The Service is gone: so are its Endpoints.
      const res = ctx.client.delete('Endpoints', namespace, name)
      if (!res.ok && res.status.code !== 404) return { retry: res.status.message ?? 'delete failed' }
      tracker.deleteService(namespace, name)
      return
    }
    if (svc.spec?.type === 'ExternalName') return
    if (!selectorOf(svc)) return

    const matching = podsFor(svc)
    const triggerTime = tracker.compute(namespace, svc, matching)
    const subsets = buildSubsets(svc, matching)

    const current = endpoints.get(key)
    const create = !current
    const currentSubsets = current?.subsets ?? []
    const svcLabels = svc.metadata.labels ?? {}
    const { ready: currentCount, notReady: currentNotReady } = addressCount(currentSubsets)
    const capacityOk = currentCount + currentNotReady <= maxCapacity && !(current?.metadata.annotations ?? {})[overCapacityAnnotation]
    if (!create && deepEqual(currentSubsets, subsets) && deepEqual(withoutHeadlessLabel(current.metadata.labels), svcLabels) && capacityOk) return

    const next: EndpointsObject = current ? deepCopy(current) : ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } } as EndpointsObject)
    const annotations: Record<string, string> = { ...(next.metadata.annotations ?? {}) }
    if (triggerTime !== undefined) annotations[lastChangeTriggerTimeAnnotation] = formatTime(triggerTime)
    else delete annotations[lastChangeTriggerTimeAnnotation]
    if (truncate(subsets)) annotations[overCapacityAnnotation] = 'truncated'
    else delete annotations[overCapacityAnnotation]
    const labels = withoutHeadlessLabel(svcLabels)
    const clusterIP = svc.spec?.clusterIP
    if (!clusterIP || clusterIP === 'None') labels[headlessServiceLabel] = ''
    if (Object.keys(labels).length) next.metadata.labels = labels
    else delete next.metadata.labels
    if (Object.keys(annotations).length) next.metadata.annotations = annotations
    else delete next.metadata.annotations
    if (subsets.length) next.subsets = subsets
    else delete next.subsets

    const res = create ? ctx.client.create('Endpoints', namespace, next) : ctx.client.update('Endpoints', next)
    if (res.ok) return
    // Creating in a Terminating namespace keeps failing: drop the item.
    if (create && res.status.code === 403 && (res.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')) return
    const msg = res.status.message ?? ''
    if (create) recorder.event(next, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${msg}`)
    else recorder.event(next, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${msg}`)
    return { retry: msg }
  }

  const controller = startController(
    ctx.clock,
    'endpoint',
    (key) => {
      if (stopped) return
      const result = syncService(key)
      if (result && 'retry' in result && controller.queue.numRequeues(key) >= maxRetries) {
        // Upstream drops a Service after maxRetries; its next change queues it again.
        ctx.onError('endpoint', key, `Dropping service out of the queue: ${result.retry}`)
        return
      }
      return result
    },
    ctx.onError,
  )
  const enqueue = (key: string): void => {
    if (!stopped) controller.queue.add(key)
  }

  services.addHandlers({ add: (s) => enqueue(keyOf(s)), update: (_o, s) => enqueue(keyOf(s)), delete: (s) => enqueue(keyOf(s)) })
  endpoints.addHandlers({ delete: (e) => enqueue(keyOf(e)) })
  const podMembership = (p: PodObject): void => {
    for (const k of servicesFor(p.metadata.namespace ?? '', p.metadata.labels)) enqueue(k)
  }
  pods.addHandlers({
    add: podMembership,
    delete: podMembership,
    update(oldPod, newPod) {
      // Mirrors controller_utils.go GetPodUpdateProjectionKey and GetServicesToUpdate
      if (oldPod.metadata.resourceVersion === newPod.metadata.resourceVersion) return
      const { podChanged, labelsChanged } = podEndpointsChanged(oldPod, newPod)
      if (!podChanged && !labelsChanged) return
      const ns = newPod.metadata.namespace ?? ''
      const now = servicesFor(ns, newPod.metadata.labels)
      if (!labelsChanged) {
        for (const k of now) enqueue(k)
        return
      }
      const before = servicesFor(ns, oldPod.metadata.labels)
      for (const k of now) if (podChanged || !before.has(k)) enqueue(k)
      for (const k of before) if (podChanged || !now.has(k)) enqueue(k)
    },
  })
  // Endpoints left behind by a Service deleted while the controller was down (checkLeftoverEndpoints).
  for (const ep of endpoints.list()) enqueue(keyOf(ep))

  return {
    stop: () => {
      stopped = true
    },
  }
}
