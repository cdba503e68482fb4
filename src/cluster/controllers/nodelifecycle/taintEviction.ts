/**
 * The taint eviction controller: pods on a node with NoExecute taints they do not tolerate are
 * deleted at once; pods tolerating them for tolerationSeconds are deleted when that time has
 * passed since the controller noticed the taint, unless the taint goes first. Each deletion is
 * announced by a TaintManagerEviction event and a DisruptionTarget condition on the pod.
 * Mirrors pkg/controller/tainteviction/taint_eviction.go and timed_workers.go (v1.30)
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import type { TimerId } from '../../clock'
import { formatTime } from '../../clock'
import { deepCopy, deepEqual } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'
import { keyOf, splitKey } from '../runtime/informer'
import { updatePodCondition, type PodObject } from './podConditions'
import { podsAssignedToNode } from './podsByNode'
import { getMatchingTolerations, getMinTolerationTimeMs, type NodeObject } from './taints'

/** The controller's name, also its event source component. */
export const taintEvictionComponent = 'taint-eviction-controller'
// Attempts at deleting a pod when its time comes.
const retries = 5

/** The running controller. */
export interface TaintEvictionController {
  stop(): void
  /** Pods ("namespace/name") with a deletion scheduled, and when (ms). */
  scheduled(): Map<string, number>
}

const noExecute = (taints: readonly Taint[] | undefined): Taint[] => (taints ?? []).filter((t) => t.effect === 'NoExecute')

/** A scheduled deletion; `timer` is undefined once it ran (the key stays, so it is not added again). */
interface TimedWorker {
  createdAt: number
  /** When the timer runs (virtual ms). */
  firesAt: number
  timer: TimerId | undefined
}

