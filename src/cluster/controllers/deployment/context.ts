/**
 * What the Deployment controller's sync functions share: the client, informers, queue, clock
 * and event recorder, and the writes every step makes (status, with the mutable copy of the
 * Deployment kept current).
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1'
import type { Client } from '../runtime/apiClient'
import type { EventRecorder } from '../runtime/events'
import type { Informer } from '../runtime/informer'
import type { WorkQueue } from '../runtime/workqueue'
import { statusText } from '../replicaset/errors'
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types'

/** The Deployment controller's world. */
export interface DeploymentContext {
  client: Client
  recorder: EventRecorder
  dInformer: Informer<Deployment>
  rsInformer: Informer<ReplicaSet>
  podInformer: Informer<Pod>
  queue: WorkQueue
  now(): number
}

/** A sync step's outcome: undefined, or the error that requeues the Deployment. */
export type Err = string | undefined

/** A DeploymentStatus as Go encodes it: zero counters and empty lists left out. */
export function encodeDeploymentStatus(s: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = {}
  if (!s) return out
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration
  if (s.replicas) out.replicas = s.replicas
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas
  if (s.conditions?.length) out.conditions = s.conditions
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount
  return out
}

/**
 * UpdateStatus of the Deployment copy `d` (its status and, as the status strategy allows, its
 * annotations). `d` takes the new resourceVersion, so later writes of this sync do not
 * conflict with this one (upstream discards the result and may conflict, then retries).
 */
export function updateDeploymentStatus(dc: DeploymentContext, d: Deployment): Err {
  const res = dc.client.update<Deployment>(
    'Deployment',
    { ...d, status: encodeDeploymentStatus(d.status) },
    'status',
  )
  if (!res.ok) return statusText(res.status)
  d.metadata.resourceVersion = res.object.metadata.resourceVersion
  return undefined
}

/** Put a written ReplicaSet in place of its older copy in a list (by uid). */
export function replaceInList(list: ReplicaSet[], rs: ReplicaSet): void {
  const i = list.findIndex((x) => x.metadata.uid === rs.metadata.uid)
  if (i >= 0) list[i] = rs
}
