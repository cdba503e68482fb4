/**
 * ReplicaSet status: counts of the pods it owns, the ReplicaFailure condition when creating or
 * deleting pods failed, and the write through /status.
 * Mirrors pkg/controller/replicaset/replica_set_utils.go (calculateStatus,
 * updateReplicaSetStatus, NewReplicaSetCondition, SetCondition, RemoveCondition)
 */
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1'
import type { Status } from '../../api/types'
import { selectorFromSet } from '../../api/labels'
import { formatTime } from '../../clock'
import { deepEqual } from '../../util/json'
import type { Client } from '../runtime/apiClient'
import { isPodAvailable, isPodReady } from './podUtil'
import type { Pod, ReplicaSet } from './types'

/** A status as Go encodes it: `replicas` always, the other counters only when not zero. */
export function encodeReplicaSetStatus(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: s.replicas }
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration
  if (s.conditions?.length) out.conditions = s.conditions
  return out
}

/** The manageReplicas failure that calculateStatus turns into ReplicaFailure. */
export interface ManageError {
  message: string
}

/** calculateStatus: the status the ReplicaSet's pods give it. */
export function calculateStatus(
  rs: ReplicaSet,
  filteredPods: readonly Pod[],
  manageError: ManageError | undefined,
  now: number,
): ReplicaSetStatus {
  const old = rs.status ?? { replicas: 0 }
  const templateLabels = selectorFromSet(rs.spec?.template?.metadata?.labels)
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of filteredPods) {
    if (templateLabels.matches(pod.metadata.labels)) fullyLabeled++
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReadySeconds, now)) available++
    }
  }
  let conditions = old.conditions ? [...old.conditions] : undefined
  const failure = conditions?.find((c) => c.type === 'ReplicaFailure')
  if (manageError && !failure) {
    const diff = filteredPods.length - (rs.spec?.replicas ?? 1)
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
    const cond: ReplicaSetCondition = {
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: formatTime(now),
      reason,
      message: manageError.message,
    }
    conditions = [...(conditions ?? []).filter((c) => c.type !== 'ReplicaFailure'), cond]
  } else if (!manageError && failure) {
    conditions = conditions?.filter((c) => c.type !== 'ReplicaFailure')
  }
  return {
    ...old,
    replicas: filteredPods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    conditions,
  }
}

/**
 * updateReplicaSetStatus: write the status unless nothing changed, with observedGeneration set
 * to the generation acted on; on a conflict, read the ReplicaSet again and retry once.
 */
export function updateReplicaSetStatus(
  client: Client,
  rs: ReplicaSet,
  newStatus: ReplicaSetStatus,
): { ok: true; rs: ReplicaSet } | { ok: false; status: Status } {
  const cur = rs.status ?? { replicas: 0 }
  const generation = rs.metadata.generation ?? 0
  if (
    (cur.replicas ?? 0) === newStatus.replicas &&
    (cur.fullyLabeledReplicas ?? 0) === (newStatus.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (newStatus.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (newStatus.availableReplicas ?? 0) &&
    generation === (cur.observedGeneration ?? 0) &&
    deepEqual(cur.conditions ?? [], newStatus.conditions ?? [])
  )
    return { ok: true, rs }
  const status = encodeReplicaSetStatus({ ...newStatus, observedGeneration: generation })
  // statusUpdateRetries = 1: one GET and retry after the first failure.
  let target: ReplicaSet = rs
  for (let i = 0; ; i++) {
    const res = client.update<ReplicaSet>('ReplicaSet', { ...target, status }, 'status')
    if (res.ok) return { ok: true, rs: res.object }
    if (i >= 1) return res
    const fresh = client.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name)
    if (!fresh.ok) return fresh
    target = fresh.object
  }
}
