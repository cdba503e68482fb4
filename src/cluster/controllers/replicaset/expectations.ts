/**
 * Controller expectations: how many creates and which deletes a controller still waits to see
 * through its informer, so that it does not act twice on a cache that has not caught up.
 * Deletions are tracked by pod key, so a graceful delete (first an update with
 * deletionTimestamp, then the delete) counts once.
 * Mirrors pkg/controller/controller_utils.go (ControllerExpectations,
 * UIDTrackingControllerExpectations, ExpectationsTimeout)
 */
import type { Clock } from '../../clock'

/** ExpectationsTimeout: expectations older than this are treated as met (5 minutes). */
export const expectationsTimeoutMs = 5 * 60 * 1000

/** The expectations of every controller key (e.g. "default/web-7c5ddbdf54"). */
export interface Expectations {
  /** SatisfiedExpectations: none recorded, all observed, or expired. */
  satisfied(key: string): boolean
  /** ExpectCreations: forget earlier expectations and wait for `adds` creations. */
  expectCreations(key: string, adds: number): void
  /** ExpectDeletions: forget earlier expectations and wait for the deletion of these pods. */
  expectDeletions(key: string, podKeys: readonly string[]): void
  /** CreationObserved: one fewer creation to wait for. */
  creationObserved(key: string): void
  /** DeletionObserved: the pod's deletion is seen (counted once per expected pod). */
  deletionObserved(key: string, podKey: string): void
  /** DeleteExpectations: drop everything recorded for the key. */
  delete(key: string): void
  /** The outstanding (adds, dels), for tests and the picture. */
  get(key: string): { add: number; del: number } | undefined
}

interface Entry {
  add: number
  del: number
  timestamp: number
}

/** Create an expectations store reading time from the clock. */
export function createExpectations(clock: Clock): Expectations {
  const entries = new Map<string, Entry>()
  const uids = new Map<string, Set<string>>()
  const lower = (key: string, add: number, del: number): void => {
    const e = entries.get(key)
    if (!e) return
    e.add -= add
    e.del -= del
  }
  return {
    satisfied(key) {
      const e = entries.get(key)
      if (!e) return true
      if (e.add <= 0 && e.del <= 0) return true
      return clock.now() - e.timestamp > expectationsTimeoutMs
    },
    expectCreations(key, adds) {
      entries.set(key, { add: adds, del: 0, timestamp: clock.now() })
    },
    expectDeletions(key, podKeys) {
      const set = new Set(podKeys)
      uids.set(key, set)
      entries.set(key, { add: 0, del: set.size, timestamp: clock.now() })
    },
    creationObserved(key) {
      lower(key, 1, 0)
    },
    deletionObserved(key, podKey) {
      const set = uids.get(key)
      if (set?.has(podKey)) {
        lower(key, 0, 1)
        set.delete(podKey)
      }
    },
    delete(key) {
      entries.delete(key)
      uids.delete(key)
    },
    get(key) {
      const e = entries.get(key)
      return e ? { add: e.add, del: e.del } : undefined
    },
  }
}
