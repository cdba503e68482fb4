/**
 * busybox and alpine: no entrypoint, CMD ["sh"]. The process is whatever command and args
 * say, run as busybox runs it: `sleep 3600`, `sh -c "echo hi; sleep 5"`, `echo hello`,
 * `true`, `false`; with neither, `sh` finds no terminal and exits 0 at once (so a bare
 * `kubectl run b --image=busybox` ends in CrashLoopBackOff, as on a real cluster). A shell
 * builtin such as `exit` given as the command cannot be executed: StartError, exit code 128.
 */
import { processInstance } from '../process'
import { execError } from '../shell/interpreter'
import type { ParsedReference } from '../registry/reference'
import type { AppModel, RunContext } from '../types'
import { imageIDFor, kubeletFiles, processEnv, pullMsFor, startErrorInstance } from './common'

/** Resident memory of a busybox shell or applet. */
const memoryBytes = 400 * 1024

/** The argv a container runs: command replaces ENTRYPOINT, args replace CMD. */
export function containerArgv(
  run: RunContext,
  entrypoint: readonly string[],
  cmd: readonly string[],
): string[] {
  if (run.command !== undefined && run.command.length > 0)
    return [...run.command, ...(run.args ?? [])]
  return [...entrypoint, ...(run.args !== undefined && run.args.length > 0 ? run.args : cmd)]
}

const sizes: Record<string, number> = {
  'busybox:latest': 2_160_406,
  'busybox:1.36': 2_160_406,
  'busybox:1.36.1': 2_160_406,
  'busybox:1.35': 2_218_437,
  'alpine:latest': 3_623_807,
  'alpine:3.20': 3_623_807,
  'alpine:3.19': 3_417_656,
}

/** The model of a busybox-based image (busybox, alpine) at a reference. */
export function busyboxModel(ref: ParsedReference, name: 'busybox' | 'alpine'): AppModel {
  const sizeBytes = sizes[`${name}:${ref.tag}`] ?? (name === 'busybox' ? 2_160_406 : 3_623_807)
  return {
    reference: ref.normalized,
    imageID: imageIDFor(ref, `docker.io/library/${name}`),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    stopSignal: 'SIGTERM',
    start(run) {
      const argv = containerArgv(run, [], ['sh'])
      const problem = execError(argv[0] ?? 'sh', 'busybox')
      if (problem) return startErrorInstance(problem)
      const world = {
        flavor: 'busybox' as const,
        hostname: run.hostname,
        startedAt: run.startedAt,
        env: processEnv(run, {}),
        files: kubeletFiles(run),
      }
      return processInstance({ world, argv, memoryBytes }, run)
    },
  }
}
