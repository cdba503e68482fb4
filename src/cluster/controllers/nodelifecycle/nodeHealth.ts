/**
 * Node health from heartbeats: the controller remembers when it last saw each node's Ready
 * condition heartbeat change or its node lease renewed (its own clock, not the kubelet's
 * timestamps), and a node silent in both for longer than the grace period gets its conditions
 * set to Unknown through the API.
 * Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth
 */
import type { Lease } from 'kubernetes-types/coordination/v1'
import type { NodeCondition, NodeStatus } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import { deepCopy } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import type { NodeObject } from './taints'

/** The namespace of node leases (v1.NamespaceNodeLease). */
export const namespaceNodeLease = 'kube-node-lease'

/** A Lease as the informer holds it. */
export type LeaseObject = Lease & StoredObject

/** What the controller remembers of a node. */
export interface NodeHealthData {
  /** When the controller last saw a new heartbeat: a status heartbeat or a lease renewal (ms). */
  probeTimestamp: number
  /** When the controller last saw the Ready condition transition (ms). */
  readyTransitionTimestamp: number
  status: NodeStatus | undefined
  /** The node lease as last seen renewed. */
  lease?: LeaseObject
}

/** The outcome of one check. */
export interface HealthCheck {
  /** The Ready condition before the check (a synthetic Unknown one if the node never posted it). */
  observedReady: NodeCondition
  /** The Ready condition after it (undefined if the node still has none). */
  currentReady: NodeCondition | undefined
  /** The node as it now stands (the written one if the check updated it). */
  node: NodeObject
  error?: string
}

/** The grace periods (ms). */
export interface HealthTimings {
  nodeMonitorGracePeriodMs: number
  nodeStartupGracePeriodMs: number
}

function readyOf(status: NodeStatus | undefined): NodeCondition | undefined {
  for (const c of status?.conditions ?? []) if (c.type === 'Ready') return c
  return undefined
}

// The conditions a silent node has set to Unknown; NetworkUnavailable belongs to the control plane.
const unknownConditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const

const sameCondition = (a: NodeCondition | undefined, b: NodeCondition | undefined): boolean =>
  !!a &&
  !!b &&
  a.type === b.type &&
  a.status === b.status &&
  (a.reason ?? '') === (b.reason ?? '') &&
  (a.message ?? '') === (b.message ?? '') &&
  a.lastHeartbeatTime === b.lastHeartbeatTime &&
  a.lastTransitionTime === b.lastTransitionTime

/**
 * MicroTime.Before on the API server's RFC3339Micro texts: always UTC with six fraction digits,
 * so text order is time order. A missing time is never before another (as a nil MicroTime).
 */
export function microTimeBefore(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a < b
}

/**
 * Check one node, with its node lease as the informer holds it (undefined when it has none);
 * `health` holds the remembered data and is updated in place.
 */
export function tryUpdateNodeHealth(ctx: ComponentContext, health: Map<string, NodeHealthData>, node: NodeObject, observedLease: LeaseObject | undefined, timings: HealthTimings): HealthCheck {
  const now = ctx.clock.now()
  const name = node.metadata.name
  let nodeHealth = health.get(name)
  const currentReady = readyOf(node.status)
  let observedReady: NodeCondition
  let gracePeriod: number
  if (!currentReady) {
    // Never posted: a synthetic Unknown condition dated at the node's creation, and the longer startup grace.
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp }
    gracePeriod = timings.nodeStartupGracePeriodMs
    const created = Date.parse(node.metadata.creationTimestamp ?? '')
    const createdAt = Number.isFinite(created) ? created : now
    if (nodeHealth) nodeHealth.status = node.status
    else nodeHealth = { status: node.status, probeTimestamp: createdAt, readyTransitionTimestamp: createdAt }
  } else {
    // Conditions are never changed in place (informer objects are frozen), so no copy is needed.
    observedReady = currentReady
    gracePeriod = timings.nodeMonitorGracePeriodMs
  }
  const savedReady = readyOf(nodeHealth?.status)
  // Read before the status branches below, which start afresh without a lease (as upstream's do:
  // so the pass after a status change takes the lease as newly renewed).
  const savedLease = nodeHealth?.lease
  if (!nodeHealth) {
    nodeHealth = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now }
  } else if (!savedReady && currentReady) {
    nodeHealth = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now }
  } else if (savedReady && !currentReady) {
    nodeHealth = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now }
  } else if (savedReady && currentReady && savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== currentReady.lastTransitionTime ? now : nodeHealth.readyTransitionTimestamp
    nodeHealth = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transition }
  }
  // A renewed lease is a heartbeat too: a node that renews its lease but never posts status stays healthy.
  if (observedLease && observedLease !== savedLease && (!savedLease || microTimeBefore(savedLease.spec?.renewTime, observedLease.spec?.renewTime))) {
    nodeHealth = { ...nodeHealth, lease: observedLease, probeTimestamp: now }
  }
  if (health.get(name) !== nodeHealth) health.set(name, nodeHealth)

  if (!(now > nodeHealth.probeTimestamp + gracePeriod)) return { observedReady, currentReady, node }

  // Silent past the grace period: every condition the kubelet owns becomes Unknown.
  const status: NodeStatus = deepCopy(node.status ?? {})
  const next: NodeObject = { ...node, status }
  const conditions = [...(status.conditions ?? [])]
  const nowTime = formatTime(now)
  for (const type of unknownConditionTypes) {
    const i = conditions.findIndex((c) => c.type === type)
    const c = conditions[i]
    if (!c) {
      conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: nowTime })
    } else if (c.status !== 'Unknown') {
      conditions[i] = { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: nowTime }
    }
  }
  status.conditions = conditions
  const newReady = readyOf(status)
  if (sameCondition(newReady, observedReady)) return { observedReady, currentReady: newReady, node }
  const res = ctx.client.update<NodeObject>('Node', next, 'status')
  if (!res.ok) return { observedReady, currentReady, node, error: res.status.message ?? `status ${res.status.code}` }
  health.set(name, { status: res.object.status, probeTimestamp: nodeHealth.probeTimestamp, readyTransitionTimestamp: now, ...(observedLease ? { lease: observedLease } : {}) })
  return { observedReady, currentReady: newReady, node: res.object }
}
