/**
 * One kubelet: registers its Node, renews its node lease and checks its node status every 10 s
 * (posting the status only when it changed or every 5 minutes), watches the pods bound to its node
 * (fieldSelector spec.nodeName=<node>, served from the API server's trigger index) and runs a
 * worker per pod through a level-triggered reconcile. Each reconcile ends with one status
 * write when the pod's status changed, so all that happens to a pod in one instant is one
 * write. A failed machine does nothing at all; restored, it reboots and re-syncs its pods.
 * Mirrors pkg/kubelet/kubelet.go (syncLoop, HandlePodAdditions/Updates/Removes) and
 * pkg/kubelet/status/status_manager.go (syncPod, canBeDeleted)
 */
import type { TimerId } from '../clock'
import { parseQuantity } from '../api/quantity'
import { noLoad } from '../apps'
import type { ComponentContext } from '../controllers/runtime/context'
import { startController } from '../controllers/runtime/controller'
import { createInformer, type Informer } from '../controllers/runtime/informer'
import { deepEqual } from '../util/json'
import { createBackoff } from './backoff'
import type { KubeletEnv } from './env'
import { createPodIPAllocator } from './ipam'
import { containerLogs } from './logs'
import { nodeAddressFor, podCIDRFor } from './nodeObject'
import { createNodeLeaseController } from './nodeLease'
import {
  heartbeatMs,
  heartbeatOffset,
  registerNode,
  startupEvents,
  updateNodeStatus,
  type NodeStatusState,
} from './nodeStatus'
import { generatePodStatus } from './podStatus'
import { anyRunning, machineLost, newWorker, syncPod, teardown } from './podWorker'
import type { PodObject, PodWorker } from './state'
import type { Kubelet, KubeletNode, KubeletOptions, NodeUsage } from './types'

const defaultLogLines = 1000

