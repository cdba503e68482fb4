/**
 * The node lifecycle controller: every monitor period it checks each node's heartbeats (its
 * node lease renewals and its status); a node silent in both past the grace period goes Unknown, its pods are marked not Ready, and (rate limited
 * per zone, paused when whole zones are down) it gets the NoExecute taint that lets the taint
 * eviction controller evict its pods. Condition and cordon NoSchedule taints follow every
 * node change. A recovered node loses its taints.
 * Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go
 */
import type { NodeCondition } from 'kubernetes-types/core/v1'
import type { TimerId } from '../../clock'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'
import { keyOf } from '../runtime/informer'
import { doNoScheduleTaintingPass, reconcileNodeLabels } from './noScheduleTaints'
import { namespaceNodeLease, tryUpdateNodeHealth, type HealthCheck, type LeaseObject, type NodeHealthData } from './nodeHealth'
import { markPodsNotReady, type PodObject } from './podConditions'
import { podsAssignedToNode } from './podsByNode'
import { createRateLimitedTimedQueue, type ActionResult, type RateLimitedTimedQueue } from './rateLimitedQueue'
import { startTaintEvictionController, type TaintEvictionController } from './taintEviction'
import { notReadyTaint, removeTaintOffNode, swapNodeControllerTaint, taintExists, unreachableTaint, type NodeObject } from './taints'
import { computeZoneState, getZoneKey, zoneQps, type ZoneState } from './zones'

/** kube-controller-manager's node lifecycle settings (defaults as v1.30's). */
export interface NodeLifecycleOptions {
  /** --node-monitor-period: how often node health is checked (5 s). */
  nodeMonitorPeriodMs?: number
  /** --node-monitor-grace-period: silence before a node goes Unknown (40 s in v1.30). */
  nodeMonitorGracePeriodMs?: number
  /** --node-startup-grace-period: for a node that never posted its Ready condition (60 s). */
  nodeStartupGracePeriodMs?: number
  /** --node-eviction-rate: nodes tainted per second per healthy zone (0.1). */
  evictionLimiterQps?: number
  /** --secondary-node-eviction-rate: in partially disrupted large zones (0.01). */
  secondaryEvictionLimiterQps?: number
  /** --large-cluster-size-threshold (50). */
  largeClusterSizeThreshold?: number
  /** --unhealthy-zone-threshold (0.55). */
  unhealthyZoneThreshold?: number
  /** Also run the taint eviction controller (a separate controller in v1.30; default true). */
  taintEviction?: boolean
}

/** The defaults of NodeLifecycleOptions. */
export const nodeLifecycleDefaults: Required<NodeLifecycleOptions> = {
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 40_000,
  nodeStartupGracePeriodMs: 60_000,
  evictionLimiterQps: 0.1,
  secondaryEvictionLimiterQps: 0.01,
  largeClusterSizeThreshold: 50,
  unhealthyZoneThreshold: 0.55,
  taintEviction: true,
}

/** The event source component, as kube-controller-manager names it. */
export const nodeControllerComponent = 'node-controller'
/** How often the NoExecute tainting pass runs when it has work (scheduler.NodeEvictionPeriod). */
export const nodeEvictionPeriodMs = 100
/** Label that keeps a node out of zone disruption counts. */
export const labelNodeDisruptionExclusion = 'node.kubernetes.io/exclude-disruption'
// scheduler.NodeHealthUpdateRetry
const nodeHealthUpdateRetry = 5

/** The running controller. */
export interface NodeLifecycleController {
  stop(): void
  /** The taint eviction controller started with it, if any. */
  taintEviction: TaintEvictionController | undefined
}

const readyOf = (n: NodeObject): NodeCondition | undefined => n.status?.conditions?.find((c) => c.type === 'Ready')
const byName = (a: NodeObject, b: NodeObject): number => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0)

