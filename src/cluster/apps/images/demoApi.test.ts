import { describe, expect, test } from 'vitest'
import { resolveImage } from '../registry/catalogue'
import { logText, probeRequest, testRun } from '../testRun'
import type { RunContext } from '../types'

function demo(tag: string, run: Partial<RunContext> = {}) {
  const m = resolveImage(`kubeplay/demo-api:${tag}`)
  if (!m) throw new Error(`demo-api:${tag} must resolve`)
  return m.start(testRun(run))
}

describe('kubeplay/demo-api (APPS-9)', () => {
  test('APPS-9 v1 starts in 1.2 s, answers its health checks and logs each request', () => {
    const app = demo('v1')
    expect(app.exit).toBeUndefined()
    expect(app.http(probeRequest('/healthz', 8080), 1000)).toEqual({ ok: false, error: 'refused' })
    expect(app.http(probeRequest('/healthz', 8080), 1200)).toMatchObject({ ok: true, status: 200 })
    expect(app.http(probeRequest('/', 8080), 1300)).toMatchObject({
      ok: true,
      status: 200,
      body: '{"app":"demo-api","version":"v1","hostname":"web"}',
    })
    expect(logText(app, 2000)).toEqual([
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)',
      'INFO:     10.64.0.1:40007 - "GET /healthz HTTP/1.1" 200 OK',
      'INFO:     10.64.0.1:40014 - "GET / HTTP/1.1" 200 OK',
    ])
  })

  test('APPS-9 v2 crashes on start: a traceback and exit code 1', () => {
    const app = demo('v2')
    expect(app.exit).toEqual({ afterMs: 900, code: 1 })
    const lines = logText(app, 900)
    expect(lines[0]).toBe('Traceback (most recent call last):')
    expect(lines[lines.length - 1]).toBe("KeyError: 'DATABASE_URL'")
    expect(app.connect(8080, 500)).toBe(false)
  })

  test('APPS-9 v2 starts once DATABASE_URL is set', () => {
    const app = demo('v2', { env: { DATABASE_URL: 'postgres://db:5432/app' } })
    expect(app.exit).toBeUndefined()
    expect(app.http(probeRequest('/version', 8080), 2000)).toMatchObject({
      status: 200,
      body: '{"version":"v2"}',
    })
  })

  test('APPS-9 v3 runs but /healthz answers 503', () => {
    const app = demo('v3')
    expect(app.exit).toBeUndefined()
    expect(app.http(probeRequest('/healthz', 8080), 5000)).toMatchObject({ ok: true, status: 503 })
    expect(app.http(probeRequest('/', 8080), 5000)).toMatchObject({ ok: true, status: 200 })
    expect(logText(app, 5000)).toContain(
      'WARNING:  database check failed: could not connect to server: Connection refused',
    )
    expect(logText(app, 5000)).toContain(
      'INFO:     10.64.0.1:40007 - "GET /healthz HTTP/1.1" 503 Service Unavailable',
    )
  })

  test('APPS-9 $PORT moves the listening port', () => {
    const app = demo('v1', { env: { PORT: '9000' } })
    expect(app.connect(9000, 2000)).toBe(true)
    expect(app.connect(8080, 2000)).toBe(false)
  })

  test('APPS-6 SIGTERM: uvicorn shuts down cleanly in 200 ms', () => {
    const app = demo('v1')
    expect(app.signal('SIGTERM', 10_000)).toEqual({ afterMs: 200, code: 0 })
    expect(logText(app, 10_000).slice(-4)).toEqual([
      'INFO:     Shutting down',
      'INFO:     Waiting for application shutdown.',
      'INFO:     Application shutdown complete.',
      'INFO:     Finished server process [1]',
    ])
  })

  test('APPS-9 an unknown tag does not exist', () => {
    expect(resolveImage('kubeplay/demo-api:v4')).toBeUndefined()
  })
})

describe('polinux/stress (APPS-10)', () => {
  const stress = resolveImage('polinux/stress')
  const rows = [
    {
      name: '250M under a 100Mi limit is OOM-killed at about 99 ms',
      args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
      limit: 100 * 1024 * 1024,
      oom: 99,
    },
    {
      name: '150M under a 200Mi limit is not',
      args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'],
      limit: 200 * 1024 * 1024,
      oom: undefined,
    },
  ]
  test.each(rows)('APPS-10 $name', ({ args, limit, oom }) => {
    const app = stress?.start(testRun({ command: ['stress'], args, memoryLimitBytes: limit }))
    expect(app?.memoryExceeds(limit, { requestsPerSecond: 0 })).toBe(oom)
    expect(app && logText(app, 0)).toEqual([
      'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd',
    ])
  })

  test('APPS-10 --timeout ends the run', () => {
    const app = stress?.start(
      testRun({ command: ['stress'], args: ['--cpu', '2', '--timeout', '30s'] }),
    )
    expect(app?.exit).toEqual({ afterMs: 30_000, code: 0 })
    expect(app?.usage(1000, { requestsPerSecond: 0 }).cpuMillis).toBe(2000)
  })
})
