/**
 * The controller loop: keys from a work queue go to a level-triggered reconcile(key), which
 * re-reads state and writes the difference. Retries with backoff live here, not in the
 * reconciler. Work runs in clock tasks, never inside the API call whose watch event queued it.
 * Mirrors sigs.k8s.io/controller-runtime pkg/internal/controller/controller.go reconcileHandler
 */
import type { Clock } from '../../clock'
import { createWorkQueue, type WorkQueue } from './workqueue'

/** What a reconcile asks of the loop; nothing means success. */
export type ReconcileResult = void | { requeueAfterMs: number } | { retry: string }

/** A reconciler: takes a key, reads current state, acts, returns. */
export type Reconciler = (key: string) => ReconcileResult

/** A running controller. */
export interface Controller {
  name: string
  queue: WorkQueue
}

/** Told when a reconcile throws (a bug) or asks for a retry (an expected failure). */
export type ControllerErrorHandler = (controller: string, key: string, error: string) => void

/** Start a controller: its queue's keys are reconciled in clock tasks at the time they are ready. */
export function startController(clock: Clock, name: string, reconcile: Reconciler, onError: ControllerErrorHandler = () => {}): Controller {
  let scheduled = false
  const queue = createWorkQueue(clock, name, () => {
    if (scheduled) return
    scheduled = true
    clock.after(0, name, drain)
  })

  function drain(): void {
    scheduled = false
    // Only the keys ready now; keys queued by this work get a task of their own, so a
    // controller never monopolises an instant of virtual time.
    for (let n = queue.len(); n > 0; n--) {
      const key = queue.get()
      if (key === undefined) break
      let result: ReconcileResult
      try {
        result = reconcile(key)
      } catch (e) {
        result = { retry: `panic: ${e instanceof Error ? e.message : String(e)}` }
      }
      if (result && 'retry' in result) {
        onError(name, key, result.retry)
        queue.addRateLimited(key)
      } else {
        queue.forget(key)
        if (result && 'requeueAfterMs' in result) queue.addAfter(key, result.requeueAfterMs)
      }
      queue.done(key)
    }
  }
  return { name, queue }
}
