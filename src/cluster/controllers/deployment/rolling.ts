/**
 * The RollingUpdate strategy: grow the new ReplicaSet within maxSurge, shrink old ones within
 * maxUnavailable (unhealthy replicas first), and report progress.
 * Mirrors pkg/controller/deployment/rolling.go (rolloutRolling, reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate)
 */
import type { Deployment, ReplicaSet } from '../replicaset/types'
import type { DeploymentContext, Err } from './context'
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet'
import { scaleReplicaSetAndRecordEvent } from './scale'
import { cleanupDeployment } from './sync'
import { syncRolloutStatus } from './status'
import { desiredReplicas, maxUnavailable } from './util/intOrPercent'
import {
  availableReplicaCount,
  filterActive,
  olderFirst,
  replicaCount,
  specReplicas,
} from './util/replicaSets'
import { deploymentComplete, newRSNewReplicas } from './util/rollout'

/** rolloutRolling: one step of a rolling update. */
export function rolloutRolling(dc: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Err {
  const all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true)
  if (!all.ok) return all.error
  const newRS = all.newRS as ReplicaSet
  const oldRSs = all.oldRSs
  const allRSs = [...oldRSs, newRS]

  // Scale up, if we can.
  const up = reconcileNewReplicaSet(dc, allRSs, newRS, d)
  if (!up.ok) return up.error
  if (up.scaled) return syncRolloutStatus(dc, allRSs, newRS, d)

  // Scale down, if we can.
  const down = reconcileOldReplicaSets(dc, allRSs, filterActive(oldRSs), newRS, d)
  if (!down.ok) return down.error
  if (down.scaled) return syncRolloutStatus(dc, allRSs, newRS, d)

  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(dc, oldRSs, d)
    if (err !== undefined) return err
  }
  return syncRolloutStatus(dc, allRSs, newRS, d)
}

type Step = { ok: true; scaled: boolean } | { ok: false; error: string }

/** reconcileNewReplicaSet: shrink a too-big new ReplicaSet, or grow it within maxSurge. */
function reconcileNewReplicaSet(
  dc: DeploymentContext,
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Step {
  const replicas = desiredReplicas(d)
  if (specReplicas(newRS) === replicas) return { ok: true, scaled: false }
  if (specReplicas(newRS) > replicas) {
    const r = scaleReplicaSetAndRecordEvent(dc, newRS, replicas, d)
    return r.ok ? { ok: true, scaled: r.scaled } : r
  }
  const count = newRSNewReplicas(d, allRSs, newRS)
  if (!count.ok) return count
  const r = scaleReplicaSetAndRecordEvent(dc, newRS, count.value, d)
  return r.ok ? { ok: true, scaled: r.scaled } : r
}

/**
 * reconcileOldReplicaSets: scale old ReplicaSets down by at most
 * allPods - minAvailable - (new pods not yet available), unhealthy replicas first.
 */
function reconcileOldReplicaSets(
  dc: DeploymentContext,
  allRSs: readonly ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Step {
  if (replicaCount(oldRSs) === 0) return { ok: true, scaled: false }
  const allPodsCount = replicaCount(allRSs)
  const minAvailable = desiredReplicas(d) - maxUnavailable(d)
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailable
  if (maxScaledDown <= 0) return { ok: true, scaled: false }
  // Unhealthy replicas go first: they cost no availability and would block the rollout.
  const cleaned = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown)
  // Upstream ignores errors of both steps here (returns false, nil): the next sync retries.
  if (!cleaned.ok) return { ok: true, scaled: false }
  const downCount = scaleDownOldReplicaSetsForRollingUpdate(
    dc,
    [...cleaned.oldRSs, newRS],
    cleaned.oldRSs,
    d,
  )
  if (!downCount.ok) return { ok: true, scaled: false }
  return { ok: true, scaled: cleaned.count + downCount.count > 0 }
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas. */
function cleanupUnhealthyReplicas(
  dc: DeploymentContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): { ok: true; oldRSs: ReplicaSet[]; count: number } | { ok: false; error: string } {
  oldRSs.sort(olderFirst)
  let total = 0
  for (let i = 0; i < oldRSs.length; i++) {
    if (total >= maxCleanupCount) break
    const rs = oldRSs[i] as ReplicaSet
    const replicas = specReplicas(rs)
    const available = rs.status?.availableReplicas ?? 0
    if (replicas === 0 || replicas === available) continue
    const count = Math.min(maxCleanupCount - total, replicas - available)
    const newCount = replicas - count
    if (newCount > replicas)
      return {
        ok: false,
        error: `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace ?? ''}/${rs.metadata.name} ${replicas} -> ${newCount}`,
      }
    const r = scaleReplicaSetAndRecordEvent(dc, rs, newCount, d)
    if (!r.ok) return r
    total += count
    oldRSs[i] = r.rs
  }
  return { ok: true, oldRSs, count: total }
}

/** scaleDownOldReplicaSetsForRollingUpdate: scale old ReplicaSets down, oldest first, while availability allows. */
function scaleDownOldReplicaSetsForRollingUpdate(
  dc: DeploymentContext,
  allRSs: readonly ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): { ok: true; count: number } | { ok: false; error: string } {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d)
  const available = availableReplicaCount(allRSs)
  if (available <= minAvailable) return { ok: true, count: 0 }
  oldRSs.sort(olderFirst)
  let total = 0
  const totalToScaleDown = available - minAvailable
  for (const rs of oldRSs) {
    if (total >= totalToScaleDown) break
    const replicas = specReplicas(rs)
    if (replicas === 0) continue
    const count = Math.min(replicas, totalToScaleDown - total)
    const newCount = replicas - count
    if (newCount > replicas)
      return {
        ok: false,
        error: `when scaling down old RS, got invalid request to scale down ${rs.metadata.namespace ?? ''}/${rs.metadata.name} ${replicas} -> ${newCount}`,
      }
    const r = scaleReplicaSetAndRecordEvent(dc, rs, newCount, d)
    if (!r.ok) return r
    total += count
  }
  return { ok: true, count: total }
}
