/**
 * Deployment syncs that are not a rollout: status only (being deleted), scaling (a scaling
 * event, or while paused), the paused/resumed conditions, and cleanup of old ReplicaSets past
 * revisionHistoryLimit.
 * Mirrors pkg/controller/deployment/sync.go (syncStatusOnly, sync, checkPausedConditions,
 * isScalingEvent, cleanupDeployment)
 */
import { isNotFound, statusText } from '../replicaset/errors'
import type { Deployment, ReplicaSet } from '../replicaset/types'
import { updateDeploymentStatus, type DeploymentContext, type Err } from './context'
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet'
import { scale } from './scale'
import { syncDeploymentStatus } from './status'
import { desiredReplicasAnnotation, intAnnotation } from './util/annotations'
import { getCondition, newCondition, reasons, setCondition } from './util/conditions'
import { desiredReplicas } from './util/intOrPercent'
import { byRevision, filterActive, specReplicas } from './util/replicaSets'
import { hasProgressDeadline, hasRevisionHistoryLimit } from './util/rollout'

/** syncStatusOnly: update the status and change nothing else. */
export function syncStatusOnly(dc: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Err {
  const all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false)
  if (!all.ok) return all.error
  return syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS, d)
}

/** sync: scaling events and paused Deployments: scale, clean up when paused, update status. */
export function sync(dc: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Err {
  const all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false)
  if (!all.ok) return all.error
  const err = scale(dc, d, all.newRS, all.oldRSs)
  if (err !== undefined) return err
  if (d.spec?.paused) {
    const cleanupErr = cleanupDeployment(dc, all.oldRSs, d)
    if (cleanupErr !== undefined) return cleanupErr
  }
  return syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS, d)
}

/**
 * checkPausedConditions: Progressing becomes Unknown/DeploymentPaused when paused and
 * Unknown/DeploymentResumed when resumed, so time spent paused never counts against the
 * deadline; a ProgressDeadlineExceeded condition is left alone.
 */
export function checkPausedConditions(dc: DeploymentContext, d: Deployment): Err {
  if (!hasProgressDeadline(d)) return undefined
  const cond = getCondition(d.status, 'Progressing')
  if (cond?.reason === reasons.timedOut) return undefined
  const pausedCondExists = cond?.reason === reasons.paused
  const paused = Boolean(d.spec?.paused)
  let needsUpdate = false
  if (paused && !pausedCondExists) {
    d.status ??= {}
    setCondition(
      d.status,
      newCondition('Progressing', 'Unknown', reasons.paused, 'Deployment is paused', dc.now()),
    )
    needsUpdate = true
  } else if (!paused && pausedCondExists) {
    d.status ??= {}
    setCondition(
      d.status,
      newCondition('Progressing', 'Unknown', reasons.resumed, 'Deployment is resumed', dc.now()),
    )
    needsUpdate = true
  }
  return needsUpdate ? updateDeploymentStatus(dc, d) : undefined
}

/**
 * isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from
 * spec.replicas, i.e. the Deployment was scaled, not given a new template.
 */
export function isScalingEvent(
  dc: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
): { ok: true; value: boolean } | { ok: false; error: string } {
  const all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false)
  if (!all.ok) return all
  for (const rs of filterActive([...all.oldRSs, all.newRS])) {
    const desired = intAnnotation(rs, desiredReplicasAnnotation)
    if (desired !== undefined && desired !== desiredReplicas(d)) return { ok: true, value: true }
  }
  return { ok: true, value: false }
}

/**
 * cleanupDeployment: delete the oldest old ReplicaSets beyond revisionHistoryLimit, but only
 * those scaled to zero, with no pods left and their last change observed.
 */
export function cleanupDeployment(
  dc: DeploymentContext,
  oldRSs: readonly ReplicaSet[],
  d: Deployment,
): Err {
  if (!hasRevisionHistoryLimit(d)) return undefined
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0)
  if (diff <= 0) return undefined
  cleanable.sort(byRevision)
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i] as ReplicaSet
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue
    if (
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    )
      continue
    const res = dc.client.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name)
    // Stop at the first failure rather than press an overloaded API server.
    if (!res.ok && !isNotFound(res.status)) return statusText(res.status)
  }
  return undefined
}
