/**
 * The decisions the scheduler remembers: the latest per pod, with full detail only for the most
 * recent ones (a ring) and for pods still pending; older decisions keep their summary. Memory
 * stays bounded however many pods the cluster runs, and the score buffers of dropped details go
 * back to a pool for the next cycles.
 */
import { BufferPool } from '../framework/bufferPool'
import type { DecisionRecord } from './record'

/** The default number of recent decisions kept in full. */
export const defaultDecisionHistory = 1000

/** The bounded decision store. */
export class DecisionStore {
  private readonly latest = new Map<string, DecisionRecord>()
  private readonly ring: (DecisionRecord | undefined)[]
  private readonly inRing = new Set<DecisionRecord>()
  private head = 0
  /** Where the scheduling cycles get their score buffers. */
  readonly pool = new BufferPool()

  constructor(capacity = defaultDecisionHistory) {
    this.ring = new Array<DecisionRecord | undefined>(Math.max(1, capacity)).fill(undefined)
  }

  /** Record a pod's newest decision. */
  record(r: DecisionRecord): void {
    const prev = this.latest.get(r.key)
    this.latest.set(r.key, r)
    if (prev && !this.inRing.has(prev)) this.drop(prev)
    const evicted = this.ring[this.head]
    this.ring[this.head] = r
    this.inRing.add(r)
    this.head = (this.head + 1) % this.ring.length
    if (!evicted) return
    this.inRing.delete(evicted)
    // A decision leaving the window keeps its detail only while it is its pod's latest and the pod is pending.
    if (this.latest.get(evicted.key) !== evicted || evicted.outcome === 'Scheduled')
      this.drop(evicted)
  }

  /** The pod left the pending state without this scheduler (bound elsewhere): detail no longer needed. */
  podAssigned(key: string): void {
    const r = this.latest.get(key)
    if (r && r.outcome !== 'Scheduled' && !this.inRing.has(r)) this.drop(r)
  }

  /** The pod is gone: forget its decision. */
  podDeleted(key: string, uid: string): void {
    const r = this.latest.get(key)
    if (!r || r.uid !== uid) return
    this.latest.delete(key)
    if (!this.inRing.has(r)) this.drop(r)
  }

  /** A pod's latest decision. */
  get(key: string): DecisionRecord | undefined {
    return this.latest.get(key)
  }

  /** Latest decisions, of one namespace or all, sorted by namespace then name. */
  list(namespace?: string): DecisionRecord[] {
    const out: DecisionRecord[] = []
    for (const r of this.latest.values())
      if (namespace === undefined || r.namespace === namespace) out.push(r)
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  /** How many decisions hold full detail (for tests of the memory bound). */
  detailed(): number {
    let n = 0
    for (const r of this.latest.values()) if (r.detail) n++
    return n
  }

  private drop(r: DecisionRecord): void {
    const scores = r.detail?.scores
    if (scores) this.pool.release(scores.buffer)
    r.detail = undefined
  }
}
