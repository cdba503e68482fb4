/**
 * registry.k8s.io/pause: the sandbox image. It sleeps until signalled, writes nothing and has
 * no shell, so commands run in it fail to start.
 */
import type { ParsedReference } from '../registry/reference'
import type { AppModel } from '../types'
import { imageIDFor, pullMsFor, startErrorMessage } from './common'

const sizeBytes = 321_520

/** The model of the pause image. */
export function pauseModel(ref: ParsedReference): AppModel {
  return {
    reference: ref.normalized,
    imageID: imageIDFor(ref, 'registry.k8s.io/pause'),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    stopSignal: 'SIGTERM',
    start: () => ({
      exit: undefined,
      logs: () => [],
      usage: () => ({ cpuMillis: 0, memoryBytes: 300 * 1024 }),
      memoryExceeds: (limit) => (300 * 1024 > limit ? 0 : undefined),
      http: () => ({ ok: false, error: 'refused' }),
      connect: () => false,
      exec: (argv) => ({
        exitCode: 126,
        output: startErrorMessage(`exec: "${argv[0] ?? ''}": executable file not found in $PATH`),
        durationMs: 0,
      }),
      // pause handles SIGTERM and SIGINT and exits at once.
      signal: (sig) =>
        sig === 'SIGTERM' || sig === 'SIGINT' ? { afterMs: 0, code: 0 } : undefined,
    }),
  }
}
