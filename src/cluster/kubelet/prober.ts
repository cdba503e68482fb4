/**
 * Startup, liveness and readiness probes: one worker per probe of a running container, probing
 * every periodSeconds from initialDelaySeconds after the start, counting consecutive results
 * against successThreshold and failureThreshold. Readiness flips the container's ready flag;
 * a liveness or startup failure stops the container (and it restarts by its policy). Liveness
 * and readiness wait for the startup probe to succeed. Each failed probe is an Unhealthy event.
 * Mirrors pkg/kubelet/prober/worker.go (doProbe), prober.go (runProbe) and
 * pkg/probe/http/http.go, pkg/probe/tcp/tcp.go, pkg/probe/exec/exec.go
 */
import type { Probe } from 'kubernetes-types/core/v1'
import type { KubeletEnv } from './env'
import { killContainer, plegRelistMs } from './runtime'
import { message, reason } from './messages'
import {
  probeOf,
  type ContainerRun,
  type ContainerState,
  type PodWorker,
  type ProbeKind,
  type ProbeState,
} from './state'

/** The User-Agent of the kubelet's HTTP probes. */
export const probeUserAgent = 'kube-probe/1.30'

const kindName: Record<ProbeKind, string> = {
  startup: 'Startup',
  liveness: 'Liveness',
  readiness: 'Readiness',
}

/** A probe's outcome and the output the kubelet reports on failure. */
export interface ProbeOutcome {
  ok: boolean
  output: string
}

function resolvePort(st: ContainerState, port: number | string | undefined): number {
  if (typeof port === 'number') return port
  const named = (st.spec.ports ?? []).find((p) => p.name === port)
  if (named) return named.containerPort
  const n = Number(port)
  return Number.isInteger(n) ? n : 0
}

/** Run a probe once against a container instance. */
export function runProbe(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  spec: Probe,
): ProbeOutcome {
  const elapsed = env.clock.now() - run.startedAt
  const timeoutMs = (spec.timeoutSeconds ?? 1) * 1000
  const ip = w.ip ?? ''
  if (spec.httpGet) {
    const g = spec.httpGet
    const port = resolvePort(st, g.port)
    const host = g.host || ip
    const path = g.path ?? '/'
    const scheme = (g.scheme ?? 'HTTP').toLowerCase()
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`
    const headers: Record<string, string> = {}
    for (const h of g.httpHeaders ?? []) headers[h.name] = h.value
    const res = run.app.http(
      {
        method: 'GET',
        path,
        port,
        host: `${host}:${port}`,
        headers,
        remoteIP: env.ipam.gateway,
        userAgent: headers['User-Agent'] ?? probeUserAgent,
      },
      elapsed,
    )
    if (!res.ok)
      return {
        ok: false,
        output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`,
      }
    if (res.latencyMs > timeoutMs)
      return {
        ok: false,
        output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      }
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' }
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` }
  }
  if (spec.tcpSocket) {
    const port = resolvePort(st, spec.tcpSocket.port)
    const host = spec.tcpSocket.host || ip
    return run.app.connect(port, elapsed)
      ? { ok: true, output: '' }
      : { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` }
  }
  if (spec.exec) {
    const command = spec.exec.command ?? []
    const res = run.app.exec(command, elapsed)
    if (res.durationMs > timeoutMs)
      return { ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out` }
    return { ok: res.exitCode === 0, output: res.output.replace(/\n$/, '') }
  }
  if (spec.grpc) {
    const port = spec.grpc.port
    return {
      ok: false,
      output: `timeout: failed to connect service "${ip}:${port}" within ${spec.timeoutSeconds ?? 1}s: context deadline exceeded`,
    }
  }
  return { ok: true, output: '' }
}

function schedule(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  p: ProbeState,
  at: number,
): void {
  p.timer = env.timer(w, at, () => tick(env, w, st, run, p))
}

/** Start the probe workers of a freshly started instance (liveness and readiness wait for startup). */
export function startProbes(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
): void {
  const kinds: ProbeKind[] = st.spec.startupProbe ? ['startup'] : ['liveness', 'readiness']
  for (const kind of kinds) beginProbe(env, w, st, run, kind)
}

function beginProbe(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  kind: ProbeKind,
): void {
  const spec = probeOf(st.spec, kind)
  if (!spec) return
  const p: ProbeState = { kind, spec, run: 0, onHold: false }
  run.probes.push(p)
  // The kubelet learns of the start at its next relist, so the first probe is never sooner than that.
  const delay = Math.max((spec.initialDelaySeconds ?? 0) * 1000, plegRelistMs)
  const first = Math.max(env.clock.now(), run.startedAt + delay)
  schedule(env, w, st, run, p, first)
}

/** Stop every probe worker of an instance. */
export function stopProbes(env: KubeletEnv, w: PodWorker, run: ContainerRun): void {
  for (const p of run.probes) {
    env.cancel(w, p.timer)
    p.timer = undefined
    p.onHold = true
  }
}

function tick(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  run: ContainerRun,
  p: ProbeState,
): void {
  p.timer = undefined
  if (p.onHold || run.finishedAt !== undefined || run.kill) return
  const outcome = runProbe(env, w, st, run, p.spec)
  if (!outcome.ok)
    env.recorder.event(
      w.pod,
      'Warning',
      reason.unhealthy,
      message.probeFailed(kindName[p.kind], outcome.output),
    )
  p.run = p.last === outcome.ok ? p.run + 1 : 1
  p.last = outcome.ok
  const successThreshold = p.spec.successThreshold ?? 1
  const failureThreshold = p.spec.failureThreshold ?? 3
  const period = (p.spec.periodSeconds ?? 10) * 1000
  const reached = outcome.ok ? p.run >= successThreshold : p.run >= failureThreshold
  if (reached) {
    if (p.kind === 'readiness') {
      if (run.ready !== outcome.ok) {
        run.ready = outcome.ok
        env.enqueue(w.key)
      }
    } else if (p.kind === 'startup' && outcome.ok) {
      run.started = true
      p.onHold = true
      if (!st.spec.readinessProbe) run.ready = true
      beginProbe(env, w, st, run, 'liveness')
      beginProbe(env, w, st, run, 'readiness')
      env.enqueue(w.key)
      return
    } else if (!outcome.ok) {
      // Liveness or startup failed: the container is stopped, and this worker waits for a new one.
      p.onHold = true
      killContainer(env, w, st, run, p.kind === 'liveness' ? 'liveness' : 'startup')
      return
    }
  }
  schedule(env, w, st, run, p, env.clock.now() + period)
}
