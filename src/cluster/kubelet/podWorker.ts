/**
 * The pod worker's sync: given a pod bound to this node and what runs of it, do the next
 * thing: set up the sandbox and its IP, run init containers one at a time, start the regular
 * containers, restart exited ones by the restart policy with the crash-loop back-off, and,
 * once the pod is being deleted, stop everything within the grace period.
 * Mirrors pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, SyncPod, doBackOff)
 * and pkg/kubelet/pod_workers.go (the setup, terminating and terminated phases)
 */
import type { Container } from 'kubernetes-types/core/v1'
import { formatTime } from '../clock'
import type { KubeletEnv } from './env'
import { ensureImage } from './images'
import { message, podFullName, reason, waitingReason } from './messages'
import { discardContainer, killContainer, plegRelistMs, startContainer } from './runtime'
import type { ContainerRun, ContainerState, PodObject, PodWorker } from './state'

/** How long creating a pod sandbox (pause container and network) takes. */
export const sandboxMs = 500
/** How long a pod waits before trying again for an IP when its node's range is full. */
const noIPRetryMs = 10_000

/** A new worker for a pod just seen on the node. */
export function newWorker(key: string, pod: PodObject): PodWorker {
  const meta = pod.metadata
  const w: PodWorker = {
    key,
    uid: meta.uid ?? '',
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    pod,
    sandbox: 'none',
    containers: new Map(),
    timers: new Set(),
    deleteSent: false,
  }
  const add = (c: Container, init: boolean): void => {
    w.containers.set(c.name, { name: c.name, init, spec: c, restartCount: 0 })
  }
  for (const c of pod.spec?.initContainers ?? []) add(c, true)
  for (const c of pod.spec?.containers ?? []) add(c, false)
  return w
}

/** Whether any container of the pod is still running. */
export function anyRunning(w: PodWorker): boolean {
  for (const st of w.containers.values())
    if (st.current && st.current.finishedAt === undefined) return true
  return false
}

function createSandbox(env: KubeletEnv, w: PodWorker): void {
  const now = env.clock.now()
  const ip = env.ipam.allocate(w.uid)
  if (!ip) {
    const sandboxID = env.random.uuid().replace(/-/g, '') + env.random.uuid().replace(/-/g, '')
    env.recorder.event(
      w.pod,
      'Warning',
      reason.failedCreatePodSandBox,
      message.noIPs(sandboxID.slice(0, 64), env.ipam.range),
    )
    env.wakeAt(w, now + noIPRetryMs)
    return
  }
  w.ip = ip
  w.sandbox = 'creating'
  env.timer(w, now + sandboxMs, () => {
    if (w.sandbox !== 'creating') return
    w.sandbox = 'ready'
    env.enqueue(w.key)
  })
}

// An image change is the one change of a container a pod update may make (spec.containers[*].image).
function refreshSpecs(env: KubeletEnv, w: PodWorker): void {
  const specs = [...(w.pod.spec?.initContainers ?? []), ...(w.pod.spec?.containers ?? [])]
  for (const c of specs) {
    const st = w.containers.get(c.name)
    if (!st) continue
    const changed = st.spec.image !== c.image
    st.spec = c
    if (changed && !st.init) {
      const run = st.current
      if (run && run.finishedAt === undefined) killContainer(env, w, st, run, 'definition')
      // A new image is a new start: no waiting reason of the old one carries over.
      if (st.waiting?.reason !== waitingReason.crashLoopBackOff) st.waiting = undefined
    }
  }
}

type StartResult = 'started' | 'blocked' | 'failed'

function startOrWait(env: KubeletEnv, w: PodWorker, st: ContainerState): StartResult {
  const model = ensureImage(env, w, st)
  if (model === 'wait') return w.pulling ? 'blocked' : 'failed'
  startContainer(env, w, st, model)
  return 'started'
}

// Mirrors kuberuntime_manager.go doBackOff: restart now, or wait out the back-off in CrashLoopBackOff.
function restartOrBackOff(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
): StartResult {
  const now = env.clock.now()
  const finished = run.finishedAt ?? now
  const key = `${w.uid}/${st.name}`
  if (env.crashBackoff.isInBackOffSince(key, finished, now)) {
    const pod = podFullName(w.name, w.namespace, w.uid)
    if (st.waiting?.reason !== waitingReason.crashLoopBackOff) {
      env.recorder.event(w.pod, 'Warning', reason.backOff, message.backOffRestart(st.name, pod))
    }
    st.waiting = {
      reason: waitingReason.crashLoopBackOff,
      message: message.crashLoop(env.crashBackoff.get(key), st.name, pod),
    }
    env.wakeAt(w, finished + env.crashBackoff.get(key))
    return 'failed'
  }
  // A pull still failing keeps its own waiting reason; only a fresh attempt moves the back-off on.
  if (
    st.waiting?.reason !== waitingReason.imagePullBackOff &&
    st.waiting?.reason !== waitingReason.errImagePull
  )
    env.crashBackoff.next(key, finished, now)
  return startOrWait(env, w, st)
}

