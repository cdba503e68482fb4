/** Test support: a RunContext with sensible defaults, and reading an instance's output. */
import type { AppInstance, HttpRequest, RunContext } from './types'

/** Start time of every test instance: 2026-01-01T00:00:00Z. */
export const t0 = Date.UTC(2026, 0, 1)

/** A RunContext for a pod "web" at 10.64.0.5 on a 4-CPU node, overridable. */
export function testRun(over: Partial<RunContext> = {}): RunContext {
  return {
    command: undefined,
    args: undefined,
    env: {},
    startedAt: t0,
    hostname: 'web',
    namespace: 'default',
    podIP: '10.64.0.5',
    probeSourceIP: '10.64.0.1',
    cpus: 4,
    kernel: '6.1.0-kubeplay',
    ports: [],
    ...over,
  }
}

/** The text of an instance's log lines up to `ms` after start. */
export function logText(app: AppInstance, ms: number, limit = 1000): string[] {
  return app.logs(ms, limit).map((l) => l.text)
}

/** A probe-like GET request from the kubelet. */
export function probeRequest(path: string, port: number): HttpRequest {
  return {
    method: 'GET',
    path,
    port,
    host: `10.64.0.5:${port}`,
    headers: {},
    remoteIP: '10.64.0.1',
    userAgent: 'kube-probe/1.30',
  }
}
