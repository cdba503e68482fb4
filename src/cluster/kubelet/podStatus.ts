/**
 * A pod's status as the kubelet computes it from what it runs: phase, the kubelet-owned
 * conditions (PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled)
 * with their transition times, pod and host IPs, and a status per container.
 * Mirrors pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, convertToAPIContainerStatuses,
 * getPhase), pkg/kubelet/status/generate.go and status_manager.go (TerminatePod,
 * updateLastTransitionTime)
 */
import type {
  ContainerState as ApiContainerState,
  ContainerStatus,
  PodCondition,
  PodStatus,
} from 'kubernetes-types/core/v1'
import { formatTime } from '../clock'
import type { ContainerRun, ContainerState, PodObject, PodWorker } from './state'
import { message, waitingReason } from './messages'

/** Conditions the kubelet owns (kubetypes.PodConditionsByKubelet). */
const kubeletConditions = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
])

// A container that failed to start shows the Unix epoch as its start time.
const epoch = '1970-01-01T00:00:00Z'

function terminated(run: ContainerRun): ApiContainerState {
  return {
    terminated: {
      exitCode: run.exitCode ?? 0,
      reason: run.reason,
      ...(run.message ? { message: run.message } : {}),
      startedAt: run.startError ? epoch : formatTime(run.startedAt),
      finishedAt: formatTime(run.finishedAt ?? run.startedAt),
      containerID: run.id,
    },
  }
}

/** The status of one container. */
export function containerStatus(
  st: ContainerState,
  defaultWaiting: string,
  terminating: boolean,
): ContainerStatus {
  const run = st.current
  let state: ApiContainerState
  let lastState: ApiContainerState = {}
  if (run && run.finishedAt === undefined) {
    state = { running: { startedAt: formatTime(run.startedAt) } }
    if (st.previous) lastState = terminated(st.previous)
  } else if (st.waiting && !terminating) {
    state = {
      waiting: {
        reason: st.waiting.reason,
        ...(st.waiting.message ? { message: st.waiting.message } : {}),
      },
    }
    if (run) lastState = terminated(run)
    else if (st.previous) lastState = terminated(st.previous)
  } else if (run) {
    state = terminated(run)
    if (st.previous) lastState = terminated(st.previous)
  } else if (terminating) {
    // TerminatePod: a container that never ran is reported lost, and as a failure.
    state = {
      terminated: {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: message.statusUnknown,
      },
    }
  } else {
    state = { waiting: { reason: defaultWaiting } }
  }
  const running = !!run && run.finishedAt === undefined
  const ready = st.init
    ? !!run && run.finishedAt !== undefined && run.exitCode === 0
    : running && !!run?.ready && !run?.kill
  const status: ContainerStatus = {
    name: st.name,
    state,
    lastState,
    ready,
    restartCount: st.restartCount,
    image: run ? run.image : (st.spec.image ?? ''),
    imageID: run ? run.imageID : '',
    ...(run ? { containerID: run.id } : {}),
    started: running && !!run?.started,
  }
  return status
}

