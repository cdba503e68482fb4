/**
 * The simulated container runtime under one kubelet: create and start an instance of an
 * image (Created, Started), let it exit or be OOM-killed, and stop it as killContainer does
 * (Killing, the preStop hook, the image's stop signal, SIGKILL when the grace period runs out).
 * Mirrors pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer, killContainer,
 * executePreStopHook) and pkg/kubelet/container/helpers.go (ExpandContainerCommandAndArgs)
 */
import type { Container, LifecycleHandler } from 'kubernetes-types/core/v1'
import { parseQuantity } from '../api/quantity'
import type { AppModel, RunContext } from '../apps'
import type { KubeletEnv } from './env'
import { message, reason, waitingReason } from './messages'
import { startProbes, stopProbes } from './prober'
import type { ContainerRun, ContainerState, KillState, PodWorker } from './state'

/** How long the kubelet takes to notice that a container exited by itself (PLEG relist period). */
export const plegRelistMs = 1000
/** The shortest stop window a container gets (minimumGracePeriodInSeconds). */
export const minimumGracePeriodSeconds = 2
// kubecontainer.MaxContainerTerminationMessageLogLines and …LogLength
const fallbackLogLines = 80
const fallbackLogBytes = 2048

/** A new container ID from the kubelet's random stream. */
export function newContainerID(env: KubeletEnv): string {
  let hex = ''
  for (let i = 0; i < 64; i++) hex += '0123456789abcdef'[env.random.intn(16)]
  return `containerd://${hex}`
}

const serviceEnv: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
}

/** The container's environment: the kubernetes Service's variables, then its own env. */
export function containerEnv(spec: Container): Record<string, string> {
  const out: Record<string, string> = { ...serviceEnv }
  for (const e of spec.env ?? []) {
    // Values from ConfigMaps, Secrets and the downward API are not resolved: they read as set and empty.
    out[e.name] = expandRefs(e.value ?? '', out)
  }
  return out
}

/** $(VAR) references in command, args and env values; $$ escapes. */
export function expandRefs(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name: string | undefined) => {
    if (all === '$$') return '$'
    return name !== undefined && env[name] !== undefined ? env[name] : all
  })
}

function quantity(text: unknown, milli: boolean): number | undefined {
  if (typeof text !== 'string' && typeof text !== 'number') return undefined
  const q = parseQuantity(text)
  if (!q.ok) return undefined
  return milli ? q.q.milliValue : q.q.value
}

/** What the process is given at start. */
export function runContext(
  env: KubeletEnv,
  w: PodWorker,
  spec: Container,
  startedAt: number,
): RunContext {
  const vars = containerEnv(spec)
  const limits = spec.resources?.limits ?? {}
  return {
    command: spec.command?.map((a) => expandRefs(a, vars)),
    args: spec.args?.map((a) => expandRefs(a, vars)),
    env: vars,
    startedAt,
    hostname: w.pod.spec?.hostname ?? w.name,
    namespace: w.namespace,
    podIP: w.ip ?? '',
    probeSourceIP: env.ipam.gateway,
    cpus: env.cpus,
    kernel: '6.1.0-kubeplay',
    memoryLimitBytes: quantity(limits.memory, false),
    cpuLimitMillis: quantity(limits.cpu, true),
    ports: (spec.ports ?? []).map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol,
      name: p.name,
    })),
  }
}

