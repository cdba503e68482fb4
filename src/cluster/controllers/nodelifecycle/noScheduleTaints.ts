/**
 * The NoSchedule taints of node conditions and cordoning: Ready False or Unknown, the pressure
 * conditions and NetworkUnavailable map to their well-known taints, spec.unschedulable to
 * node.kubernetes.io/unschedulable; the node's taints are brought in line on every node change.
 * Also keeps the beta os and arch labels in step with the stable ones.
 * Mirrors node_lifecycle_controller.go doNoScheduleTaintingPass and reconcileNodeLabels
 */
import type { Taint } from 'kubernetes-types/core/v1'
import type { ComponentContext } from '../runtime/context'
import { swapNodeControllerTaint, taintKeys, taintSetDiff, type NodeObject } from './taints'

// nodeConditionToTaintKeyStatusMap
const conditionTaints: Record<string, Record<string, string>> = {
  Ready: { False: taintKeys.notReady, Unknown: taintKeys.unreachable },
  MemoryPressure: { True: taintKeys.memoryPressure },
  DiskPressure: { True: taintKeys.diskPressure },
  NetworkUnavailable: { True: taintKeys.networkUnavailable },
  PIDPressure: { True: taintKeys.pidPressure },
}
// taintKeyToNodeConditionMap's keys
const conditionTaintKeys = new Set<string>([taintKeys.notReady, taintKeys.unreachable, taintKeys.networkUnavailable, taintKeys.memoryPressure, taintKeys.diskPressure, taintKeys.pidPressure])

/** The NoSchedule taints a node's conditions and spec ask for. */
export function wantedNoScheduleTaints(node: NodeObject): Taint[] {
  const taints: Taint[] = []
  for (const c of node.status?.conditions ?? []) {
    const key = conditionTaints[c.type]?.[c.status]
    if (key) taints.push({ key, effect: 'NoSchedule' })
  }
  if (node.spec?.unschedulable) taints.push({ key: taintKeys.unschedulable, effect: 'NoSchedule' })
  return taints
}

/** Bring a node's condition and cordon NoSchedule taints in line; an error text on failure. */
export function doNoScheduleTaintingPass(ctx: ComponentContext, node: NodeObject): string | undefined {
  const want = wantedNoScheduleTaints(node)
  const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === taintKeys.unschedulable || conditionTaintKeys.has(t.key)))
  const { toAdd, toRemove } = taintSetDiff(want, have)
  if (toAdd.length === 0 && toRemove.length === 0) return undefined
  return swapNodeControllerTaint(ctx, toAdd, toRemove, node) ? undefined : `failed to swap taints of node ${node.metadata.name}`
}

// labelReconcileInfo: the stable label is the source of truth; the beta one must exist and agree.
const labelPairs = [
  { primary: 'kubernetes.io/os', secondary: 'beta.kubernetes.io/os' },
  { primary: 'kubernetes.io/arch', secondary: 'beta.kubernetes.io/arch' },
]

/** Copy the stable os/arch labels to their beta twins where missing or different; an error text on failure. */
export function reconcileNodeLabels(ctx: ComponentContext, node: NodeObject): string | undefined {
  const labels = node.metadata.labels
  if (!labels) return undefined
  const update: Record<string, string> = {}
  for (const { primary, secondary } of labelPairs) {
    const value = labels[primary]
    if (value === undefined) continue
    if (labels[secondary] !== value) update[secondary] = value
  }
  if (Object.keys(update).length === 0) return undefined
  const res = ctx.client.patch('Node', undefined, node.metadata.name, { metadata: { labels: update } }, 'strategic')
  return res.ok ? undefined : `failed update labels for node ${node.metadata.name}: ${res.status.message ?? ''}`
}
