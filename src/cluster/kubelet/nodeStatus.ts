/**
 * The node side of a kubelet: registering its Node, checking its status every 10 seconds
 * (nodeStatusUpdateFrequency) and posting it only when it changed or every 5 minutes
 * (nodeStatusReportFrequency), and the node events a starting kubelet records. The heartbeat
 * itself is the node lease (nodeLease.ts), renewed in the same 10 s slot.
 * Mirrors pkg/kubelet/kubelet_node_status.go (registerWithAPIServer, tryUpdateNodeStatus,
 * nodeStatusHasChanged) and pkg/kubelet/nodestatus/setters.go (the condition setters and
 * their events)
 */
import type { NodeCondition as ApiNodeCondition } from 'kubernetes-types/core/v1'
import { compareQuantities } from '../api/quantity'
import type { StoredObject } from '../api/types'
import { formatTime } from '../clock'
import type { ComponentContext } from '../controllers/runtime/context'
import type { EventRecorder } from '../controllers/runtime/events'
import { deepEqual } from '../util/json'
import { nodeConditions, nodeObject, nodeStatus } from './nodeObject'
import type { KubeletNode } from './types'

/** nodeStatusUpdateFrequency, and the lease renew interval: the period of a kubelet's node work. */
export const heartbeatMs = 10_000
/** nodeStatusReportFrequency: the status is posted at least this often even when unchanged. */
export const nodeStatusReportFrequencyMs = 5 * 60_000

/** The slot (ms into each 10 s period) a node's heartbeats fall in, spread by node index. */
export function heartbeatOffset(index: number): number {
  // 1237 is coprime with 10,000: consecutive nodes land far apart, and 10,000 nodes fill every slot.
  return (index * 1237) % heartbeatMs
}

/** The reference the kubelet's node events point at (its UID is the node name). */
export function nodeRef(name: string): StoredObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, resourceVersion: '' } }
}

/** Record the events of a kubelet that has just started (after a reboot, with Rebooted first). */
export function startupEvents(recorder: EventRecorder, name: string, bootID?: string): void {
  const ref = nodeRef(name)
  recorder.event(ref, 'Normal', 'Starting', 'Starting kubelet.')
  if (bootID)
    recorder.event(ref, 'Warning', 'Rebooted', `Node ${name} has been rebooted, boot id: ${bootID}`)
  for (const r of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    recorder.event(ref, 'Normal', r, `Node ${name} status is now: ${r}`)
  }
  recorder.event(
    ref,
    'Normal',
    'NodeAllocatableEnforced',
    'Updated Node Allocatable limit across pods',
  )
  recorder.event(ref, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`)
}

/** What the status reporter remembers between checks. */
export interface NodeStatusState {
  /** When the status was last posted (lastStatusReportTime); undefined before the first post. */
  lastReportAt?: number
  /** The Node object (from the informer) last found to need no post: unchanged means still so. */
  verified?: object
}

/** Register the Node (POST); when it exists already, bring its status up to date instead. */
export function registerNode(
  ctx: ComponentContext,
  node: KubeletNode,
  bootID: string,
  state: NodeStatusState,
): { ok: boolean; error?: string } {
  const time = formatTime(ctx.clock.now())
  const body = nodeObject(node, time)
  if (bootID) (body.status as { nodeInfo: { bootID: string } }).nodeInfo.bootID = bootID
  const created = ctx.client.create('Node', undefined, body)
  if (created.ok) {
    // The registration carried the whole status: it counts as the first report.
    state.lastReportAt = ctx.clock.now()
    state.verified = undefined
    return { ok: true }
  }
  if (created.status.reason !== 'AlreadyExists') return { ok: false, error: created.status.message }
  return updateNodeStatus(ctx, node, bootID, state)
}

type StatusLike = { conditions?: readonly ApiNodeCondition[] } & Record<string, unknown>

// Quantities compare by value (Semantic.DeepEqual's Quantity equality), "1000m" as "1".
function sameResources(a: unknown, b: unknown): boolean {
  const x = (a ?? {}) as Record<string, unknown>
  const y = (b ?? {}) as Record<string, unknown>
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  return keys.every((k) => {
    const p = x[k]
    const q = y[k]
    return typeof p === 'string' && typeof q === 'string'
      ? compareQuantities(p, q) === 0
      : deepEqual(p, q)
  })
}

const byType = (a: ApiNodeCondition, b: ApiNodeCondition): number =>
  a.type < b.type ? -1 : a.type > b.type ? 1 : 0

/**
 * nodeStatusHasChanged: whether posting `next` would change `original` other than in heartbeat
 * times (conditions compared sorted by type, lastHeartbeatTime ignored). Only the fields the
 * kubelet sets are compared, as only those are in its patch.
 */
export function nodeStatusHasChanged(original: StatusLike | undefined, next: StatusLike): boolean {
  if (!original) return true
  const was = [...(original.conditions ?? [])].sort(byType)
  const now = [...(next.conditions ?? [])].sort(byType)
  if (was.length !== now.length) return true
  for (let i = 0; i < now.length; i++) {
    const { lastHeartbeatTime: _a, ...x } = was[i] as ApiNodeCondition
    const { lastHeartbeatTime: _b, ...y } = now[i] as ApiNodeCondition
    if (!deepEqual(x, y)) return true
  }
  for (const key of Object.keys(next)) {
    if (key === 'conditions') continue
    const same =
      key === 'capacity' || key === 'allocatable'
        ? sameResources(original[key], next[key])
        : deepEqual(original[key], next[key])
    if (!same) return true
  }
  return false
}

/**
 * tryUpdateNodeStatus: PATCH the node's status when it changed (ignoring heartbeat times) or
 * nodeStatusReportFrequency has passed since the last post (a kubelet that just started has
 * never posted); fresh heartbeat times, transition times kept while nothing changes.
 */
export function updateNodeStatus(
  ctx: ComponentContext,
  node: KubeletNode,
  bootID: string,
  state: NodeStatusState,
): { ok: boolean; error?: string } {
  const now = ctx.clock.now()
  // The kubelet reads its Node from the API server's watch cache (FromApiserverCache), here the shared informer.
  const nodes = ctx.informers.informer('Node')
  const current = nodes.get(node.name) as (StoredObject & { status?: StatusLike }) | undefined
  if (!current) return { ok: false, error: `nodes "${node.name}" not found` }
  const due =
    state.lastReportAt === undefined || now >= state.lastReportAt + nodeStatusReportFrequencyMs
  // Informer objects are replaced, never changed: the same object still needs no post.
  if (!due && current === state.verified) return { ok: true }
  const status = nodeStatus(node, nodeConditions(formatTime(now), current.status?.conditions ?? []))
  ;(status.nodeInfo as { bootID: string }).bootID = bootID
  if (!due && !nodeStatusHasChanged(current.status, status as StatusLike)) {
    state.verified = current
    return { ok: true }
  }
  const res = ctx.client.patch('Node', undefined, node.name, { status }, 'merge', 'status')
  if (!res.ok) return { ok: false, error: res.status.message }
  state.lastReportAt = now
  // The watch has delivered the write: the informer now holds what was just posted.
  state.verified = nodes.get(node.name)
  return { ok: true }
}
