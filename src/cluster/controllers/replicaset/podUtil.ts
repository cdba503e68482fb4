/**
 * Pod helpers the workload controllers share: readiness, availability and activity.
 * Mirrors pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable) and
 * pkg/controller/controller_utils.go (IsPodActive, FilterActivePods).
 */
import type { PodCondition } from 'kubernetes-types/core/v1'
import type { Pod } from './types'

/** The pod's Ready condition, if any. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True'
}

/** A metav1.Time as milliseconds since the epoch; undefined is Go's zero time. */
export function timeMs(t: string | undefined | null): number | undefined {
  if (!t) return undefined
  const ms = Date.parse(t)
  return Number.isFinite(ms) ? ms : undefined
}

/**
 * IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly: upstream compares
 * lastTransitionTime + minReadySeconds Before now).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds === 0) return true
  const since = timeMs(podReadyCondition(pod)?.lastTransitionTime)
  return since !== undefined && since + minReadySeconds * 1000 < nowMs
}

/** IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/** The highest restartCount among the pod's containers (maxContainerRestarts). */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0)
  return max
}

/** When the pod became ready (podReadyTime); undefined when it is not ready or has no time. */
export function podReadyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined
  return timeMs(podReadyCondition(pod)?.lastTransitionTime)
}