/** Start the kubelet of a node: its Node is registered before this returns. */
export function startKubelet(
  ctx: ComponentContext,
  node: KubeletNode,
  options: KubeletOptions = {},
): Kubelet {
  const name = node.name
  const clock = ctx.clock
  const random = ctx.random.fork(`kubelet/${name}`)
  const recorder = ctx.events('kubelet', name)
  const workers = new Map<string, PodWorker>()
  const logLines = options.logLines ?? defaultLogLines
  let state: 'running' | 'failed' | 'stopped' = 'running'
  let bootID = ''
  let informer: Informer<PodObject> | undefined
  let heartbeat: TimerId | undefined
  let statusState: NodeStatusState = {}
  const lease = createNodeLeaseController(ctx, name, (error) =>
    ctx.onError(`kubelet/${name}`, name, `node lease: ${error}`),
  )
  const cpuQuantity = parseQuantity(node.cpu)
  const cpus = cpuQuantity.ok ? Math.max(1, cpuQuantity.q.milliValue / 1000) : 1

  const controller = startController(clock, `kubelet/${name}`, reconcile, ctx.onError)

  const env: KubeletEnv = {
    node,
    nodeIP: nodeAddressFor(node.index),
    cpus,
    clock,
    random,
    client: ctx.client,
    recorder,
    ipam: createPodIPAllocator(podCIDRFor(node.index)),
    images: { present: new Set(), pullerFreeAt: 0, arriving: new Map() },
    pullBackoff: createBackoff(),
    lastPullError: new Map(),
    crashBackoff: createBackoff(),
    enqueue: (key) => {
      if (state === 'running') controller.queue.add(key)
    },
    timer(w, at, fn) {
      const id: TimerId = clock.at(at, `kubelet/${name} ${w.key}`, () => {
        w.timers.delete(id)
        if (state === 'running') fn()
      })
      w.timers.add(id)
      return id
    },
    cancel(w, id) {
      if (id === undefined) return
      clock.cancel(id)
      w.timers.delete(id)
    },
    wakeAt(w, at) {
      if (at <= clock.now()) {
        env.enqueue(w.key)
        return
      }
      env.timer(w, at, () => env.enqueue(w.key))
    },
  }

  function reconcile(key: string): void {
    if (state !== 'running' || !informer) return
    const pod = informer.get(key)
    let w = workers.get(key)
    if (w && (!pod || pod.metadata.uid !== w.uid)) {
      teardown(env, w)
      workers.delete(key)
      w = undefined
    }
    if (!pod) return
    if (!w) {
      w = newWorker(key, pod)
      workers.set(key, w)
    }
    w.pod = pod
    if (w.deleteSent) return
    syncPod(env, w)
    writeStatus(w)
  }

  // The status manager: one write when the computed status differs from what the API holds.
  function writeStatus(w: PodWorker): void {
    const pod = informer?.get(w.key)
    if (!pod || pod.metadata.uid !== w.uid) return
    w.pod = pod
    const deleting = !!pod.metadata.deletionTimestamp
    const final = deleting && !anyRunning(w)
    const status = generatePodStatus(w, clock.now(), env.nodeIP, final)
    if (!deepEqual(status, pod.status)) {
      // A merge patch of the status alone, pinned to the pod's uid (as statusutil.PatchPodStatus does).
      const patch: Record<string, unknown> = { ...status }
      for (const k of Object.keys(pod.status ?? {})) if (!(k in patch)) patch[k] = null
      const res = ctx.client.patch(
        'Pod',
        w.namespace,
        w.name,
        { metadata: { uid: w.uid }, status: patch },
        'merge',
        'status',
      )
      if (!res.ok && res.status.code !== 404)
        ctx.onError(`kubelet/${name}`, w.key, `status update: ${res.status.message ?? ''}`)
    }
    if (final) {
      // Everything has stopped: the kubelet finishes the graceful deletion (canBeDeleted).
      w.deleteSent = true
      const res = ctx.client.delete('Pod', w.namespace, w.name, {
        gracePeriodSeconds: 0,
        preconditions: { uid: w.uid },
      })
      if (!res.ok && res.status.code !== 404 && res.status.code !== 409)
        ctx.onError(`kubelet/${name}`, w.key, `delete: ${res.status.message ?? ''}`)
    }
  }

  function watchPods(): void {
    const inf = createInformer<PodObject>(ctx.api, '/api/v1/pods', {
      fieldSelector: `spec.nodeName=${name}`,
    })
    inf.addHandlers({
      add: (p) => controller.queue.add(`${p.metadata.namespace}/${p.metadata.name}`),
      update: (o, n) => {
        // Status-only changes are the kubelet's own writes (or reconcile-only), as HandlePodReconcile treats them.
        if (
          o.metadata.uid !== n.metadata.uid ||
          o.metadata.deletionTimestamp !== n.metadata.deletionTimestamp ||
          o.metadata.deletionGracePeriodSeconds !== n.metadata.deletionGracePeriodSeconds ||
          !deepEqual(o.spec, n.spec)
        ) {
          controller.queue.add(`${n.metadata.namespace}/${n.metadata.name}`)
        }
      },
      delete: (p) => controller.queue.add(`${p.metadata.namespace}/${p.metadata.name}`),
    })
    informer = inf
  }

  function scheduleHeartbeat(): void {
    const now = clock.now()
    const offset = heartbeatOffset(node.index)
    let next = now - (now % heartbeatMs) + offset
    if (next <= now) next += heartbeatMs
    // The lease renewal and the status check share the node's slot (both run every 10 s upstream).
    heartbeat = clock.at(next, `kubelet/${name} heartbeat`, () => {
      heartbeat = undefined
      if (state !== 'running') return
      lease.sync()
      const res = updateNodeStatus(ctx, node, bootID, statusState)
      if (!res.ok) ctx.onError(`kubelet/${name}`, name, `node status: ${res.error ?? ''}`)
      scheduleHeartbeat()
    })
  }

  function boot(rebooted: boolean): void {
    // A (re)started kubelet has posted nothing and written no lease yet.
    statusState = {}
    lease.reset()
    const reg = registerNode(ctx, node, bootID, statusState)
    if (!reg.ok) ctx.onError(`kubelet/${name}`, name, `register node: ${reg.error ?? ''}`)
    // The lease controller's first sync runs at start, then every renew interval.
    lease.sync()
    if (options.nodeEvents !== false) startupEvents(recorder, name, rebooted ? bootID : undefined)
    watchPods()
    scheduleHeartbeat()
  }

  function halt(): void {
    if (heartbeat !== undefined) clock.cancel(heartbeat)
    heartbeat = undefined
    informer?.stop()
    informer = undefined
  }

  boot(false)

  return {
    nodeName: name,
    stop() {
      if (state === 'stopped') return
      halt()
      for (const w of workers.values()) teardown(env, w)
      workers.clear()
      state = 'stopped'
    },
    fail() {
      if (state !== 'running') return
      state = 'failed'
      halt()
      for (const w of workers.values()) machineLost(env, w)
    },
    restore() {
      if (state !== 'failed') return
      state = 'running'
      bootID = random.uuid()
      boot(true)
      // Pods deleted while the machine was down are not in the new list: their workers go too.
      for (const key of workers.keys()) controller.queue.add(key)
    },
    failed: () => state === 'failed',
    logs(namespace, pod, container, previous = false) {
      const r = this.readLogs(namespace, pod, container, previous)
      return r.ok ? r.lines : []
    },
    readLogs(namespace, pod, container, previous = false) {
      return containerLogs(
        env,
        workers.get(`${namespace}/${pod}`),
        pod,
        container,
        previous,
        logLines,
      )
    },
    usage(): NodeUsage {
      const now = clock.now()
      const out: NodeUsage = { cpuMillis: 0, memoryBytes: 0, pods: [] }
      if (state !== 'running') return out
      for (const w of workers.values()) {
        const containers = []
        for (const st of w.containers.values()) {
          const run = st.current
          if (!run || run.finishedAt !== undefined) continue
          const u = run.app.usage(now - run.startedAt, noLoad)
          containers.push({ name: st.name, cpuMillis: u.cpuMillis, memoryBytes: u.memoryBytes })
          out.cpuMillis += u.cpuMillis
          out.memoryBytes += u.memoryBytes
        }
        if (containers.length) out.pods.push({ namespace: w.namespace, name: w.name, containers })
      }
      return out
    },
  }
}
