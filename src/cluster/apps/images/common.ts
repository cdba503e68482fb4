/**
 * What every simulated image shares: how long a pull takes for its size, its image ID, the
 * files the kubelet puts into every container (/etc/hosts, /etc/resolv.conf, the service
 * account), the environment every process sees, and the instance of a process the runtime
 * cannot start.
 */
import type { ParsedReference } from '../registry/reference'
import { syntheticDigest } from '../registry/digest'
import type { AppInstance, RunContext } from '../types'

/** Download throughput of a simulated node, in bytes per virtual ms (40 MB/s). */
const bytesPerMs = 40_000
/** Fixed cost of a pull: resolving the manifest and unpacking. */
const pullOverheadMs = 500

/** Virtual ms to pull an image of `sizeBytes`. */
export function pullMsFor(sizeBytes: number): number {
  return pullOverheadMs + Math.round(sizeBytes / bytesPerMs)
}

/** The repository digest reference of a resolved image. */
export function imageIDFor(ref: ParsedReference, canonical: string): string {
  const digest = ref.digest || syntheticDigest(`${canonical}:${ref.tag}`)
  return `${ref.repository}@${digest}`
}

/** The files every container sees, written by the kubelet. */
export function kubeletFiles(run: RunContext): Map<string, string> {
  return new Map([
    [
      '/etc/hosts',
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${run.podIP}\t${run.hostname}\n`,
    ],
    [
      '/etc/resolv.conf',
      `search ${run.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    ],
    ['/var/run/secrets/kubernetes.io/serviceaccount/namespace', run.namespace],
  ])
}

/** The environment of a container's process: the image's, then the pod's, then the kubelet's. */
export function processEnv(run: RunContext, image: Record<string, string>): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...image,
    HOSTNAME: run.hostname,
    HOME: '/root',
    ...run.env,
  }
}

/** The runtime's StartError message for a program that cannot be executed. */
export function startErrorMessage(reason: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${reason}: unknown`
}

/** A container whose process could not be started (exit code 128, reason StartError). */
export function startErrorInstance(reason: string): AppInstance {
  return {
    exit: { afterMs: 0, code: 128, reason: 'StartError', message: startErrorMessage(reason) },
    logs: () => [],
    usage: () => ({ cpuMillis: 0, memoryBytes: 0 }),
    memoryExceeds: () => undefined,
    http: () => ({ ok: false, error: 'refused' }),
    connect: () => false,
    exec: () => ({ exitCode: 126, output: '', durationMs: 0 }),
    signal: () => undefined,
  }
}

/** Parse a byte size as tools print them: 250M, 1G, 512K, 1024 (1024-based). */
export function parseBytes(text: string): number | undefined {
  const m = /^([0-9]+)([bBkKmMgG]?)$/.exec(text)
  if (!m) return undefined
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    (m[2] ?? '').toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'
  ]
  return Number(m[1]) * mult
}

/** One mebibyte. */
export const MiB = 1024 * 1024
