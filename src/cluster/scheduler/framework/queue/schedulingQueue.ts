/**
 * The scheduling queue: activeQ (by priority, then time queued), backoffQ (by backoff expiry:
 * 1 s doubling per attempt up to 10 s) and unschedulablePods, which cluster events move back
 * when a plugin that rejected the pod says the event may help (queueing hints), and which are
 * flushed after 5 minutes regardless.
 * Mirrors pkg/scheduler/backend/queue/scheduling_queue.go (PriorityQueue)
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import type { Clock, TimerId } from '../../../clock'
import { newPodInfo } from '../podInfo'
import type { ClusterEvent, ClusterEventWithHint, QueuedPodInfo } from '../types'
import { Heap } from './heap'

/** How the queue is set up. */
export interface QueueOptions {
  clock: Clock
  podInitialBackoffMs: number
  podMaxBackoffMs: number
  podMaxInUnschedulablePodsMs: number
  /** The QueueSort plugin's order. */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean
  /** The events each plugin registered (EnqueueExtensions). */
  events: ReadonlyMap<string, ClusterEventWithHint[]>
  /** Told whenever activeQ gains a pod, so the scheduler can run. */
  onActive(): void
}

/** Which pool a pod is in. */
export type QueueName = 'Active' | 'Backoff' | 'Unschedulable'

type Strategy = 'queueSkip' | 'queueAfterBackoff'

// Mirrors pkg/scheduler/backend/queue/scheduling_queue.go Run: flushBackoffQCompleted every 1 s, flushUnschedulablePodsLeftover every 30 s.
const backoffFlushPeriodMs = 1_000
const unschedulableFlushPeriodMs = 30_000

/** The priority queue. */
export class SchedulingQueue {
  private readonly activeQ: Heap<QueuedPodInfo>
  private readonly backoffQ: Heap<QueuedPodInfo>
  private readonly unschedulable = new Map<string, QueuedPodInfo>()
  /** Popped and not yet done, with the events seen meanwhile. */
  private readonly inFlight = new Map<string, ClusterEventRecord[]>()
  private seq = 0
  private readonly startMs: number
  private backoffTimer: { id: TimerId; at: number } | undefined
  private leftoverTimer: { id: TimerId; at: number } | undefined
  schedulingCycle = 0
  moveRequestCycle = -1

  constructor(private readonly o: QueueOptions) {
    this.startMs = o.clock.now()
    this.activeQ = new Heap((q) => q.pi.key, o.less)
    this.backoffQ = new Heap(
      (q) => q.pi.key,
      (a, b) => {
        const x = this.backoffTime(a)
        const y = this.backoffTime(b)
        return x < y || (x === y && a.seq < b.seq)
      },
    )
  }

  /** Add: a new pending pod goes to activeQ. */
  add(pod: Pod): void {
    const now = this.o.clock.now()
    const q: QueuedPodInfo = {
      pi: newPodInfo(pod),
      timestamp: now,
      initialAttemptTimestamp: now,
      attempts: 0,
      unschedulablePlugins: new Set(),
      seq: this.seq++,
    }
    this.unschedulable.delete(q.pi.key)
    this.backoffQ.delete(q.pi.key)
    this.addToActiveQ(q)
  }

