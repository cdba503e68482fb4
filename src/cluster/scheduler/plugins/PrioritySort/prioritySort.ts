/**
 * PrioritySort: higher spec.priority first, then the pod queued earlier. Pods queued at the same
 * virtual instant keep their arrival order (upstream leaves that to goroutine timing).
 * Mirrors pkg/scheduler/framework/plugins/queuesort/priority_sort.go
 */
import type { QueuedPodInfo, QueueSortPlugin } from '../../framework/types'

/** The plugin's name. */
export const name = 'PrioritySort'

/** Less */
export function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const p1 = a.pi.priority
  const p2 = b.pi.priority
  if (p1 !== p2) return p1 > p2
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp
  return a.seq < b.seq
}

/** New */
export function factory(): QueueSortPlugin {
  return { name, less }
}