/** Start the taint eviction controller. */
export function startTaintEvictionController(ctx: ComponentContext): TaintEvictionController {
  const { clock, client } = ctx
  let stopped = false
  const nodes = ctx.informers.informer<NodeObject>('Node')
  const pods = ctx.informers.informer<PodObject>('Pod')
  const podsOn = podsAssignedToNode(pods)
  const recorder = ctx.events(taintEvictionComponent)
  const taintedNodes = new Map<string, Taint[]>()
  const workers = new Map<string, TimedWorker>()

  const podRef = (key: string) => {
    const { namespace, name } = splitKey(key)
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } }
  }

  // Mirrors addConditionAndDeletePod.
  function addConditionAndDeletePod(key: string): string | undefined {
    const { namespace, name } = splitKey(key)
    const got = client.get<PodObject>('Pod', namespace, name)
    if (!got.ok) return got.status.message ?? 'get failed'
    const status = deepCopy(got.object.status ?? {})
    const updated = updatePodCondition(
      status,
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
      formatTime(clock.now()),
    )
    if (updated) {
      const patched = client.patch('Pod', namespace, name, { metadata: { uid: got.object.metadata.uid }, status: { conditions: status.conditions } }, 'strategic', 'status')
      if (!patched.ok) return patched.status.message ?? 'patch failed'
    }
    const res = client.delete('Pod', namespace, name)
    return res.ok ? undefined : (res.status.message ?? 'delete failed')
  }

  // Mirrors deletePodHandler and the wrapped worker func: the event first, then up to 5 attempts.
  function fire(key: string): void {
    if (stopped) return
    recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`)
    let err: string | undefined
    for (let i = 0; i < retries; i++) {
      err = addConditionAndDeletePod(key)
      if (err === undefined) break
    }
    if (err === undefined) {
      const w = workers.get(key)
      if (w) w.timer = undefined
    } else {
      workers.delete(key)
      ctx.onError(taintEvictionComponent, key, `TaintEvictionController: timed worker failed: ${err}`)
    }
  }

  function addWork(key: string, createdAt: number, fireAt: number): void {
    if (workers.has(key)) return
    // The delay is counted from now, as createWorker's timer is (fireAt - createdAt).
    const delay = Math.max(0, fireAt - createdAt)
    const w: TimedWorker = { createdAt, firesAt: clock.now() + delay, timer: undefined }
    workers.set(key, w)
    w.timer = clock.after(delay, `${taintEvictionComponent} ${key}`, () => fire(key))
  }

  function cancelWorkWithEvent(key: string): void {
    const w = workers.get(key)
    if (!w) return
    workers.delete(key)
    if (w.timer !== undefined) {
      clock.cancel(w.timer)
      recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`)
    }
  }

  // Mirrors processPodOnNode.
  function processPodOnNode(key: string, tolerations: readonly Toleration[] | undefined, taints: readonly Taint[], now: number): void {
    if (taints.length === 0) cancelWorkWithEvent(key)
    const { allTolerated, used } = getMatchingTolerations(taints, tolerations ?? [])
    if (!allTolerated) {
      // Not tolerated: cancel anything scheduled and delete now.
      cancelWorkWithEvent(key)
      addWork(key, now, now)
      return
    }
    const min = getMinTolerationTimeMs(used)
    if (min < 0) {
      cancelWorkWithEvent(key)
      return
    }
    let startTime = now
    const triggerTime = startTime + min
    const existing = workers.get(key)
    if (existing) {
      startTime = existing.createdAt
      if (startTime + min < triggerTime) return
      cancelWorkWithEvent(key)
    }
    addWork(key, startTime, triggerTime)
  }

  function handleNodeUpdate(name: string): void {
    const node = nodes.get(name)
    if (!node) {
      taintedNodes.delete(name)
      return
    }
    const taints = noExecute(node.spec?.taints)
    if (taints.length === 0) taintedNodes.delete(name)
    else taintedNodes.set(name, taints)
    const onNode = podsOn(name)
    if (onNode.length === 0) return
    if (taints.length === 0) {
      for (const p of onNode) cancelWorkWithEvent(keyOf(p))
      return
    }
    const now = clock.now()
    for (const p of onNode) processPodOnNode(keyOf(p), p.spec?.tolerations, taints, now)
  }

  function handlePodUpdate(key: string): void {
    const pod = pods.get(key)
    if (!pod) {
      cancelWorkWithEvent(key)
      return
    }
    const nodeName = pod.spec?.nodeName
    if (!nodeName) return
    const taints = taintedNodes.get(nodeName)
    if (!taints) return
    processPodOnNode(key, pod.spec?.tolerations, taints, clock.now())
  }

  // One queue for both kinds of work, node keys first in line as upstream's workers prefer them.
  const controller = startController(
    clock,
    taintEvictionComponent,
    (key) => {
      if (stopped) return
      if (key.startsWith('node:')) handleNodeUpdate(key.slice(5))
      else if (key.startsWith('pod:')) handlePodUpdate(key.slice(4))
    },
    ctx.onError,
  )

  nodes.addHandlers({
    add: (n) => stopped || controller.queue.add(`node:${n.metadata.name}`),
    update: (old, n) => {
      if (stopped || deepEqual(noExecute(old.spec?.taints), noExecute(n.spec?.taints))) return
      controller.queue.add(`node:${n.metadata.name}`)
    },
    delete: (n) => stopped || controller.queue.add(`node:${n.metadata.name}`),
  })
  pods.addHandlers({
    add: (p) => stopped || controller.queue.add(`pod:${keyOf(p)}`),
    update: (old, p) => {
      if (stopped) return
      if (old.spec?.nodeName === p.spec?.nodeName && deepEqual(old.spec?.tolerations ?? [], p.spec?.tolerations ?? [])) return
      controller.queue.add(`pod:${keyOf(p)}`)
    },
    delete: (p) => stopped || controller.queue.add(`pod:${keyOf(p)}`),
  })

  return {
    stop: () => {
      stopped = true
      for (const w of workers.values()) if (w.timer !== undefined) clock.cancel(w.timer)
    },
    scheduled: () => new Map([...workers].filter(([, w]) => w.timer !== undefined).map(([k, w]) => [k, w.firesAt])),
  }
}
