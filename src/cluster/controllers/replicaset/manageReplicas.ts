/**
 * manageReplicas: create or delete pods so that a ReplicaSet has spec.replicas of them, at
 * most burstReplicas per sync, creating in slow-start batches and deleting the pods that
 * matter least first, with expectations recorded before acting.
 * Mirrors pkg/controller/replicaset/replica_set.go manageReplicas
 */
import type { Informer } from '../runtime/informer'
import { getPodsToDelete } from './activePods'
import { hasStatusCause, isNotFound, namespaceTerminatingCause } from './errors'
import type { Expectations } from './expectations'
import { byControllerUID, claimCandidates } from './indexes'
import { specSelector } from './selectors'
import { getControllerOf, newControllerRef } from './ownerRefs'
import type { PodControl } from './podControl'
import { slowStartBatch, slowStartInitialBatchSize } from './slowStart'
import { appsV1, type Pod, type ReplicaSet } from './types'

/** What manageReplicas works with. */
export interface ManageContext {
  podControl: PodControl
  expectations: Expectations
  burstReplicas: number
  rsInformer: Informer<ReplicaSet>
  podInformer: Informer<Pod>
  now(): number
}

/** Create or delete pods; the first error, if any (the ReplicaSet is then retried). */
export function manageReplicas(
  ctx: ManageContext,
  filteredPods: readonly Pod[],
  rs: ReplicaSet,
  rsKey: string,
): string | undefined {
  const namespace = rs.metadata.namespace ?? ''
  let diff = filteredPods.length - (rs.spec?.replicas ?? 1)
  if (diff < 0) {
    diff = Math.min(-diff, ctx.burstReplicas)
    // Expect the creations before making them: their watch events arrive during the calls.
    ctx.expectations.expectCreations(rsKey, diff)
    const ref = newControllerRef(rs, appsV1, 'ReplicaSet')
    const result = slowStartBatch(diff, slowStartInitialBatchSize, () => {
      const err = ctx.podControl.createPod(namespace, rs.spec?.template, rs, ref)
      // In a terminating namespace every create fails; that is not this controller's error.
      if (err?.status && hasStatusCause(err.status, namespaceTerminatingCause)) return undefined
      return err?.message
    })
    // Pods never attempted will not be observed: stop expecting them.
    for (let skipped = diff - result.successes; skipped > 0; skipped--)
      ctx.expectations.creationObserved(rsKey)
    return result.error
  }
  if (diff > 0) {
    diff = Math.min(diff, ctx.burstReplicas)
    const podsToDelete = getPodsToDelete(
      filteredPods,
      indirectlyRelatedPods(ctx, rs),
      diff,
      ctx.now(),
    )
    // Expect exactly these deletions, so a graceful delete seen twice counts once.
    ctx.expectations.expectDeletions(rsKey, podsToDelete.map(podKey))
    let firstError: string | undefined
    for (const pod of podsToDelete) {
      const err = ctx.podControl.deletePod(namespace, pod.metadata.name, rs)
      if (!err) continue
      ctx.expectations.deletionObserved(rsKey, podKey(pod))
      if (!(err.status && isNotFound(err.status))) firstError ??= err.message
    }
    return firstError
  }
  return undefined
}

/** PodKey: "namespace/name". */
export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
}

/**
 * getIndirectlyRelatedPods: the pods selected by every ReplicaSet with the same controller as
 * rs (rs included), each once; none when rs has no controller.
 */
function indirectlyRelatedPods(ctx: ManageContext, rs: ReplicaSet): Pod[] {
  const owner = getControllerOf(rs)
  if (!owner) return []
  const namespace = rs.metadata.namespace ?? ''
  const seen = new Set<string>()
  const related: Pod[] = []
  for (const sibling of ctx.rsInformer.byIndex(byControllerUID, owner.uid)) {
    if ((sibling.metadata.namespace ?? '') !== namespace) continue
    const sel = specSelector(sibling)
    if (!sel.ok) continue
    // Upstream lists the namespace by selector; the pods a selector can reach that matter are
    // the sibling's own and the orphans (claimCandidates).
    for (const pod of claimCandidates(ctx.podInformer, sibling)) {
      if (seen.has(pod.metadata.uid) || !sel.selector.matches(pod.metadata.labels)) continue
      seen.add(pod.metadata.uid)
      related.push(pod)
    }
  }
  return related
}
