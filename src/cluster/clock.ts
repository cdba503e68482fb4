/**
 * The virtual clock: the only source of time in the simulated cluster. Work is queued at
 * virtual instants and run by advance() in a fixed order (time, then the order it was queued),
 * so the same inputs always give the same cluster.
 */

/** A handle to queued work, for cancel(). */
export type TimerId = number

interface Timer {
  id: TimerId
  at: number
  seq: number
  label: string
  run: () => void
}

/** Called when queued work throws: the clock keeps going (a failing task never stops time). */
export type ClockErrorHandler = (label: string, error: unknown) => void

/** The virtual clock and its queue of timed work. */
export interface Clock {
  /** Virtual time in milliseconds since the Unix epoch. */
  now(): number
  /** Queue work at an absolute virtual time (clamped to now). */
  at(time: number, label: string, run: () => void): TimerId
  /** Queue work after a delay in virtual milliseconds. */
  after(delayMs: number, label: string, run: () => void): TimerId
  /** Drop queued work; unknown or already-run ids are ignored. */
  cancel(id: TimerId): void
  /** Run all work due within the next `ms` virtual milliseconds, then stand at now + ms. */
  advance(ms: number): void
  /** The virtual time of the next queued work, if any. */
  nextAt(): number | undefined
  /** How many pieces of work are queued. */
  pending(): number
}

/** Create a clock standing at `startMs` (ms since epoch). */
export function createClock(startMs: number, onError: ClockErrorHandler = () => {}): Clock {
  let now = startMs
  let seq = 0
  let nextId = 1
  // A binary min-heap ordered by (at, seq): O(log n) per queue operation at 100k+ timers.
  const heap: Timer[] = []
  const cancelled = new Set<TimerId>()
  const live = new Set<TimerId>()

  const less = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq)

  function push(t: Timer): void {
    heap.push(t)
    let i = heap.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      const parent = heap[p] as Timer
      if (!less(t, parent)) break
      heap[i] = parent
      i = p
    }
    heap[i] = t
  }

  function pop(): Timer | undefined {
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    let i = 0
    const n = heap.length
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let c = l
      if (r < n && less(heap[r] as Timer, heap[l] as Timer)) c = r
      const child = heap[c] as Timer
      if (!less(child, last)) break
      heap[i] = child
      i = c
    }
    heap[i] = last
    return top
  }

  function peek(): Timer | undefined {
    while (heap.length > 0) {
      const top = heap[0] as Timer
      if (!cancelled.has(top.id)) return top
      cancelled.delete(top.id)
      pop()
    }
    return undefined
  }

  const clock: Clock = {
    now: () => now,
    at(time, label, run) {
      const id = nextId++
      const at = Number.isFinite(time) ? Math.max(time, now) : now
      push({ id, at, seq: seq++, label, run })
      live.add(id)
      return id
    },
    after(delayMs, label, run) {
      return clock.at(now + (Number.isFinite(delayMs) ? Math.max(0, delayMs) : 0), label, run)
    },
    cancel(id) {
      if (live.delete(id)) cancelled.add(id)
    },
    advance(ms) {
      const target = now + (Number.isFinite(ms) && ms > 0 ? ms : 0)
      for (;;) {
        const top = peek()
        if (!top || top.at > target) break
        pop()
        live.delete(top.id)
        now = top.at
        try {
          top.run()
        } catch (error) {
          onError(top.label, error)
        }
      }
      now = target
    },
    nextAt: () => peek()?.at,
    pending: () => live.size,
  }
  return clock
}

/** Format virtual time as Kubernetes prints timestamps: RFC 3339, seconds precision, UTC. */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** Format virtual time with microseconds (metav1.MicroTime), as events' eventTime. */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}