  /** Pop: the head of activeQ, counted as an attempt; undefined when activeQ is empty. */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop()
    if (!q) return undefined
    q.attempts++
    this.schedulingCycle++
    q.unschedulablePlugins = new Set()
    this.inFlight.set(q.pi.key, [])
    return q
  }

  /** Done: the pod's attempt is over. */
  done(key: string): void {
    this.inFlight.delete(key)
  }

  /** AddUnschedulableIfNotPresent: a pod that failed goes back, to unschedulablePods unless an event it cares about arrived meanwhile. */
  addUnschedulableIfNotPresent(q: QueuedPodInfo): QueueName | undefined {
    const key = q.pi.key
    const events = this.inFlight.get(key) ?? []
    this.done(key)
    if (this.unschedulable.has(key) || this.activeQ.has(key) || this.backoffQ.has(key))
      return undefined
    q.timestamp = this.o.clock.now()
    q.seq = this.seq++
    let strategy: Strategy = q.unschedulablePlugins.size === 0 ? 'queueAfterBackoff' : 'queueSkip'
    for (const e of events) {
      if (strategy !== 'queueSkip') break
      strategy = this.isPodWorthRequeuing(q, e.event, e.oldObj, e.newObj)
    }
    return this.requeue(q, strategy)
  }

  /** Update: a pending pod's object changed; a change beyond its status may make it schedulable. */
  update(oldPod: Pod, newPod: Pod): void {
    const key = `${newPod.metadata?.namespace ?? ''}/${newPod.metadata?.name ?? ''}`
    for (const heap of [this.activeQ, this.backoffQ]) {
      const q = heap.get(key)
      if (q) {
        q.pi = newPodInfo(newPod)
        heap.addOrUpdate(q)
        return
      }
    }
    const q = this.unschedulable.get(key)
    if (q) {
      q.pi = newPodInfo(newPod)
      if (isPodUpdated(oldPod, newPod)) {
        this.unschedulable.delete(key)
        this.requeue(q, 'queueAfterBackoff')
      }
      return
    }
    if (this.inFlight.has(key)) return
    this.add(newPod)
  }

  /** Delete: the pod is gone, bound, or no longer ours. */
  delete(key: string): void {
    if (this.activeQ.delete(key)) return
    if (this.backoffQ.delete(key)) {
      this.scheduleBackoffFlush()
      return
    }
    this.unschedulable.delete(key)
  }

  /** MoveAllToActiveOrBackoffQueue: an event that may help pods in unschedulablePods. */
  moveAllToActiveOrBackoffQueue(
    event: ClusterEvent,
    oldObj?: Node | Pod,
    newObj?: Node | Pod,
  ): void {
    if (!this.isEventOfInterest(event)) return
    // Snapshot the keys first: requeueing deletes from the map being walked.
    for (const [key, q] of [...this.unschedulable]) {
      const strategy = this.isPodWorthRequeuing(q, event, oldObj, newObj)
      if (strategy === 'queueSkip') continue
      this.unschedulable.delete(key)
      this.requeue(q, strategy)
    }
    this.moveRequestCycle = this.schedulingCycle
    if (this.inFlight.size)
      for (const events of this.inFlight.values()) events.push({ event, oldObj, newObj })
  }

  /** Which pool a pod is in, if any. */
  where(key: string): QueueName | undefined {
    if (this.activeQ.has(key)) return 'Active'
    if (this.backoffQ.has(key)) return 'Backoff'
    if (this.unschedulable.has(key)) return 'Unschedulable'
    return undefined
  }

  /** The queued info of a pending pod. */
  get(key: string): QueuedPodInfo | undefined {
    return this.activeQ.get(key) ?? this.backoffQ.get(key) ?? this.unschedulable.get(key)
  }

  /** PendingPods counts: activeQ, backoffQ, unschedulablePods. */
  counts(): { active: number; backoff: number; unschedulable: number } {
    return {
      active: this.activeQ.len(),
      backoff: this.backoffQ.len(),
      unschedulable: this.unschedulable.size,
    }
  }

  /** When a pod's backoff ends (getBackoffTime). */
  backoffTime(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q.attempts)
  }

  /** calculateBackoffDuration: initial, doubled per attempt after the first, capped at the max. */
  backoffDuration(attempts: number): number {
    let d = this.o.podInitialBackoffMs
    for (let i = 1; i < attempts; i++) {
      if (d > this.o.podMaxBackoffMs - d) return this.o.podMaxBackoffMs
      d += d
    }
    return d
  }

  /** Cancel the queue's timers. */
  stop(): void {
    if (this.backoffTimer) this.o.clock.cancel(this.backoffTimer.id)
    if (this.leftoverTimer) this.o.clock.cancel(this.leftoverTimer.id)
    this.backoffTimer = this.leftoverTimer = undefined
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffTime(q) > this.o.clock.now()
  }

  private addToActiveQ(q: QueuedPodInfo): void {
    this.activeQ.addOrUpdate(q)
    this.o.onActive()
  }

  private requeue(q: QueuedPodInfo, strategy: Strategy): QueueName {
    if (strategy === 'queueSkip') {
      this.unschedulable.set(q.pi.key, q)
      this.scheduleLeftoverFlush()
      return 'Unschedulable'
    }
    if (this.isBackingOff(q)) {
      this.backoffQ.addOrUpdate(q)
      this.scheduleBackoffFlush()
      return 'Backoff'
    }
    this.addToActiveQ(q)
    return 'Active'
  }

  private isEventOfInterest(event: ClusterEvent): boolean {
    if (event.resource === 'WildCard') return true
    for (const regs of this.o.events.values())
      for (const r of regs) if (matches(r, event)) return true
    return false
  }

  private isPodWorthRequeuing(
    q: QueuedPodInfo,
    event: ClusterEvent,
    oldObj?: Node | Pod,
    newObj?: Node | Pod,
  ): Strategy {
    if (q.unschedulablePlugins.size === 0 || event.resource === 'WildCard')
      return 'queueAfterBackoff'
    for (const plugin of q.unschedulablePlugins) {
      for (const r of this.o.events.get(plugin) ?? []) {
        if (!matches(r, event)) continue
        if (!r.hint || r.hint(q.pi.pod, oldObj, newObj) === 'Queue') return 'queueAfterBackoff'
      }
    }
    return 'queueSkip'
  }

  private alignedTick(at: number, period: number): number {
    return this.startMs + Math.ceil((at - this.startMs) / period) * period
  }

  private scheduleBackoffFlush(): void {
    const head = this.backoffQ.peek()
    if (!head) {
      if (this.backoffTimer) this.o.clock.cancel(this.backoffTimer.id)
      this.backoffTimer = undefined
      return
    }
    const at = this.alignedTick(
      Math.max(this.backoffTime(head), this.o.clock.now()),
      backoffFlushPeriodMs,
    )
    if (this.backoffTimer && this.backoffTimer.at <= at) return
    if (this.backoffTimer) this.o.clock.cancel(this.backoffTimer.id)
    this.backoffTimer = {
      at,
      id: this.o.clock.at(at, 'scheduler flushBackoffQCompleted', () =>
        this.flushBackoffQCompleted(),
      ),
    }
  }

  /** flushBackoffQCompleted: pods whose backoff ended go to activeQ. */
  private flushBackoffQCompleted(): void {
    this.backoffTimer = undefined
    for (
      let head = this.backoffQ.peek();
      head && !this.isBackingOff(head);
      head = this.backoffQ.peek()
    ) {
      this.backoffQ.pop()
      this.addToActiveQ(head)
    }
    this.scheduleBackoffFlush()
  }

  private scheduleLeftoverFlush(): void {
    // Pods join with the current time, so a pending timer is already due no later than theirs.
    if (this.unschedulable.size === 0 || this.leftoverTimer) return
    let earliest = Infinity
    for (const q of this.unschedulable.values()) if (q.timestamp < earliest) earliest = q.timestamp
    // A pod moves on the first 30 s tick more than podMaxInUnschedulablePodsDuration after it was queued.
    const due = earliest + this.o.podMaxInUnschedulablePodsMs
    const at =
      this.startMs +
      (Math.floor((due - this.startMs) / unschedulableFlushPeriodMs) + 1) *
        unschedulableFlushPeriodMs
    this.leftoverTimer = {
      at,
      id: this.o.clock.at(at, 'scheduler flushUnschedulablePodsLeftover', () =>
        this.flushUnschedulablePodsLeftover(),
      ),
    }
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for over 5 minutes are retried anyway. */
  private flushUnschedulablePodsLeftover(): void {
    this.leftoverTimer = undefined
    const now = this.o.clock.now()
    for (const [key, q] of [...this.unschedulable]) {
      if (now - q.timestamp > this.o.podMaxInUnschedulablePodsMs) {
        this.unschedulable.delete(key)
        this.requeue(q, 'queueAfterBackoff')
      }
    }
    this.scheduleLeftoverFlush()
  }
}

interface ClusterEventRecord {
  event: ClusterEvent
  oldObj: Node | Pod | undefined
  newObj: Node | Pod | undefined
}

function matches(r: ClusterEventWithHint, e: ClusterEvent): boolean {
  if (r.resource !== e.resource) return false
  for (const a of r.actions) if (e.actions.has(a)) return true
  return false
}

/** isPodUpdated: a change other than status, resourceVersion, generation or finalizers. */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod): string => {
    const m = p.metadata ?? {}
    const { resourceVersion: _rv, generation: _g, managedFields: _mf, finalizers: _f, ...meta } = m
    return JSON.stringify({ metadata: meta, spec: p.spec })
  }
  return strip(oldPod) !== strip(newPod)
}
