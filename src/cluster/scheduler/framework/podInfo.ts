/**
 * PodInfo: a pod with what the scheduler computes from it once (its key, requests and the
 * non-zero requests used for scoring), so no plugin re-parses quantities per node.
 * Mirrors pkg/scheduler/framework/types.go (PodInfo, calculateResource)
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { podRequestsMilli, resourceFromMilli, type Resource } from './resource'

/** A pod and its precomputed scheduling facts. The pod is the informer's frozen object. */
export interface PodInfo {
  pod: Pod
  /** "namespace/name" */
  key: string
  uid: string
  namespace: string
  name: string
  /** The pod's requests (PodRequests). */
  requests: Resource
  /** Requests with 100m CPU / 200Mi memory for containers that request none (scoring only). */
  nonZero: Resource
  /** spec.priority (0 when unset, as no PriorityClass admission sets it otherwise). */
  priority: number
}

/** NewPodInfo */
export function newPodInfo(pod: Pod): PodInfo {
  const meta = pod.metadata ?? {}
  const namespace = meta.namespace ?? ''
  const name = meta.name ?? ''
  return {
    pod,
    key: `${namespace}/${name}`,
    uid: meta.uid ?? '',
    namespace,
    name,
    requests: resourceFromMilli(podRequestsMilli(pod, false)),
    nonZero: resourceFromMilli(podRequestsMilli(pod, true)),
    priority: typeof pod.spec?.priority === 'number' ? pod.spec.priority : 0,
  }
}