function shouldRestart(policy: string, run: ContainerRun): boolean {
  if (run.kill?.reason === 'definition') return true
  return policy === 'Always' || (policy === 'OnFailure' && run.exitCode !== 0)
}

/** Do the next step for a pod that is not being deleted. */
export function syncPod(env: KubeletEnv, w: PodWorker): void {
  if (w.pod.metadata?.deletionTimestamp) {
    terminatePod(env, w)
    return
  }
  if (w.terminal) return
  const now = env.clock.now()
  w.startTime ??= formatTime(now)
  if (w.sandbox === 'none' || w.sandbox === 'gone') {
    createSandbox(env, w)
    return
  }
  if (w.sandbox === 'creating' || w.pulling) return
  refreshSpecs(env, w)
  const policy = w.pod.spec?.restartPolicy ?? 'Always'
  for (const c of w.pod.spec?.initContainers ?? []) {
    const st = w.containers.get(c.name)
    if (!st) continue
    const run = st.current
    if (run && run.finishedAt === undefined) return
    if (run && run.exitCode === 0 && !st.waiting) continue
    if (!run) {
      startOrWait(env, w, st)
      return
    }
    if (run.exitCode === 0) {
      // Restarting after a reboot or an image change: run it again.
      startOrWait(env, w, st)
      return
    }
    if (policy === 'Never') {
      w.terminal = 'Failed'
      return
    }
    const decideAt = (run.finishedAt ?? now) + (run.killedByKubelet ? 0 : plegRelistMs)
    if (now < decideAt) {
      env.wakeAt(w, decideAt)
      return
    }
    restartOrBackOff(env, w, st, run)
    return
  }
  let pending = false
  for (const c of w.pod.spec?.containers ?? []) {
    const st = w.containers.get(c.name)
    if (!st) continue
    const run = st.current
    if (run && run.finishedAt === undefined) continue
    if (!run) {
      const r = startOrWait(env, w, st)
      if (r === 'blocked') return
      pending = true
      continue
    }
    if (!shouldRestart(policy, run)) continue
    pending = true
    const decideAt = (run.finishedAt ?? now) + (run.killedByKubelet ? 0 : plegRelistMs)
    if (now < decideAt) {
      env.wakeAt(w, decideAt)
      continue
    }
    if (restartOrBackOff(env, w, st, run) === 'blocked') return
  }
  // With Never or OnFailure, a pod whose containers have all finished for good is done.
  if (policy !== 'Always' && !pending && !anyRunning(w)) {
    const main = (w.pod.spec?.containers ?? []).map((c) => w.containers.get(c.name)?.current)
    if (main.every((r) => r && r.finishedAt !== undefined)) {
      w.terminal = main.every((r) => r?.exitCode === 0) ? 'Succeeded' : 'Failed'
      w.sandbox = 'gone'
    }
  }
}

/** The pod is being deleted: stop every running container (no-op for those already stopping). */
export function terminatePod(env: KubeletEnv, w: PodWorker): void {
  if (w.pulling) {
    env.cancel(w, w.pulling.timer)
    w.pulling = undefined
  }
  for (const st of w.containers.values()) {
    const run = st.current
    if (run && run.finishedAt === undefined) killContainer(env, w, st, run, 'pod')
  }
}

/** Cancel everything a pod has on the node (its object is gone, or the kubelet stops). */
export function teardown(env: KubeletEnv, w: PodWorker): void {
  for (const st of w.containers.values()) {
    if (st.current) discardContainer(env, w, st.current, 137, 'Error')
    env.crashBackoff.reset(`${w.uid}/${st.name}`)
    env.pullBackoff.reset(`${w.uid}_${st.spec.image ?? ''}`)
    env.lastPullError.delete(`${w.uid}_${st.spec.image ?? ''}`)
  }
  for (const t of w.timers) env.cancel(w, t)
  w.timers.clear()
  w.pulling = undefined
  env.ipam.release(w.uid)
}

/** The machine died: its containers are gone (reported after reboot as exit code 255, Unknown). */
export function machineLost(env: KubeletEnv, w: PodWorker): void {
  for (const st of w.containers.values()) {
    const run = st.current
    if (run && run.finishedAt === undefined) discardContainer(env, w, run, 255, 'Unknown')
    if (st.waiting?.reason === waitingReason.runContainerError) st.waiting = undefined
    // A new sandbox runs the init containers again.
    if (st.init && run?.exitCode === 0) st.waiting = { reason: waitingReason.podInitializing }
  }
  for (const t of w.timers) env.cancel(w, t)
  w.timers.clear()
  w.pulling = undefined
  if (w.sandbox !== 'gone' || !w.terminal) w.sandbox = 'none'
}
