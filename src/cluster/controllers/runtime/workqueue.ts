/**
 * A rate-limited work queue of object keys, as client-go's: fair (first in, first out),
 * stingy (a key queued many times is processed once; a key re-added while it is being
 * processed is processed again after), with delayed adds and per-key exponential backoff.
 * Mirrors staging/src/k8s.io/client-go/util/workqueue (queue.go, delaying_queue.go,
 * default_rate_limiters.go ItemExponentialFailureRateLimiter)
 */
import type { Clock, TimerId } from '../../clock'

/** The queue's interface, as a controller's loop uses it. */
export interface WorkQueue {
  /** Queue a key now. */
  add(key: string): void
  /** Queue a key after a delay of virtual time. */
  addAfter(key: string, delayMs: number): void
  /** Queue a key after its backoff: 5 ms doubling per failure, at most 1,000 s. */
  addRateLimited(key: string): void
  /** Reset a key's backoff (after a success). */
  forget(key: string): void
  /** How many times a key has been retried since its last success. */
  numRequeues(key: string): number
  /** Take the next key to process, or undefined; call done(key) after. */
  get(): string | undefined
  /** Mark a key processed; if it was re-added meanwhile, it is queued again. */
  done(key: string): void
  /** Keys waiting (not counting delayed ones). */
  len(): number
}

/** Backoff of the default controller rate limiter (its token bucket is not simulated). */
export const baseDelayMs = 5
/** The longest backoff. */
export const maxDelayMs = 1_000_000

/** Create a queue; `onReady` is called whenever a key becomes available to get(). */
export function createWorkQueue(clock: Clock, name: string, onReady: () => void): WorkQueue {
  const queue: string[] = []
  let head = 0
  const dirty = new Set<string>()
  const processing = new Set<string>()
  const failures = new Map<string, number>()
  const waiting = new Map<string, { at: number; timer: TimerId }>()

  const q: WorkQueue = {
    add(key) {
      if (dirty.has(key)) return
      dirty.add(key)
      if (processing.has(key)) return
      queue.push(key)
      onReady()
    },
    addAfter(key, delayMs) {
      if (!(delayMs > 0)) return q.add(key)
      const at = clock.now() + delayMs
      const pending = waiting.get(key)
      // A key already waiting keeps the earlier time, as the delaying queue does.
      if (pending && pending.at <= at) return
      if (pending) clock.cancel(pending.timer)
      const timer = clock.at(at, `${name} requeue`, () => {
        waiting.delete(key)
        q.add(key)
      })
      waiting.set(key, { at, timer })
    },
    addRateLimited(key) {
      const n = failures.get(key) ?? 0
      failures.set(key, n + 1)
      q.addAfter(key, Math.min(baseDelayMs * 2 ** n, maxDelayMs))
    },
    forget(key) {
      failures.delete(key)
    },
    numRequeues: (key) => failures.get(key) ?? 0,
    get() {
      if (head >= queue.length) return undefined
      const key = queue[head++] as string
      // Reclaim the consumed head now and then rather than shifting on every get.
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head)
        head = 0
      }
      processing.add(key)
      dirty.delete(key)
      return key
    },
    done(key) {
      processing.delete(key)
      if (dirty.has(key)) {
        queue.push(key)
        onReady()
      }
    },
    len: () => queue.length - head,
  }
  return q
}
