/**
 * syncReplicaSet: the ReplicaSet controller's reconcile. Claims the pods it should own, creates
 * or deletes pods when its expectations are met, and writes its status.
 * Mirrors pkg/controller/replicaset/replica_set.go (syncReplicaSet, claimPods)
 */
import type { ReconcileResult } from '../runtime/controller'
import type { Client } from '../runtime/apiClient'
import type { Informer } from '../runtime/informer'
import { claimObjects } from './claim'
import { statusText } from './errors'
import type { Expectations } from './expectations'
import { claimCandidates } from './indexes'
import { manageReplicas, type ManageContext } from './manageReplicas'
import { isPodActive } from './podUtil'
import { specSelector } from './selectors'
import { calculateStatus, updateReplicaSetStatus } from './status'
import { appsV1, type Pod, type ReplicaSet } from './types'

/** Everything a sync reads and writes through. */
export interface SyncContext extends ManageContext {
  client: Client
  rsInformer: Informer<ReplicaSet>
  podInformer: Informer<Pod>
  expectations: Expectations
}

/** Reconcile one ReplicaSet by key. */
export function syncReplicaSet(ctx: SyncContext, key: string): ReconcileResult {
  const cached = ctx.rsInformer.get(key)
  if (!cached) {
    ctx.expectations.delete(key)
    return undefined
  }
  const rsNeedsSync = ctx.expectations.satisfied(key)
  const sel = specSelector(cached)
  // An unconvertible selector is logged upstream and never retried.
  if (!sel.ok) return undefined
  const selector = sel.selector
  // Pods that no longer match but still carry our reference are among the candidates, so
  // they are released; inactive pods are ignored before claiming, as upstream does.
  const candidates = claimCandidates(ctx.podInformer, cached).filter(isPodActive)
  const claim = claimObjects<Pod>(candidates, {
    controller: cached,
    controllerApiVersion: appsV1,
    controllerKind: 'ReplicaSet',
    objectKind: 'Pod',
    match: (pod) => selector.matches(pod.metadata.labels),
    client: ctx.client,
  })
  if (claim.error !== undefined) return { retry: claim.error }
  const filteredPods = claim.claimed
  let manageError: string | undefined
  if (rsNeedsSync && !cached.metadata.deletionTimestamp)
    manageError = manageReplicas(ctx, filteredPods, cached, key)
  const rs = cached
  const newStatus = calculateStatus(
    rs,
    filteredPods,
    manageError === undefined ? undefined : { message: manageError },
    ctx.now(),
  )
  const updated = updateReplicaSetStatus(ctx.client, rs, newStatus)
  if (!updated.ok) return { retry: statusText(updated.status) }
  if (manageError !== undefined) return { retry: manageError }
  const u = updated.rs
  const minReadySeconds = u.spec?.minReadySeconds ?? 0
  const replicas = u.spec?.replicas ?? 1
  // Resync after minReadySeconds as a last line of defence for availability. Availability is
  // strictly after readiness + minReadySeconds, and virtual times are often whole seconds, so
  // one millisecond more lands the check just past it (real clocks are never that exact).
  if (
    minReadySeconds > 0 &&
    (u.status?.readyReplicas ?? 0) === replicas &&
    (u.status?.availableReplicas ?? 0) !== replicas
  )
    return { requeueAfterMs: minReadySeconds * 1000 + 1 }
  return undefined
}
