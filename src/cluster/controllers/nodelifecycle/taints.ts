/**
 * Taints and tolerations as the node controllers handle them: matching by key and effect,
 * adding and removing a node's taints through a strategic-merge patch guarded by the node's
 * resourceVersion, and which taints a pod's tolerations cover.
 * Mirrors pkg/util/taints/taints.go, pkg/controller/controller_utils.go (AddOrUpdateTaintOnNode,
 * RemoveTaintOffNode, PatchNodeTaints) and pkg/apis/core/v1/helper GetMatchingTolerations
 */
import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import type { ComponentContext } from '../runtime/context'

/** A Node as informers hold it. */
export type NodeObject = Node & StoredObject

/** The well-known taint keys (k8s.io/api/core/v1 well_known_taints.go). */
export const taintKeys = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
  pidPressure: 'node.kubernetes.io/pid-pressure',
} as const

/** The NoExecute taint of an unreachable node (UnreachableTaintTemplate). */
export const unreachableTaint: Taint = { key: taintKeys.unreachable, effect: 'NoExecute' }
/** The NoExecute taint of a not-ready node (NotReadyTaintTemplate). */
export const notReadyTaint: Taint = { key: taintKeys.notReady, effect: 'NoExecute' }

/** Same key and effect (Taint.MatchTaint). */
export const matchTaint = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect

/** The list holds a taint with this key and effect. */
export const taintExists = (taints: readonly Taint[] | undefined, t: Taint): boolean => (taints ?? []).some((x) => matchTaint(x, t))

/** Taints in `want` missing from `have`, and taints in `have` missing from `want` (TaintSetDiff). */
export function taintSetDiff(want: readonly Taint[], have: readonly Taint[]): { toAdd: Taint[]; toRemove: Taint[] } {
  return { toAdd: want.filter((t) => !taintExists(have, t)), toRemove: have.filter((t) => !taintExists(want, t)) }
}

const sameTaint = (a: Taint, b: Taint): boolean => matchTaint(a, b) && (a.value ?? '') === (b.value ?? '') && a.timeAdded === b.timeAdded

/** The node's taints with each of `taints` added or replaced; undefined when nothing changes (AddOrUpdateTaint). */
function addOrUpdate(current: readonly Taint[], taints: readonly Taint[]): Taint[] | undefined {
  let out = [...current]
  let updated = false
  for (const taint of taints) {
    const i = out.findIndex((t) => matchTaint(t, taint))
    if (i >= 0) {
      if (sameTaint(out[i] as Taint, taint)) continue
      out = out.map((t, j) => (j === i ? taint : t))
    } else out.push(taint)
    updated = true
  }
  return updated ? out : undefined
}

/** Write a node's taints (PatchNodeTaints: the full list, guarded by the resourceVersion it was computed from). */
function patchTaints(ctx: ComponentContext, node: NodeObject, taints: readonly Taint[]): { code: number; message: string } | undefined {
  // An empty list is sent as null, as the two-way merge patch upstream computes removes the field.
  const spec = { taints: taints.length ? taints : null }
  const res = ctx.client.patch('Node', undefined, node.metadata.name, { metadata: { resourceVersion: node.metadata.resourceVersion }, spec }, 'strategic')
  return res.ok ? undefined : { code: res.status.code, message: res.status.message ?? `status ${res.status.code}` }
}

// RetryOnConflict with UpdateTaintBackoff (5 steps).
function retryOnConflict(ctx: ComponentContext, name: string, change: (node: NodeObject) => Taint[] | undefined): string | undefined {
  let last = ''
  for (let attempt = 0; attempt < 5; attempt++) {
    const got = ctx.client.get<NodeObject>('Node', undefined, name)
    if (!got.ok) return got.status.message ?? 'get failed'
    const next = change(got.object)
    if (!next) return undefined
    const err = patchTaints(ctx, got.object, next)
    if (err === undefined) return undefined
    last = err.message
    if (err.code !== 409) return err.message
  }
  return last
}

/** Add (or refresh) taints on a node (controller.AddOrUpdateTaintOnNode); an error text on failure. */
export function addOrUpdateTaintOnNode(ctx: ComponentContext, name: string, taints: readonly Taint[]): string | undefined {
  if (taints.length === 0) return undefined
  return retryOnConflict(ctx, name, (node) => addOrUpdate(node.spec?.taints ?? [], taints))
}

/** Remove taints (by key and effect) from a node; `node` short-circuits when it has none of them (controller.RemoveTaintOffNode). */
export function removeTaintOffNode(ctx: ComponentContext, name: string, node: NodeObject | undefined, taints: readonly Taint[]): string | undefined {
  if (taints.length === 0) return undefined
  if (node && !taints.some((t) => taintExists(node.spec?.taints, t))) return undefined
  return retryOnConflict(ctx, name, (n) => {
    const current = n.spec?.taints ?? []
    const next = current.filter((t) => !taints.some((x) => matchTaint(t, x)))
    return next.length === current.length ? undefined : next
  })
}

/** Add some controller taints (stamped with timeAdded = now) and remove others (SwapNodeControllerTaint); true on success. */
export function swapNodeControllerTaint(ctx: ComponentContext, toAdd: readonly Taint[], toRemove: readonly Taint[], node: NodeObject): boolean {
  const now = formatTime(ctx.clock.now())
  const stamped = toAdd.map((t) => ({ ...t, timeAdded: now }))
  const addErr = addOrUpdateTaintOnNode(ctx, node.metadata.name, stamped)
  if (addErr !== undefined) {
    ctx.onError('node-lifecycle-controller', node.metadata.name, `unable to taint ${JSON.stringify(stamped)} unresponsive Node "${node.metadata.name}": ${addErr}`)
    return false
  }
  const removeErr = removeTaintOffNode(ctx, node.metadata.name, node, toRemove)
  if (removeErr !== undefined) {
    ctx.onError('node-lifecycle-controller', node.metadata.name, `unable to remove ${JSON.stringify(toRemove)} unneeded taint from unresponsive Node "${node.metadata.name}": ${removeErr}`)
    return false
  }
  return true
}

/** Toleration.ToleratesTaint: effect and key match (empty matches all), then Equal compares values and Exists matches any. */
export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false
  if (tol.key && tol.key !== taint.key) return false
  switch (tol.operator ?? '') {
    case '':
    case 'Equal':
      return (tol.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

/** Whether every taint is tolerated, and the toleration used for each (GetMatchingTolerations). */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] }
  if (tolerations.length === 0) return { allTolerated: false, used: [] }
  const used: Toleration[] = []
  for (const taint of taints) {
    const tol = tolerations.find((t) => toleratesTaint(t, taint))
    if (!tol) return { allTolerated: false, used: [] }
    used.push(tol)
  }
  return { allTolerated: true, used }
}

/** The shortest tolerationSeconds among the used tolerations, in ms: 0 for none or a non-positive one, -1 for forever (getMinTolerationTime). */
export function getMinTolerationTimeMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0
  let min = Number.POSITIVE_INFINITY
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
    if (t.tolerationSeconds <= 0) return 0
    min = Math.min(min, t.tolerationSeconds)
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000
}
