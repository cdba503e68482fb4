/**
 * The node side of a kubelet: registering its Node, posting its status every 10 seconds
 * (nodeStatusUpdateFrequency), and the node events a starting kubelet records.
 * Mirrors pkg/kubelet/kubelet_node_status.go (registerWithAPIServer, tryUpdateNodeStatus)
 * and pkg/kubelet/nodestatus/setters.go (the condition setters and their events)
 * Simplified: there is no Lease (coordination.k8s.io is not served), so the status update
 * itself is the heartbeat, as before NodeLease existed.
 */
import type { StoredObject } from '../api/types'
import { formatTime } from '../clock'
import type { ComponentContext } from '../controllers/runtime/context'
import type { EventRecorder } from '../controllers/runtime/events'
import { nodeConditions, nodeObject, nodeStatus } from './nodeObject'
import type { KubeletNode } from './types'

/** nodeStatusUpdateFrequency. */
export const heartbeatMs = 10_000

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

/** Register the Node (POST); when it exists already, bring its status up to date instead. */
export function registerNode(
  ctx: ComponentContext,
  node: KubeletNode,
  bootID: string,
): { ok: boolean; error?: string } {
  const time = formatTime(ctx.clock.now())
  const body = nodeObject(node, time)
  if (bootID) (body.status as { nodeInfo: { bootID: string } }).nodeInfo.bootID = bootID
  const created = ctx.client.create('Node', undefined, body)
  if (created.ok) return { ok: true }
  if (created.status.reason !== 'AlreadyExists') return { ok: false, error: created.status.message }
  return postStatus(ctx, node, bootID)
}

/** PATCH the node's status: fresh heartbeat times, transition times kept while nothing changes. */
export function postStatus(
  ctx: ComponentContext,
  node: KubeletNode,
  bootID: string,
): { ok: boolean; error?: string } {
  const time = formatTime(ctx.clock.now())
  // The kubelet reads its Node from the API server's watch cache (FromApiserverCache), here the shared informer.
  const current = ctx.informers.informer('Node').get(node.name) as
    | { status?: { conditions?: { type?: string; status?: string; lastTransitionTime?: string }[] } }
    | undefined
  if (!current) return { ok: false, error: `nodes "${node.name}" not found` }
  const status = nodeStatus(node, nodeConditions(time, current.status?.conditions ?? []))
  ;(status.nodeInfo as { bootID: string }).bootID = bootID
  const res = ctx.client.patch('Node', undefined, node.name, { status }, 'merge', 'status')
  return res.ok ? { ok: true } : { ok: false, error: res.status.message }
}