/** Create and start an instance of `model` for a container (its image is on the node). */
export function startContainer(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  model: AppModel,
): void {
  const now = env.clock.now()
  const attempt = st.current ? st.restartCount + 1 : st.restartCount
  const runCtx = runContext(env, w, st.spec, now)
  const app = model.start(runCtx)
  const run: ContainerRun = {
    id: newContainerID(env),
    attempt,
    image: model.reference,
    imageID: model.imageID,
    model,
    app,
    startedAt: now,
    startError: app.exit?.reason === 'StartError',
    started: !st.spec.startupProbe,
    ready: !st.spec.readinessProbe && !st.spec.startupProbe,
    probes: [],
    killedByKubelet: false,
    timers: [],
  }
  if (st.current) st.previous = st.current
  st.current = run
  st.restartCount = attempt
  st.waiting = undefined
  st.pullFailedAt = undefined
  env.recorder.event(w.pod, 'Normal', reason.created, message.created(st.name))
  if (run.startError) {
    const text = app.exit?.message ?? ''
    env.recorder.event(w.pod, 'Warning', reason.failed, message.error(text))
    finish(run, now, 128, 'StartError', text)
    st.waiting = { reason: waitingReason.runContainerError, message: text }
    env.enqueue(w.key)
    env.wakeAt(w, now + plegRelistMs)
    return
  }
  env.recorder.event(w.pod, 'Normal', reason.started, message.started(st.name))
  const exit = app.exit
  if (exit)
    run.timers.push(
      env.timer(w, now + exit.afterMs, () => containerExited(env, w, st, run, exit.code)),
    )
  if (runCtx.memoryLimitBytes !== undefined) {
    const oomAt = app.memoryExceeds(runCtx.memoryLimitBytes, { requestsPerSecond: 0 })
    if (oomAt !== undefined)
      run.timers.push(
        env.timer(w, now + oomAt, () => containerExited(env, w, st, run, 137, 'OOMKilled')),
      )
  }
  startProbes(env, w, st, run)
  env.enqueue(w.key)
}

function finish(run: ContainerRun, at: number, code: number, why: string, text?: string): void {
  run.finishedAt = at
  run.exitCode = code
  run.reason = why
  if (text) run.message = text
  run.started = false
  run.ready = false
}

/** The process ended (by itself, OOM-killed, or stopped): record it and let the pod worker decide. */
export function containerExited(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  code: number,
  why?: string,
): void {
  if (run.finishedAt !== undefined) return
  const now = env.clock.now()
  let text: string | undefined
  if (code !== 0 && st.spec.terminationMessagePolicy === 'FallbackToLogsOnError') {
    const lines = run.app.logs(now - run.startedAt, fallbackLogLines).map((l) => l.text)
    text = lines.join('\n').slice(-fallbackLogBytes)
  }
  finish(run, now, code, why ?? (code === 0 ? 'Completed' : 'Error'), text)
  for (const t of run.timers) env.cancel(w, t)
  run.timers = []
  stopProbes(env, w, run)
  if (st.current === run) st.waiting = undefined
  // The exit shows at once; a restart is decided when the kubelet notices it (at once if it did the stopping).
  env.enqueue(w.key)
  if (!run.killedByKubelet) env.wakeAt(w, now + plegRelistMs)
}

/** The grace period a kill gets: the pod's deletion grace, else the probe's or the pod's setting. */
export function gracePeriodFor(w: PodWorker, st: ContainerState, why: KillState['reason']): number {
  const meta = w.pod.metadata ?? {}
  if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds !== undefined)
    return meta.deletionGracePeriodSeconds
  const probeGrace =
    why === 'liveness'
      ? st.spec.livenessProbe?.terminationGracePeriodSeconds
      : why === 'startup'
        ? st.spec.startupProbe?.terminationGracePeriodSeconds
        : undefined
  return probeGrace ?? w.pod.spec?.terminationGracePeriodSeconds ?? 30
}

function killMessage(w: PodWorker, st: ContainerState, why: KillState['reason']): string {
  const restart = (w.pod.spec?.restartPolicy ?? 'Always') !== 'Never'
  switch (why) {
    case 'pod':
      return message.stopping(st.name)
    case 'definition':
      return message.definitionChanged(st.name)
    case 'liveness':
      return restart ? message.livenessKill(st.name) : `Container ${st.name} failed liveness probe`
    case 'startup':
      return restart ? message.startupKill(st.name) : `Container ${st.name} failed startup probe`
  }
}

