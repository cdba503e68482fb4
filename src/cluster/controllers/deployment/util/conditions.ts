/**
 * Deployment conditions: Progressing, Available and ReplicaFailure, with the reasons and
 * messages the Deployment controller writes.
 * Mirrors pkg/controller/deployment/util/deployment_util.go (the reason constants,
 * NewDeploymentCondition, GetDeploymentCondition, SetDeploymentCondition,
 * RemoveDeploymentCondition, ReplicaSetToDeploymentCondition)
 */
import type {
  DeploymentCondition,
  DeploymentStatus,
  ReplicaSetCondition,
} from 'kubernetes-types/apps/v1'
import { formatTime } from '../../../clock'

/** Condition reasons, as upstream names them. */
export const reasons = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const

/** NewDeploymentCondition: both times now, in Go's field order. */
export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const t = formatTime(now)
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message }
}

/** GetDeploymentCondition. */
export function getCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/**
 * SetDeploymentCondition: no change when status and reason are the same; lastTransitionTime
 * kept when only the reason changes; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return
  const c =
    current && current.status === condition.status
      ? { ...condition, lastTransitionTime: current.lastTransitionTime }
      : condition
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== condition.type), c]
}

/** RemoveDeploymentCondition (an emptied list reads as none, like Go's nil slice). */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type)
  if (rest.length) status.conditions = rest
  else delete status.conditions
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet failure promoted to its Deployment. */
export function replicaSetToDeploymentCondition(c: ReplicaSetCondition): DeploymentCondition {
  return {
    type: c.type,
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  }
}
