/**
 * Per-key exponential backoff as the kubelet uses it for image pulls and container restarts:
 * 10 s doubling to 5 min, forgotten when a key has been quiet for twice the maximum (so a
 * container that ran for 10 minutes restarts without delay next time it crashes).
 * Mirrors staging/src/k8s.io/client-go/util/flowcontrol/backoff.go
 */

/** The kubelet's initial back-off (backOffPeriod). */
export const backOffPeriodMs = 10_000
/** The kubelet's longest back-off (MaxContainerBackOff). */
export const maxBackOffMs = 300_000

interface Entry {
  backoff: number
  lastUpdate: number
}

/** A set of per-key backoffs over virtual time. */
export interface Backoff {
  /** The current backoff of a key (0 when it has none). */
  get(key: string): number
  /** Move a key to its next backoff (doubling, capped), or start it, as of `eventTime`. */
  next(key: string, eventTime: number, now: number): void
  /** Whether less than the key's backoff has passed since `eventTime` (a container's finish time). */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean
  /** Whether less than the key's backoff has passed since its last update. */
  isInBackOffSinceUpdate(key: string, now: number): boolean
  /** When the key's backoff since its last update ends. */
  expiresAt(key: string): number | undefined
  /** Forget entries quiet for twice the maximum. */
  gc(now: number): void
  /** Forget one key. */
  reset(key: string): void
}

/** Create a backoff with an initial and a maximum duration (ms). */
export function createBackoff(initial = backOffPeriodMs, max = maxBackOffMs): Backoff {
  const entries = new Map<string, Entry>()
  // After 2*max without updates a key starts again from the initial backoff.
  const hasExpired = (eventTime: number, lastUpdate: number): boolean =>
    eventTime - lastUpdate > max * 2
  return {
    get: (key) => entries.get(key)?.backoff ?? 0,
    next(key, eventTime, now) {
      const e = entries.get(key)
      if (!e || hasExpired(eventTime, e.lastUpdate))
        entries.set(key, { backoff: initial, lastUpdate: now })
      else {
        e.backoff = Math.min(e.backoff * 2, max)
        e.lastUpdate = now
      }
    },
    isInBackOffSince(key, eventTime, now) {
      const e = entries.get(key)
      if (!e || hasExpired(eventTime, e.lastUpdate)) return false
      return now - eventTime < e.backoff
    },
    isInBackOffSinceUpdate(key, now) {
      const e = entries.get(key)
      if (!e || hasExpired(now, e.lastUpdate)) return false
      return now - e.lastUpdate < e.backoff
    },
    expiresAt(key) {
      const e = entries.get(key)
      return e ? e.lastUpdate + e.backoff : undefined
    },
    gc(now) {
      for (const [k, e] of entries) if (now - e.lastUpdate > max * 2) entries.delete(k)
    },
    reset(key) {
      entries.delete(key)
    },
  }
}