/** getPhase: the pod phase from its containers' states and its restart policy. */
export function podPhase(
  pod: PodObject,
  init: ContainerStatus[],
  main: ContainerStatus[],
  podIsTerminal: boolean,
): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const policy = pod.spec?.restartPolicy ?? 'Always'
  let pendingInit = 0
  let failedInit = 0
  for (const s of init) {
    if (s.state?.running) pendingInit++
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++
      } else pendingInit++
    } else pendingInit++
  }
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  let unknown = 0
  for (const s of main) {
    if (s.state?.running) running++
    else if (s.state?.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++
      else waiting++
    } else unknown++
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed'
  if (pendingInit > 0 || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (policy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

const list = (names: string[]): string => `[${names.join(' ')}]`

function readyConditions(
  pod: PodObject,
  init: ContainerStatus[],
  main: ContainerStatus[],
  phase: string,
) {
  let initialized: Omit<PodCondition, 'lastTransitionTime'> = {
    type: 'Initialized',
    status: 'True',
  }
  const incomplete = init.filter((s) => !s.ready).map((s) => s.name)
  if (phase === 'Succeeded')
    initialized = { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
  else if (main.some((s) => s.state?.running || s.state?.terminated))
    initialized = { type: 'Initialized', status: 'True' }
  else if (incomplete.length) {
    initialized = {
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: `containers with incomplete status: ${list(incomplete)}`,
    }
  }
  let containersReady: Omit<PodCondition, 'lastTransitionTime'>
  if (phase === 'Succeeded' || phase === 'Failed') {
    containersReady = {
      type: 'ContainersReady',
      status: 'False',
      reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed',
    }
  } else {
    const unready = main.filter((s) => !s.ready).map((s) => s.name)
    containersReady = unready.length
      ? {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: ${list(unready)}`,
        }
      : { type: 'ContainersReady', status: 'True' }
  }
  let ready: Omit<PodCondition, 'lastTransitionTime'> = { ...containersReady, type: 'Ready' }
  if (containersReady.status === 'True') {
    const gates = (pod.spec?.readinessGates ?? []).map((g) => g.conditionType)
    const conds = pod.status?.conditions ?? []
    const msgs: string[] = []
    for (const g of gates) {
      const c = conds.find((x) => x.type === g)
      if (!c) msgs.push(`corresponding condition of pod readiness gate "${g}" does not exist.`)
      else if (c.status !== 'True')
        msgs.push(`the status of pod readiness gate "${g}" is not "True", but ${c.status}`)
    }
    if (msgs.length)
      ready = {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message: msgs.join(', '),
      }
  }
  return { initialized, ready, containersReady }
}

/** What the kubelet writes: its view of the pod merged over the status the API holds. */
export function generatePodStatus(
  w: PodWorker,
  now: number,
  hostIP: string,
  terminating: boolean,
): PodStatus {
  const pod = w.pod
  const api = pod.status ?? {}
  const hasInit = (pod.spec?.initContainers ?? []).length > 0
  const defaultWaiting = hasInit ? waitingReason.podInitializing : waitingReason.containerCreating
  const statuses = (specs: { name: string }[] | undefined): ContainerStatus[] =>
    (specs ?? []).flatMap((c) => {
      const st = w.containers.get(c.name)
      return st ? [containerStatus(st, defaultWaiting, terminating)] : []
    })
  const init = statuses(pod.spec?.initContainers)
  const main = statuses(pod.spec?.containers)
  let phase = podPhase(pod, init, main, terminating)
  if (terminating && (phase === 'Pending' || phase === 'Running')) phase = 'Failed'
  if (w.terminal) phase = w.terminal
  const { initialized, ready, containersReady } = readyConditions(pod, init, main, phase)
  const time = formatTime(now)
  const old = api.conditions ?? []
  const withTime = (c: Omit<PodCondition, 'lastTransitionTime'>): PodCondition => {
    const prev = old.find((o) => o.type === c.type)
    // lastProbeTime is never set by the kubelet (a null the API server does not store).
    return {
      ...c,
      lastTransitionTime:
        prev && prev.status === c.status && prev.lastTransitionTime
          ? prev.lastTransitionTime
          : time,
    }
  }
  const conditions: PodCondition[] = [
    ...old.filter((c) => !kubeletConditions.has(c.type)),
    withTime({
      type: 'PodReadyToStartContainers',
      status: w.sandbox === 'ready' && !w.terminal && !terminating ? 'True' : 'False',
    }),
    withTime(initialized),
    withTime(ready),
    withTime(containersReady),
    withTime({ type: 'PodScheduled', status: 'True' }),
  ]
  const status: PodStatus = {
    ...api,
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(w.ip && w.sandbox !== 'none' && w.sandbox !== 'creating'
      ? { podIP: w.ip, podIPs: [{ ip: w.ip }] }
      : {}),
    startTime: w.startTime,
    ...(hasInit ? { initContainerStatuses: init } : {}),
    containerStatuses: main,
  }
  if (!(w.ip && w.sandbox !== 'none' && w.sandbox !== 'creating')) {
    delete status.podIP
    delete status.podIPs
  }
  return status
}
