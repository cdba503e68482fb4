/**
 * polinux/stress, the image the Kubernetes memory-limit docs use to show OOMKilled: `stress
 * --vm 1 --vm-bytes 250M --vm-hang 1` allocates 250 MiB (in about a tenth of a second per
 * 100 MiB) and holds it; `--cpu N` burns N CPUs; `--timeout T` ends the run after T seconds.
 * Anything other than stress as the program runs in the image's busybox shell.
 */
import { processInstance } from '../process'
import { execError } from '../shell/interpreter'
import { parseSleep } from '../shell/commands'
import type { ParsedReference } from '../registry/reference'
import type { AppInstance, AppModel, LogLine, RunContext } from '../types'
import { containerArgv } from './busybox'
import {
  imageIDFor,
  kubeletFiles,
  MiB,
  parseBytes,
  processEnv,
  pullMsFor,
  startErrorInstance,
} from './common'

const sizeBytes = 4_051_432
const baseMemory = 1 * MiB
// Bytes a vm worker touches per virtual ms (about 1 GiB/s).
const allocationRate = 1024 * 1024

interface StressArgs {
  cpu: number
  vm: number
  vmBytes: number
  hang: boolean
  timeoutMs: number | undefined
  error?: string
}

function parseStress(args: readonly string[]): StressArgs {
  const out: StressArgs = { cpu: 0, vm: 0, vmBytes: 256 * MiB, hang: false, timeoutMs: undefined }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    const v = args[i + 1] ?? ''
    switch (a) {
      case '--cpu':
      case '-c':
        out.cpu = Number(v) || 0
        i++
        break
      case '--vm':
      case '-m':
        out.vm = Number(v) || 0
        i++
        break
      case '--vm-bytes': {
        const b = parseBytes(v)
        if (b === undefined) out.error = `invalid number in size class: '${v}'`
        else out.vmBytes = b
        i++
        break
      }
      case '--vm-hang':
        out.hang = true
        i++
        break
      case '--timeout':
      case '-t':
        out.timeoutMs = parseSleep(v)
        i++
        break
      case '--io':
      case '-i':
      case '--hdd':
      case '-d':
      case '--vm-stride':
      case '--hdd-bytes':
      case '--backoff':
        i++
        break
    }
  }
  return out
}

function stressInstance(args: readonly string[], run: RunContext): AppInstance {
  const s = parseStress(args)
  const at = (ms: number, text: string): LogLine => ({ time: run.startedAt + ms, text })
  const lines: LogLine[] = [
    at(0, `stress: info: [1] dispatching hogs: ${s.cpu} cpu, 0 io, ${s.vm} vm, 0 hdd`),
  ]
  let exit: AppInstance['exit']
  if (s.error) {
    lines.push(at(0, `stress: FAIL: [1] (${244}) ${s.error}`))
    exit = { afterMs: 0, code: 1 }
  } else if (s.timeoutMs !== undefined && Number.isFinite(s.timeoutMs)) {
    const secs = Math.round(s.timeoutMs / 1000)
    lines.push(at(s.timeoutMs, `stress: info: [1] successful run completed in ${secs}s`))
    exit = { afterMs: s.timeoutMs, code: 0 }
  } else if (s.cpu === 0 && s.vm === 0) {
    lines.push(at(0, 'stress: info: [1] successful run completed in 0s'))
    exit = { afterMs: 0, code: 0 }
  }
  const target = baseMemory + s.vm * s.vmBytes
  const memoryAt = (ms: number): number => Math.min(target, baseMemory + s.vm * allocationRate * ms)
  return {
    exit,
    logs: (elapsedMs, limit) =>
      lines.filter((l) => l.time <= run.startedAt + elapsedMs).slice(-limit),
    usage(elapsedMs) {
      const cpu = s.cpu * 1000 + (s.hang ? 0 : s.vm * 1000)
      return {
        cpuMillis: run.cpuLimitMillis !== undefined ? Math.min(cpu, run.cpuLimitMillis) : cpu,
        memoryBytes: memoryAt(elapsedMs),
      }
    },
    memoryExceeds(limitBytes) {
      if (target <= limitBytes) return undefined
      if (baseMemory > limitBytes) return 0
      return Math.ceil((limitBytes - baseMemory) / (s.vm * allocationRate))
    },
    http: () => ({ ok: false, error: 'refused' }),
    connect: () => false,
    exec: () => ({ exitCode: 0, output: '', durationMs: 0 }),
    // stress's parent forwards nothing: as PID 1 it ignores SIGTERM and is killed at the deadline.
    signal: () => undefined,
  }
}

/** The model of polinux/stress. */
export function stressModel(ref: ParsedReference): AppModel {
  return {
    reference: ref.normalized,
    imageID: imageIDFor(ref, 'docker.io/polinux/stress'),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    stopSignal: 'SIGTERM',
    start(run) {
      const argv = containerArgv(run, [], ['stress', '--help'])
      const name = argv[0] ?? ''
      if (name === 'stress' || name === '/usr/local/bin/stress')
        return stressInstance(argv.slice(1), run)
      const problem = execError(name, 'busybox')
      if (problem) return startErrorInstance(problem)
      const world = {
        flavor: 'busybox' as const,
        hostname: run.hostname,
        startedAt: run.startedAt,
        env: processEnv(run, {}),
        files: kubeletFiles(run),
      }
      return processInstance({ world, argv, memoryBytes: 400 * 1024 }, run)
    },
  }
}