/** Start the node lifecycle controller (and, unless told otherwise, the taint eviction controller). */
export function startNodeLifecycleController(ctx: ComponentContext, options: NodeLifecycleOptions = {}): NodeLifecycleController {
  const o = { ...nodeLifecycleDefaults, ...options }
  const { clock } = ctx
  let stopped = false
  const nodes = ctx.informers.informer<NodeObject>('Node')
  const pods = ctx.informers.informer<PodObject>('Pod')
  // The lease lister: read at each check, no handlers (upstream's leaseLister).
  const leases = ctx.informers.informer<LeaseObject>('Lease')
  const podsOn = podsAssignedToNode(pods)
  const recorder = ctx.events(nodeControllerComponent)
  const health = new Map<string, NodeHealthData>()
  const knownNodes = new Map<string, NodeObject>()
  const zoneStates = new Map<string, ZoneState>()
  const zoneTainter = new Map<string, RateLimitedTimedQueue>()
  const nodesToRetry = new Set<string>()
  const startedAt = clock.now()
  const taintEviction = o.taintEviction ? startTaintEvictionController(ctx) : undefined

  const nodeRef = (n: NodeObject) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.metadata.name, uid: n.metadata.uid } })
  // Mirrors pkg/controller/util/node RecordNodeEvent and RecordNodeStatusChange.
  const recordNodeEvent = (n: NodeObject, reason: string, event: string): void => recorder.event(nodeRef(n), 'Normal', reason, `Node ${n.metadata.name} event: ${event}`)
  const recordStatusChange = (n: NodeObject, status: string): void => recorder.event(nodeRef(n), 'Normal', status, `Node ${n.metadata.name} status is now: ${status}`)

  function tainterFor(zone: string): RateLimitedTimedQueue {
    let q = zoneTainter.get(zone)
    if (!q) zoneTainter.set(zone, (q = createRateLimitedTimedQueue(o.evictionLimiterQps, clock.now())))
    return q
  }

  // Mirrors addPodEvictorForNewZone.
  function addZone(node: NodeObject): void {
    const zone = getZoneKey(node)
    if (zoneStates.has(zone)) return
    zoneStates.set(zone, 'Initial')
    zoneTainter.set(zone, createRateLimitedTimedQueue(o.evictionLimiterQps, clock.now()))
  }

  // Mirrors markNodeAsReachable: the NoExecute taints go and the node leaves its zone's queue.
  function markNodeAsReachable(node: NodeObject): boolean {
    const taints = node.spec?.taints
    for (const t of taints?.length ? [unreachableTaint, notReadyTaint] : []) {
      const err = removeTaintOffNode(ctx, node.metadata.name, node, [t])
      if (err !== undefined) {
        ctx.onError('node-lifecycle-controller', node.metadata.name, `Failed to remove taints from node: ${err}`)
        return false
      }
    }
    return tainterFor(getZoneKey(node)).remove(node.metadata.name)
  }

  // Mirrors markNodeForTainting.
  function markNodeForTainting(node: NodeObject, status: 'False' | 'Unknown'): boolean {
    const q = tainterFor(getZoneKey(node))
    if (!taintExists(node.spec?.taints, status === 'False' ? notReadyTaint : unreachableTaint)) q.remove(node.metadata.name)
    return q.add(node.metadata.name, node.metadata.uid, clock.now())
  }

  // Mirrors processTaintBaseEviction: acts on the Ready condition as it was before this check.
  function processTaintBaseEviction(node: NodeObject, observed: NodeCondition): void {
    if (observed.status === 'False') {
      if (taintExists(node.spec?.taints, unreachableTaint)) swapNodeControllerTaint(ctx, [notReadyTaint], [unreachableTaint], node)
      else markNodeForTainting(node, 'False')
    } else if (observed.status === 'Unknown') {
      if (taintExists(node.spec?.taints, notReadyTaint)) swapNodeControllerTaint(ctx, [unreachableTaint], [notReadyTaint], node)
      else markNodeForTainting(node, 'Unknown')
    } else if (observed.status === 'True') {
      markNodeAsReachable(node)
    }
  }

  function checkHealth(node: NodeObject): HealthCheck | undefined {
    let current = node
    const lease = leases.get(`${namespaceNodeLease}/${node.metadata.name}`)
    for (let attempt = 0; attempt < nodeHealthUpdateRetry; attempt++) {
      const check = tryUpdateNodeHealth(ctx, health, current, lease, o)
      if (check.error === undefined) return check
      const got = ctx.client.get<NodeObject>('Node', undefined, node.metadata.name)
      if (!got.ok) break
      current = got.object
    }
    ctx.onError('node-lifecycle-controller', node.metadata.name, 'Update health of Node from Controller error, Skipping - no pods will be evicted')
    return undefined
  }

  // Mirrors monitorNodeHealth.
  function monitorNodeHealth(): void {
    // The informer's order is the order nodes were added: deterministic, without a sort per pass.
    const all = nodes.list()
    const added: NodeObject[] = []
    for (const node of all) {
      if (!knownNodes.has(node.metadata.name)) added.push(node)
      else addZone(node)
    }
    // Mirrors classifyNodes: deletions are looked for only when the counts disagree.
    if (knownNodes.size + added.length !== all.length) {
      const present = new Set(all.map((n) => n.metadata.name))
      for (const [name, node] of knownNodes) {
        if (present.has(name)) continue
        recordNodeEvent(node, 'RemovingNode', `Removing Node ${name} from Controller`)
        knownNodes.delete(name)
      }
    }
    for (const node of added.sort(byName)) {
      recordNodeEvent(node, 'RegisteredNode', `Registered Node ${node.metadata.name} in Controller`)
      knownNodes.set(node.metadata.name, node)
      addZone(node)
      markNodeAsReachable(node)
    }

    const zoneToConditions = new Map<string, (NodeCondition | undefined)[]>()
    for (const listed of all) {
      const check = checkHealth(listed)
      if (!check) continue
      const node = check.node
      if (!(node.metadata.labels ?? {})[labelNodeDisruptionExclusion]) {
        const zone = getZoneKey(node)
        const list = zoneToConditions.get(zone) ?? []
        list.push(check.currentReady)
        zoneToConditions.set(zone, list)
      }
      if (check.currentReady) {
        processTaintBaseEviction(node, check.observedReady)
        const needsRetry = nodesToRetry.has(node.metadata.name)
        const wentNotReady = check.currentReady.status !== 'True' && check.observedReady.status === 'True'
        if (wentNotReady) recordStatusChange(node, 'NodeNotReady')
        if (wentNotReady || (needsRetry && check.observedReady.status !== 'True')) {
          const errors = markPodsNotReady(ctx, recorder, podsOn(node.metadata.name), node.metadata.name)
          if (errors.length) {
            ctx.onError('node-lifecycle-controller', node.metadata.name, `unable to mark all pods NotReady on node ${node.metadata.name}: ${errors.join(', ')}; queuing for retry`)
            nodesToRetry.add(node.metadata.name)
            continue
          }
        }
      }
      nodesToRetry.delete(node.metadata.name)
    }
    handleDisruption(zoneToConditions, all)
  }

  // Mirrors handleDisruption: whole zones down stop evictions; partial disruption slows them.
  function handleDisruption(zoneToConditions: Map<string, (NodeCondition | undefined)[]>, all: readonly NodeObject[]): void {
    const newStates = new Map<string, ZoneState>()
    let allAreFullyDisrupted = true
    for (const [zone, conditions] of zoneToConditions) {
      const { state } = computeZoneState(conditions, o.unhealthyZoneThreshold)
      if (state !== 'FullDisruption') allAreFullyDisrupted = false
      newStates.set(zone, state)
      if (!zoneStates.has(zone)) zoneStates.set(zone, 'Initial')
    }
    let allWasFullyDisrupted = true
    for (const [zone, state] of zoneStates) {
      if (!zoneToConditions.has(zone)) {
        zoneStates.delete(zone)
        continue
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false
        break
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return
    if (allAreFullyDisrupted) {
      // Every node down looks like a control-plane network problem: evict nothing.
      for (const node of all) markNodeAsReachable(node)
      for (const zone of zoneStates.keys()) tainterFor(zone).swapLimiter(0, clock.now())
      for (const zone of zoneStates.keys()) zoneStates.set(zone, 'FullDisruption')
      return
    }
    if (allWasFullyDisrupted) {
      const now = clock.now()
      for (const node of all) {
        const h = health.get(node.metadata.name)
        if (h) health.set(node.metadata.name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now })
      }
      for (const zone of [...zoneStates.keys()]) {
        const state = newStates.get(zone) ?? 'Initial'
        setLimiterInZone(zone, zoneToConditions.get(zone)?.length ?? 0, state)
        zoneStates.set(zone, state)
      }
      return
    }
    for (const [zone, state] of [...zoneStates]) {
      const next = newStates.get(zone) ?? 'Initial'
      if (state === next) continue
      setLimiterInZone(zone, zoneToConditions.get(zone)?.length ?? 0, next)
      zoneStates.set(zone, next)
    }
  }

  function setLimiterInZone(zone: string, size: number, state: ZoneState): void {
    const qps = zoneQps(state, size, o)
    if (qps !== undefined) tainterFor(zone).swapLimiter(qps, clock.now())
  }

  // Mirrors doNoExecuteTaintingPass: not-ready and unreachable taints are mutually exclusive, as Ready's states are.
  function doNoExecuteTaintingPass(): void {
    for (const q of zoneTainter.values()) {
      q.try(clock.now(), (v): ActionResult => {
        const node = nodes.get(v.value)
        if (!node) return { done: true }
        const ready = readyOf(node)
        if (!ready) return { done: false, waitMs: 50 }
        if (ready.status === 'False') return swapNodeControllerTaint(ctx, [notReadyTaint], [unreachableTaint], node) ? { done: true } : { done: false, waitMs: 0 }
        if (ready.status === 'Unknown') return swapNodeControllerTaint(ctx, [unreachableTaint], [notReadyTaint], node) ? { done: true } : { done: false, waitMs: 0 }
        return { done: true }
      })
    }
  }

  // The tainting pass runs on upstream's 100 ms ticks, but only when a queue has work.
  let taintTimer: TimerId | undefined
  let taintAt: number | undefined
  const onTick = (t: number): number => startedAt + Math.ceil((t - startedAt) / nodeEvictionPeriodMs) * nodeEvictionPeriodMs
  function scheduleTainting(): void {
    let at: number | undefined
    for (const q of zoneTainter.values()) {
      const t = q.nextTryAt(clock.now())
      if (t !== undefined && (at === undefined || t < at)) at = t
    }
    if (at === undefined) return
    at = onTick(at)
    if (taintAt !== undefined && taintAt <= at) return
    if (taintTimer !== undefined) clock.cancel(taintTimer)
    taintAt = at
    taintTimer = clock.at(at, 'node-lifecycle-controller tainting', () => {
      taintAt = undefined
      taintTimer = undefined
      if (stopped) return
      doNoExecuteTaintingPass()
      scheduleTainting()
    })
  }

  const monitor = (): void => {
    if (stopped) return
    monitorNodeHealth()
    scheduleTainting()
    clock.after(o.nodeMonitorPeriodMs, 'node-lifecycle-controller monitor', monitor)
  }
  clock.after(0, 'node-lifecycle-controller monitor', monitor)

  // Condition and cordon taints, and labels, on every node change (doNodeProcessingPassWorker).
  const nodeCtl = startController(
    clock,
    'node-lifecycle-controller',
    (name) => {
      if (stopped) return
      const node = nodes.get(name)
      if (!node) return
      const err = doNoScheduleTaintingPass(ctx, node)
      if (err !== undefined) ctx.onError('node-lifecycle-controller', name, `Failed to taint NoSchedule on node, requeue it: ${err}`)
      const latest = nodes.get(name)
      const labelErr = latest ? reconcileNodeLabels(ctx, latest) : undefined
      if (labelErr !== undefined) ctx.onError('node-lifecycle-controller', name, `Failed to reconcile labels for node, requeue it: ${labelErr}`)
    },
    ctx.onError,
  )

  // Pods bound to a node already not Ready are marked not Ready at once (processPod).
  const podCtl = startController(
    clock,
    'node-lifecycle-controller-pods',
    (key) => {
      if (stopped) return
      const pod = pods.get(key)
      if (!pod) return
      const nodeName = pod.spec?.nodeName ?? ''
      const h = health.get(nodeName)
      if (!h) return
      if (!nodes.get(nodeName)) return { retry: `Failed to read node ${nodeName}` }
      const ready = h.status?.conditions?.find((c) => c.type === 'Ready')
      if (!ready || ready.status === 'True') return
      const errors = markPodsNotReady(ctx, recorder, [pod], nodeName)
      if (errors.length) return { retry: `Unable to mark pod NotReady on node: ${errors.join(', ')}` }
      return undefined
    },
    ctx.onError,
  )

  nodes.addHandlers({
    add: (n) => stopped || nodeCtl.queue.add(n.metadata.name),
    update: (_old, n) => stopped || nodeCtl.queue.add(n.metadata.name),
    delete: (n) => nodesToRetry.delete(n.metadata.name),
  })
  pods.addHandlers({
    add: (p) => {
      if (!stopped && p.spec?.nodeName) podCtl.queue.add(keyOf(p))
    },
    update: (old, p) => {
      if (!stopped && p.spec?.nodeName && p.spec.nodeName !== old.spec?.nodeName) podCtl.queue.add(keyOf(p))
    },
  })

  return {
    stop: () => {
      stopped = true
      if (taintTimer !== undefined) clock.cancel(taintTimer)
      taintEviction?.stop()
    },
    taintEviction,
  }
}
