/**
 * Rollout arithmetic: how big the new ReplicaSet may grow, proportions for scaling during a
 * rollout, and when a rollout is complete, progressing or out of time.
 * Mirrors pkg/controller/deployment/util/deployment_util.go (NewRSNewReplicas, IsSaturated,
 * GetProportion, getReplicaSetFraction, DeploymentComplete, DeploymentProgressing,
 * DeploymentTimedOut, HasProgressDeadline, HasRevisionHistoryLimit)
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1'
import { timeMs } from '../../replicaset/podUtil'
import type { Deployment, ReplicaSet } from '../../replicaset/types'
import { desiredReplicasAnnotation, intAnnotation, maxReplicasAnnotation } from './annotations'
import { getCondition, reasons } from './conditions'
import { desiredReplicas, maxSurge, scaledValue } from './intOrPercent'
import { replicaCount, specReplicas } from './replicaSets'

const maxInt32 = 2147483647

/** HasProgressDeadline: progressDeadlineSeconds set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const p = d.spec?.progressDeadlineSeconds
  return p !== undefined && p !== maxInt32
}

/** HasRevisionHistoryLimit: revisionHistoryLimit set and not MaxInt32. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const r = d.spec?.revisionHistoryLimit
  return r !== undefined && r !== maxInt32
}

/**
 * NewRSNewReplicas: for a rolling update, grow the new ReplicaSet up to replicas + maxSurge pods
 * in all and no further than spec.replicas; for Recreate, spec.replicas.
 */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): { ok: true; value: number } | { ok: false; error: string } {
  const replicas = desiredReplicas(d)
  switch (d.spec?.strategy?.type) {
    case 'RollingUpdate': {
      const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge, replicas, true)
      if (!surge.ok) return surge
      const current = replicaCount(allRSs)
      const maxTotal = replicas + surge.value
      if (current >= maxTotal) return { ok: true, value: specReplicas(newRS) }
      const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS))
      return { ok: true, value: specReplicas(newRS) + scaleUp }
    }
    case 'Recreate':
      return { ok: true, value: replicas }
    default:
      return { ok: false, error: `deployment type ${d.spec?.strategy?.type ?? ''} isn't supported` }
  }
}

/** IsSaturated: the new ReplicaSet runs all the replicas, all available, and knows it. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = intAnnotation(rs, desiredReplicasAnnotation)
  if (desired === undefined) return false
  const replicas = desiredReplicas(d)
  return (
    specReplicas(rs) === replicas &&
    desired === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  )
}

/** integer.RoundToInt32: half away from zero. */
function roundToInt32(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5)
}

/** getReplicaSetFraction: this ReplicaSet's share of a scaling event. */
function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (desiredReplicas(d) === 0) return -specReplicas(rs)
  const deploymentReplicas = desiredReplicas(d) + maxSurge(d)
  // Without the annotation, the Deployment's current size is the best estimate.
  const annotated = intAnnotation(rs, maxReplicasAnnotation) ?? d.status?.replicas ?? 0
  // Never zero upstream (no proportional scaling from zero); guard against dividing by it.
  if (annotated === 0) return 0
  return roundToInt32((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs)
}

/** GetProportion: the replicas to add to (or, negative, remove from) one ReplicaSet. */
export function getProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  // Never more than what is left to add, never more than what is left to remove.
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/** DeploymentComplete: every desired replica updated and available, no old pods, spec observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const replicas = desiredReplicas(d)
  return (
    (s.updatedReplicas ?? 0) === replicas &&
    (s.replicas ?? 0) === replicas &&
    (s.availableReplicas ?? 0) === replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  )
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/**
 * DeploymentTimedOut: the Progressing condition was last updated more than
 * progressDeadlineSeconds ago (or already says ProgressDeadlineExceeded).
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const cond = getCondition(s, 'Progressing')
  if (!cond) return false
  if (cond.reason === reasons.newRSAvailable) return false
  if (cond.reason === reasons.timedOut) return true
  const from = timeMs(cond.lastUpdateTime) ?? 0
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now
}