// Runs a preStop hook; returns how long it took (ms) and whether it failed.
function runHook(
  env: KubeletEnv,
  w: PodWorker,
  run: ContainerRun,
  hook: LifecycleHandler,
  elapsed: number,
): { ms: number; failed: boolean } {
  if (hook.exec) {
    const r = run.app.exec(hook.exec.command ?? [], elapsed)
    return { ms: r.durationMs, failed: r.exitCode !== 0 }
  }
  if (hook.httpGet) {
    const port =
      typeof hook.httpGet.port === 'number' ? hook.httpGet.port : Number(hook.httpGet.port)
    const r = run.app.http(
      {
        method: 'GET',
        path: hook.httpGet.path ?? '/',
        port,
        host: `${w.ip ?? ''}:${port}`,
        headers: {},
        remoteIP: env.ipam.gateway,
        userAgent: 'kube-lifecycle/1.30',
      },
      elapsed,
    )
    return r.ok ? { ms: r.latencyMs, failed: r.status >= 400 } : { ms: 0, failed: true }
  }
  if (hook.sleep) return { ms: hook.sleep.seconds * 1000, failed: false }
  return { ms: 0, failed: false }
}

/** Stop an instance: Killing, preStop, the stop signal, then SIGKILL at the end of the grace period. */
export function killContainer(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  why: KillState['reason'],
): void {
  if (run.finishedAt !== undefined) return
  const now = env.clock.now()
  let grace = gracePeriodFor(w, st, why)
  if (run.kill) {
    // A second delete may shorten the grace period, never lengthen it.
    const deadline = now + Math.max(grace, minimumGracePeriodSeconds) * 1000
    if (run.kill.signalled && deadline < run.kill.deadline) {
      run.kill.deadline = deadline
      run.timers.push(env.timer(w, deadline, () => containerExited(env, w, st, run, 137)))
    }
    return
  }
  env.recorder.event(w.pod, 'Normal', reason.killing, killMessage(w, st, why))
  run.killedByKubelet = true
  stopProbes(env, w, run)
  let preStopMs = 0
  const hook = st.spec.lifecycle?.preStop
  if (hook && grace > 0) {
    const r = runHook(env, w, run, hook, now - run.startedAt)
    preStopMs = Math.min(r.ms, grace * 1000)
    if (r.failed)
      env.recorder.event(w.pod, 'Warning', reason.failedPreStopHook, message.preStopFailed())
    grace -= Math.floor(preStopMs / 1000)
  }
  grace = Math.max(grace, minimumGracePeriodSeconds)
  const signalAt = now + preStopMs
  const kill: KillState = { reason: why, deadline: signalAt + grace * 1000, signalled: false }
  run.kill = kill
  const signal = (): void => {
    if (run.finishedAt !== undefined) return
    kill.signalled = true
    const answer = run.app.signal(run.model.stopSignal, env.clock.now() - run.startedAt)
    const exitAt = answer ? env.clock.now() + answer.afterMs : Infinity
    if (answer && exitAt <= kill.deadline)
      run.timers.push(env.timer(w, exitAt, () => containerExited(env, w, st, run, answer.code)))
    else run.timers.push(env.timer(w, kill.deadline, () => containerExited(env, w, st, run, 137)))
  }
  if (preStopMs > 0) run.timers.push(env.timer(w, signalAt, signal))
  else signal()
  env.enqueue(w.key)
}

/** Drop an instance without ceremony (the machine died, or the pod object is gone). */
export function discardContainer(
  env: KubeletEnv,
  w: PodWorker,
  run: ContainerRun,
  code: number,
  why: string,
): void {
  for (const t of run.timers) env.cancel(w, t)
  run.timers = []
  stopProbes(env, w, run)
  if (run.finishedAt === undefined) finish(run, env.clock.now(), code, why)
}
