/**
 * A long-running server process (nginx, the demo API): start-up log lines, a port it listens
 * on after a delay, answers to HTTP requests with access-log lines, a graceful shutdown on
 * its stop signal, and CPU and memory that grow with load. Images describe their server with
 * a ServerSpec; this file turns it into an AppInstance.
 */
import { runArgv, type ShellWorld } from './shell/interpreter'
import type {
  AppInstance,
  AppLoad,
  ExecResult,
  ExitPlan,
  HttpRequest,
  LogLine,
  ResourceUsage,
  RunContext,
  SignalName,
} from './types'

/** What the server answers to one request. */
export interface ServerResponse {
  status: number
  body: string
  latencyMs: number
}

/** How a server behaves; times are ms after start unless they say otherwise. */
export interface ServerSpec {
  /** Lines written at start, with their absolute times (computed when read: most are never read). */
  startup: () => LogLine[]
  /** When the server starts accepting connections; undefined when it never does. */
  listenAfterMs: number | undefined
  ports: readonly number[]
  /** How it crashes by itself, if it does. */
  exit?: ExitPlan
  respond(req: HttpRequest, elapsedMs: number): ServerResponse
  /** The access-log (and error-log) lines a request produces, at absolute time `time`. */
  accessLog(req: HttpRequest, res: ServerResponse, time: number): string[]
  /** What a signal does: lines written (absolute times), when it exits and with what code. */
  shutdown(
    sig: SignalName,
    time: number,
  ): { lines: LogLine[]; afterMs: number; code: number } | undefined
  idle: ResourceUsage
  /** Extra CPU millicores per request per second, and memory bytes per request per second. */
  perRequest: ResourceUsage
  /** The shell and files for commands run in the container (exec probes, preStop hooks), made when needed. */
  shell: () => ShellWorld
}

// How many request lines a server keeps (enough for `kubectl logs`, bounded for 150k pods).
const maxDynamicLines = 200

/** Build an instance from a server spec. */
export function serverInstance(spec: ServerSpec, run: RunContext): AppInstance {
  const dynamic: LogLine[] = []
  let stoppedAt: number | undefined
  const write = (line: LogLine): void => {
    dynamic.push(line)
    if (dynamic.length > maxDynamicLines * 2) dynamic.splice(0, dynamic.length - maxDynamicLines)
  }
  const listening = (elapsedMs: number): boolean =>
    spec.listenAfterMs !== undefined &&
    elapsedMs >= spec.listenAfterMs &&
    (spec.exit === undefined || elapsedMs < spec.exit.afterMs) &&
    (stoppedAt === undefined || run.startedAt + elapsedMs < stoppedAt)
  const cap = (u: ResourceUsage): ResourceUsage => ({
    cpuMillis:
      run.cpuLimitMillis !== undefined ? Math.min(u.cpuMillis, run.cpuLimitMillis) : u.cpuMillis,
    memoryBytes: u.memoryBytes,
  })
  return {
    exit: spec.exit,
    logs(elapsedMs, limit) {
      const until = run.startedAt + elapsedMs
      const all = [...spec.startup(), ...dynamic].filter((l) => l.time <= until)
      // Stable by time: start-up lines come before request lines written at the same instant.
      all.sort((a, b) => a.time - b.time)
      return limit > 0 ? all.slice(-limit) : []
    },
    usage(elapsedMs: number, load: AppLoad): ResourceUsage {
      if (spec.listenAfterMs === undefined || elapsedMs < spec.listenAfterMs) return cap(spec.idle)
      return cap({
        cpuMillis: spec.idle.cpuMillis + spec.perRequest.cpuMillis * load.requestsPerSecond,
        memoryBytes: spec.idle.memoryBytes + spec.perRequest.memoryBytes * load.requestsPerSecond,
      })
    },
    memoryExceeds(limitBytes, load) {
      const listenAt = spec.listenAfterMs ?? 0
      if (spec.idle.memoryBytes > limitBytes) return Math.min(listenAt, 50)
      const loaded = spec.idle.memoryBytes + spec.perRequest.memoryBytes * load.requestsPerSecond
      return loaded > limitBytes ? listenAt : undefined
    },
    http(req, elapsedMs) {
      if (!spec.ports.includes(req.port) || !listening(elapsedMs))
        return { ok: false, error: 'refused' }
      const res = spec.respond(req, elapsedMs)
      const time = run.startedAt + elapsedMs
      for (const text of spec.accessLog(req, res, time)) write({ time, text })
      return { ok: true, ...res }
    },
    connect: (port, elapsedMs) => spec.ports.includes(port) && listening(elapsedMs),
    exec(argv, _elapsedMs): ExecResult {
      const out = runArgv(spec.shell(), argv, { horizon: 600_000, keep: 100 })
      return {
        exitCode: out.end === 'exit' ? out.code : 137,
        output: out.lines.map((l) => `${l.text}\n`).join(''),
        durationMs: out.t,
      }
    },
    signal(sig, elapsedMs) {
      if (stoppedAt !== undefined) return undefined
      const time = run.startedAt + elapsedMs
      const result = spec.shutdown(sig, time)
      if (!result) return undefined
      for (const line of result.lines) write(line)
      stoppedAt = time + result.afterMs
      return { afterMs: result.afterMs, code: result.code }
    },
  }
}
