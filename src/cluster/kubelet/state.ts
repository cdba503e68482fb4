/**
 * What a kubelet knows about each pod it runs: the sandbox and its IP, and for every
 * container its current and previous instance (the container runtime's view), why it is
 * waiting, and its probes. Pod status is computed from this and nothing else.
 */
import type { Container, PodSpec, PodStatus, Probe } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../api/types'
import type { TimerId } from '../clock'
import type { AppInstance, AppModel } from '../apps'

/** A Pod as the API serves it: stored metadata, the core/v1 spec and status. */
export type PodObject = StoredObject & { spec?: PodSpec; status?: PodStatus }

/** The probe kinds, in the order the kubelet reports them. */
export type ProbeKind = 'startup' | 'liveness' | 'readiness'

/** One probe worker: its spec, when it next runs, and its consecutive results. */
export interface ProbeState {
  kind: ProbeKind
  spec: Probe
  timer?: TimerId
  /** The last result and how many times in a row it came. */
  last?: boolean
  run: number
  /** Stopped after a liveness or startup failure, until the container is replaced. */
  onHold: boolean
}

/** Why an instance is being stopped, with the Killing event's message. */
export interface KillState {
  reason: 'pod' | 'liveness' | 'startup' | 'definition'
  /** When SIGKILL comes if the process is still running (ms). */
  deadline: number
  signalled: boolean
}

/** One container instance (one attempt), as the runtime tracks it. */
export interface ContainerRun {
  /** "containerd://<64 hex>". */
  id: string
  /** The restart count this instance was started with. */
  attempt: number
  /** The normalized image (status.image) and its digest reference (status.imageID). */
  image: string
  imageID: string
  model: AppModel
  app: AppInstance
  /** When the process started (ms); for a StartError, when the start failed. */
  startedAt: number
  finishedAt?: number
  exitCode?: number
  /** Completed, Error, OOMKilled, StartError, Unknown. */
  reason?: string
  message?: string
  startError: boolean
  /** The startup probe has succeeded (or there is none). */
  started: boolean
  /** The readiness probe has succeeded (or there is none). */
  ready: boolean
  probes: ProbeState[]
  kill?: KillState
  /** Whether the kubelet stopped it (a restart decision may follow at once). */
  killedByKubelet: boolean
  /** Timers that end the process by itself (exit, OOM). */
  timers: TimerId[]
}

/** A container of the pod: its spec and its instances. */
export interface ContainerState {
  name: string
  init: boolean
  spec: Container
  current?: ContainerRun
  previous?: ContainerRun
  /** Why it is waiting, when the kubelet has a reason (image pull, back-off, start failure). */
  waiting?: { reason: string; message?: string }
  /** When a failed pull happened (for the ImagePullBackOff that follows). */
  pullFailedAt?: number
  /** Restarts survive a node reboot (the runtime counts them from the log directory). */
  restartCount: number
}

/** Everything the kubelet keeps for one pod. */
export interface PodWorker {
  key: string
  uid: string
  namespace: string
  name: string
  /** The latest pod from the watch. */
  pod: PodObject
  startTime?: string
  sandbox: 'none' | 'creating' | 'ready' | 'gone'
  ip?: string
  containers: Map<string, ContainerState>
  /** The pull in progress: the pod worker waits for it, as EnsureImageExists blocks SyncPod. */
  pulling?: { container: string; timer: TimerId }
  /** Timers owned by this pod, cancelled when it goes. */
  timers: Set<TimerId>
  /** Set once the pod is Succeeded or Failed and nothing will run again. */
  terminal?: 'Succeeded' | 'Failed'
  /** The final DELETE has been sent. */
  deleteSent: boolean
}

/** A probe of a container spec by kind. */
export function probeOf(spec: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup'
    ? spec.startupProbe
    : kind === 'liveness'
      ? spec.livenessProbe
      : spec.readinessProbe
}
