/**
 * The per-zone queue of nodes waiting for a NoExecute taint: unique values ordered by the time
 * they may be processed, drained by try() no faster than a token bucket allows.
 * Mirrors pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go and
 * staging/src/k8s.io/client-go/util/flowcontrol/throttle.go (tokenBucketRateLimiter)
 */

/** The burst of the eviction rate limiters (EvictionRateLimiterBurst). */
export const evictionRateLimiterBurst = 1

/** A token bucket: `qps` tokens a second up to `burst`, full at start; qps 0 never accepts. */
export interface TokenBucket {
  qps: number
  tryAccept(now: number): boolean
  /** When the next token is available (now if one is), or undefined for never. */
  nextTokenAt(now: number): number | undefined
}

/** Create a token bucket at virtual time `now`. */
export function createTokenBucket(qps: number, burst: number, now: number): TokenBucket {
  let tokens = burst
  let last = now
  const refill = (t: number): void => {
    if (t > last) {
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * qps)
      last = t
    }
  }
  return {
    qps,
    tryAccept(t) {
      if (qps <= 0) return false
      refill(t)
      if (tokens >= 1) {
        tokens -= 1
        return true
      }
      return false
    },
    nextTokenAt(t) {
      if (qps <= 0) return undefined
      refill(t)
      return tokens >= 1 ? t : t + Math.ceil(((1 - tokens) / qps) * 1000)
    },
  }
}

/** A queued value: a node name, its uid, when it was added and when it may be processed. */
export interface TimedValue {
  value: string
  uid: string
  addedAt: number
  processAt: number
}

/** What an action returns: done, or retry after a wait (ms). */
export type ActionResult = { done: true } | { done: false; waitMs: number }

/** The rate-limited timed queue. */
export interface RateLimitedTimedQueue {
  /** Add a value not already in the set; true when added. */
  add(value: string, uid: string, now: number): boolean
  /** Remove a value from the queue and the set, so it may be added again; true if it was in the set. */
  remove(value: string): boolean
  /** Process values due now while tokens last. */
  try(now: number, fn: (v: TimedValue) => ActionResult): void
  /** Replace the limiter by one of a new rate (0 stops processing). */
  swapLimiter(qps: number, now: number): void
  /** When try() may next do something, or undefined if nothing can happen until the queue or limiter changes. */
  nextTryAt(now: number): number | undefined
  size(): number
}

/** Create a queue whose limiter starts at `qps`. */
export function createRateLimitedTimedQueue(qps: number, now: number): RateLimitedTimedQueue {
  let limiter = createTokenBucket(qps, evictionRateLimiterBurst, now)
  // The set remembers processed values too, so they are not added again until removed (UniqueQueue).
  const set = new Set<string>()
  let queue: TimedValue[] = []
  // Ordered by processAt; equal times keep the order they were queued in.
  const insert = (v: TimedValue): void => {
    let i = queue.length
    while (i > 0 && (queue[i - 1] as TimedValue).processAt > v.processAt) i--
    queue.splice(i, 0, v)
  }
  const removeFromQueue = (value: string): void => {
    queue = queue.filter((v) => v.value !== value)
  }
  return {
    add(value, uid, t) {
      if (set.has(value)) return false
      set.add(value)
      insert({ value, uid, addedAt: t, processAt: t })
      return true
    },
    remove(value) {
      if (!set.has(value)) return false
      set.delete(value)
      removeFromQueue(value)
      return true
    },
    try(t, fn) {
      for (let head = queue[0]; head; head = queue[0]) {
        if (!limiter.tryAccept(t)) break
        if (t < head.processAt) break
        const res = fn({ ...head })
        removeFromQueue(head.value)
        if (!res.done) insert({ ...head, processAt: t + res.waitMs + 1 })
      }
    },
    swapLimiter(newQps, t) {
      if (limiter.qps === newQps) return
      const next = createTokenBucket(newQps, evictionRateLimiterBurst, t)
      // While waiting on the old limiter, start the new one drained (rate_limited_queue.go SwapLimiter).
      if (newQps > 0 && !limiter.tryAccept(t)) next.tryAccept(t)
      limiter = next
    },
    nextTryAt(t) {
      if (queue.length === 0) return undefined
      // try() takes a token before it looks at the head, as upstream's 100 ms ticker does.
      return limiter.nextTokenAt(t)
    },
    size: () => queue.length,
  }
}
