/**
 * Deployment status: counts from the ReplicaSets, the Available condition, and during a
 * rollout the Progressing condition (progress, completion, deadline) and ReplicaFailure.
 * Mirrors pkg/controller/deployment/sync.go (calculateStatus, syncDeploymentStatus) and
 * pkg/controller/deployment/progress.go (syncRolloutStatus, getReplicaFailures,
 * requeueStuckDeployment)
 */
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1'
import { deepEqual } from '../../util/json'
import { keyOf } from '../runtime/informer'
import { timeMs } from '../replicaset/podUtil'
import type { Deployment, ReplicaSet } from '../replicaset/types'
import {
  encodeDeploymentStatus,
  updateDeploymentStatus,
  type DeploymentContext,
  type Err,
} from './context'
import {
  getCondition,
  newCondition,
  reasons,
  removeCondition,
  replicaSetToDeploymentCondition,
  setCondition,
} from './util/conditions'
import { desiredReplicas, maxUnavailable } from './util/intOrPercent'
import {
  actualReplicaCount,
  availableReplicaCount,
  readyReplicaCount,
  replicaCount,
} from './util/replicaSets'
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  hasProgressDeadline,
} from './util/rollout'

/** calculateStatus: counts from the ReplicaSets and the Available condition. */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs)
  const total = replicaCount(allRSs)
  // More available than desired (e.g. while scaling down) is not negative unavailability.
  const unavailable = Math.max(0, total - available)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    collisionCount: d.status?.collisionCount,
    conditions: [...(d.status?.conditions ?? [])],
  }
  if (available >= desiredReplicas(d) - maxUnavailable(d))
    setCondition(
      status,
      newCondition(
        'Available',
        'True',
        reasons.minimumReplicasAvailable,
        'Deployment has minimum availability.',
        now,
      ),
    )
  else
    setCondition(
      status,
      newCondition(
        'Available',
        'False',
        reasons.minimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        now,
      ),
    )
  return encodeDeploymentStatus(status)
}

/** syncDeploymentStatus: write the calculated status if it differs. */
export function syncDeploymentStatus(
  dc: DeploymentContext,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Err {
  const newStatus = calculateStatus(allRSs, newRS, d, dc.now())
  if (deepEqual(encodeDeploymentStatus(d.status), newStatus)) return undefined
  d.status = newStatus
  return updateDeploymentStatus(dc, d)
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else the others'. */
function replicaFailures(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const failures = (rs: ReplicaSet | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map(replicaSetToDeploymentCondition)
  const own = failures(newRS)
  return own.length ? own : allRSs.flatMap(failures)
}

/**
 * syncRolloutStatus: the status of a rollout, with Progressing set from completion, progress
 * or the deadline, and ReplicaFailure promoted from the ReplicaSets.
 */
export function syncRolloutStatus(
  dc: DeploymentContext,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Err {
  const now = dc.now()
  const newStatus = calculateStatus(allRSs, newRS, d, now)
  if (!hasProgressDeadline(d)) removeCondition(newStatus, 'Progressing')
  const currentCond = getCondition(d.status, 'Progressing')
  // A finished rollout being resynced: no progress to estimate.
  const isCompleteDeployment =
    (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) &&
    currentCond?.reason === reasons.newRSAvailable
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`
      setCondition(newStatus, newCondition('Progressing', 'True', reasons.newRSAvailable, msg, now))
    } else if (deploymentProgressing(d, newStatus)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`
      let cond = newCondition('Progressing', 'True', reasons.replicaSetUpdated, msg, now)
      // Progress updates lastUpdateTime even with the same reason (SetDeploymentCondition
      // would not), keeping lastTransitionTime while the status stays True.
      if (currentCond) {
        if (currentCond.status === 'True')
          cond = { ...cond, lastTransitionTime: currentCond.lastTransitionTime }
        removeCondition(newStatus, 'Progressing')
      }
      setCondition(newStatus, cond)
    } else if (deploymentTimedOut(d, newStatus, now)) {
      const msg = newRS
        ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`
      setCondition(newStatus, newCondition('Progressing', 'False', reasons.timedOut, msg, now))
    }
  }
  const failures = replicaFailures(allRSs, newRS)
  const first = failures[0]
  if (first) setCondition(newStatus, first)
  else removeCondition(newStatus, 'ReplicaFailure')
  const encoded = encodeDeploymentStatus(newStatus)
  if (deepEqual(encodeDeploymentStatus(d.status), encoded)) {
    requeueStuckDeployment(dc, d, encoded, now)
    return undefined
  }
  d.status = encoded
  return updateDeploymentStatus(dc, d)
}

/**
 * requeueStuckDeployment: with no sign of progress, sync again when the deadline passes
 * (lastUpdateTime + progressDeadlineSeconds, plus a second against clock skew).
 */
function requeueStuckDeployment(
  dc: DeploymentContext,
  d: Deployment,
  newStatus: DeploymentStatus,
  now: number,
): void {
  const cond = getCondition(d.status, 'Progressing')
  if (!hasProgressDeadline(d) || !cond) return
  if (deploymentComplete(d, newStatus) || cond.reason === reasons.timedOut) return
  const after =
    (timeMs(cond.lastUpdateTime) ?? 0) + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - now
  if (after < 1000) dc.queue.addRateLimited(keyOf(d))
  else dc.queue.addAfter(keyOf(d), after + 1000)
}
