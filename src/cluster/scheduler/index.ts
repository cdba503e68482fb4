/**
 * The kube-scheduler: a client of the API that watches pods and nodes through shared informers,
 * places pending pods with the scheduling framework and binds them, and serves its decisions at
 * /apis/scheduling.kubeplay.dev/v1alpha1. Scheduling runs in clock tasks, never inside the API
 * call whose watch event queued the pod.
 * Mirrors pkg/scheduler/scheduler.go
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { Service } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../api/types'
import type { ComponentContext } from '../controllers/runtime/context'
import { decisionsApi } from './decisions/api'
import { decisionObject } from './decisions/object'
import { DecisionStore } from './decisions/store'
import { addAllEventHandlers } from './eventHandlers'
import { SchedulerCache } from './framework/cache'
import { SchedulingQueue, type QueueName } from './framework/queue/schedulingQueue'
import { Framework } from './framework/runtime'
import { Snapshot } from './framework/snapshot'
import type { Handle } from './framework/types'
import { resolveOptions, type SchedulerOptions } from './options'
import { less } from './plugins/PrioritySort/prioritySort'
import type { SpreadListers } from './plugins/PodTopologySpread/podTopologySpread'
import { defaultProfile } from './profile'
import { Algorithm } from './schedulePod'
import { scheduleOne, type SchedulerParts } from './scheduleOne'

export type { SchedulerOptions } from './options'

/** A running scheduler. */
export interface Scheduler {
  stop(): void
  /** Pending pods per queue (activeQ, backoffQ, unschedulablePods). */
  pending(): { active: number; backoff: number; unschedulable: number }
  /** Which queue a pending pod ("namespace/name") is in. */
  queueOf(key: string): QueueName | undefined
  /** A pod's latest decision as the API serves it. */
  decision(namespace: string, name: string): Record<string, unknown> | undefined
}

/** Start the scheduler on a component context. */
export function startScheduler(ctx: ComponentContext, options?: SchedulerOptions): Scheduler {
  const o = resolveOptions(options)
  const pods = ctx.informers.informer<StoredObject>('Pod')
  const nodes = ctx.informers.informer<StoredObject>('Node')
  const services = ctx.informers.informer<StoredObject>('Service')
  const replicaSets = ctx.informers.informer<StoredObject>('ReplicaSet')
  const listers: SpreadListers = {
    serviceSelectors: (ns) => services.listNamespace(ns).map((s) => (s as Service).spec?.selector),
    replicaSetSelector: (ns, name) =>
      (replicaSets.get(`${ns}/${name}`) as ReplicaSet | undefined)?.spec?.selector,
  }
  const snapshot = new Snapshot()
  const recorder = ctx.events('default-scheduler')
  const handle: Handle = {
    snapshot: () => snapshot,
    client: ctx.client,
    events: recorder,
    now: () => ctx.clock.now(),
    runFilterPlugins: (state, pod, node) => fwk.runFilterPluginsOnCopy(state, pod, node),
  }
  const fwk = new Framework(defaultProfile(handle, o, listers))
  const cache = new SchedulerCache()
  let stopped = false
  let scheduled = false

  const run = (): void => {
    scheduled = false
    if (stopped) return
    // The pods active now; pods that become active meanwhile get a task of their own.
    for (let n = queue.counts().active; n > 0; n--) if (!scheduleOne(parts)) break
    if (queue.counts().active > 0) wake()
  }
  const wake = (): void => {
    if (scheduled || stopped) return
    scheduled = true
    ctx.clock.after(0, 'scheduler', run)
  }
  const queue = new SchedulingQueue({
    clock: ctx.clock,
    podInitialBackoffMs: o.podInitialBackoffMs,
    podMaxBackoffMs: o.podMaxBackoffMs,
    podMaxInUnschedulablePodsMs: o.podMaxInUnschedulablePodsMs,
    less: fwk.queueSort?.less ?? less,
    events: fwk.events,
    onActive: wake,
  })
  const decisions = new DecisionStore(o.decisionHistory)
  const parts: SchedulerParts = {
    ctx,
    fwk,
    queue,
    cache,
    snapshot,
    algorithm: new Algorithm(fwk, o.percentageOfNodesToScore, ctx.random, (len) =>
      decisions.pool.get(len),
    ),
    decisions,
    recorder,
    pods,
  }
  addAllEventHandlers(pods, nodes, cache, queue, decisions, () => !stopped)
  const removeApi = ctx.api.aggregate(decisionsApi(decisions))

  return {
    stop() {
      stopped = true
      queue.stop()
      removeApi()
    },
    pending: () => queue.counts(),
    queueOf: (key) => queue.where(key),
    decision(namespace, name) {
      const d = decisions.get(`${namespace}/${name}`)
      return d ? decisionObject(d) : undefined
    },
  }
}
