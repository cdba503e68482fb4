/**
 * What the parts of one kubelet share: its node, clock, random stream, API client, event
 * recorder, the node's pod IP range and image store, the back-offs, and how to wake a pod's
 * worker at a later time.
 */
import type { TimerId, Clock } from '../clock'
import type { Random } from '../random'
import type { Client } from '../controllers/runtime/apiClient'
import type { EventRecorder } from '../controllers/runtime/events'
import type { Backoff } from './backoff'
import type { PodIPAllocator } from './ipam'
import type { PodWorker } from './state'
import type { KubeletNode } from './types'

/** The node's image store and its one-at-a-time puller (serializeImagePulls: true). */
export interface ImageStore {
  /** Normalized references present on the node. */
  present: Set<string>
  /** When the puller is free again (ms). */
  pullerFreeAt: number
  /** When a queued pull of an image completes: later pulls of it only check the manifest. */
  arriving: Map<string, number>
}

/** One kubelet's shared parts. */
export interface KubeletEnv {
  node: KubeletNode
  /** The node's InternalIP (the pods' hostIP). */
  nodeIP: string
  /** CPUs of the node, as processes see them without a limit. */
  cpus: number
  clock: Clock
  random: Random
  client: Client
  recorder: EventRecorder
  ipam: PodIPAllocator
  images: ImageStore
  /** Image pull back-off, keyed "<pod uid>_<image>"; and the last pull error of each key. */
  pullBackoff: Backoff
  lastPullError: Map<string, string>
  /** Container restart back-off, keyed "<pod uid>/<container>". */
  crashBackoff: Backoff
  /** Queue the pod's key for a sync. */
  enqueue(key: string): void
  /** Run `fn` at `at` (ms) on behalf of a pod; cancelled if the pod's worker goes. */
  timer(w: PodWorker, at: number, fn: () => void): TimerId
  /** Cancel a pod's timer. */
  cancel(w: PodWorker, id: TimerId | undefined): void
  /** Sync the pod again at `at` (a back-off's end, a deferred decision). */
  wakeAt(w: PodWorker, at: number): void
}
