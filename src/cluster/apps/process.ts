/**
 * A container whose process is a shell command line or a plain program (busybox, alpine, a
 * command override on any image): everything it does is replayed by the shell interpreter
 * from its start, so the instance keeps no log lines of its own, only the signal it received.
 */
import {
  runArgv,
  runScript,
  type ShellOutcome,
  type ShellRun,
  type ShellWorld,
} from './shell/interpreter'
import type { AppInstance, ExecResult, ExitPlan, LogLine, RunContext } from './types'

/** What the process runs: an argv as the runtime executes it. */
export interface ProcessSpec {
  world: ShellWorld
  argv: readonly string[]
  /** Resident memory of the process. */
  memoryBytes: number
}

/** Build an instance that runs an argv through the shell interpreter. */
export function processInstance(spec: ProcessSpec, run: RunContext): AppInstance {
  let signal: { at: number; sig: string } | undefined
  const replay = (r: ShellRun): ShellOutcome => runArgv(spec.world, spec.argv, r)
  const first = replay({ horizon: Infinity, keep: 0 })
  const exit: ExitPlan | undefined =
    first.end === 'exit' ? { afterMs: first.t, code: first.code } : undefined
  const withSignal = (r: ShellRun): ShellRun => (signal ? { ...r, signal } : r)
  return {
    exit,
    logs(elapsedMs, limit) {
      const out = replay(withSignal({ horizon: elapsedMs, keep: limit }))
      return out.lines.map((l): LogLine => ({ time: run.startedAt + l.t, text: l.text }))
    },
    usage(elapsedMs) {
      const busy = replay(withSignal({ horizon: elapsedMs, keep: 0 })).busy
      const cpu = busy ? 1000 : 0
      return {
        cpuMillis: run.cpuLimitMillis !== undefined ? Math.min(cpu, run.cpuLimitMillis) : cpu,
        memoryBytes: spec.memoryBytes,
      }
    },
    memoryExceeds: (limitBytes) => (spec.memoryBytes > limitBytes ? 0 : undefined),
    http: () => ({ ok: false, error: 'refused' }),
    connect: () => false,
    exec(argv, elapsedMs): ExecResult {
      const files = replay(withSignal({ horizon: elapsedMs, keep: 0 })).files
      const world: ShellWorld = { ...spec.world, files, startedAt: run.startedAt + elapsedMs }
      const out = runArgv(world, argv, { horizon: 600_000, keep: 100 })
      return {
        exitCode: out.end === 'exit' ? out.code : 137,
        output: out.lines.map((l) => `${l.text}\n`).join(''),
        durationMs: out.end === 'exit' ? out.t : Infinity,
      }
    },
    signal(sig, elapsedMs) {
      if (signal) return undefined
      signal = { at: elapsedMs, sig }
      const out = replay({ horizon: Infinity, keep: 0, signal })
      // An ignored signal changes nothing: the process ends (or not) as it would have anyway.
      if (out.end !== 'exit' || (exit && out.t === exit.afterMs && out.code === exit.code))
        return undefined
      // The process may already be gone (exited before the signal).
      return { afterMs: Math.max(0, out.t - elapsedMs), code: out.code }
    },
  }
}

/** Build the argv for `sh -c SCRIPT`. */
export function scriptArgv(script: string): string[] {
  return ['sh', '-c', script]
}

/** Run a script once to its end (for images whose entrypoint is a fixed script). */
export function scriptOutcome(world: ShellWorld, script: string): ShellOutcome {
  return runScript(world, script, [], { horizon: Infinity, keep: 0 })
}
