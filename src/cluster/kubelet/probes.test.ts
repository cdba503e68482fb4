import { describe, expect, test } from 'vitest'
import { kubeletHarness, podManifest } from './testKit'

const demo = (tag: string, probes: Record<string, unknown>) =>
  podManifest('web', {
    image: `kubeplay/demo-api:${tag}`,
    ports: [{ containerPort: 8080, name: 'http' }],
    ...probes,
  })
const http = (path: string, extra: Record<string, unknown> = {}) => ({
  httpGet: { path, port: 8080 },
  ...extra,
})

// demo-api: sandbox 0.5 s, pull 1.723 s → started at 2.223 s, listening 1.2 s later (3.423 s).
const started = 2.223

describe('readiness probes (KUBELET-11)', () => {
  test('KUBELET-11 Ready only once the probe succeeds (initialDelaySeconds)', () => {
    const h = kubeletHarness()
    const name = h.run(
      demo('v1', {
        readinessProbe: http('/healthz', { initialDelaySeconds: 2, periodSeconds: 5 }),
      }),
    )
    h.until(started + 1.9)
    expect(h.pod(name)?.status?.phase).toBe('Running')
    expect(h.container(name)).toMatchObject({ ready: false, started: true })
    expect(h.condition(name, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
    })
    h.until(started + 2)
    expect(h.container(name)?.ready).toBe(true)
    expect(h.condition(name, 'Ready')).toMatchObject({
      status: 'True',
      lastTransitionTime: '2026-01-01T00:00:04Z',
    })
    expect(h.events(name).filter((e) => e.reason === 'Unhealthy')).toEqual([])
    expect(h.kubelets[0]?.logs('default', name, 'web').pop()).toBe(
      'INFO:     10.64.0.1:40007 - "GET /healthz HTTP/1.1" 200 OK',
    )
  })

  test('KUBELET-11 a probe before the app listens fails with connection refused', () => {
    const h = kubeletHarness()
    const name = h.run(demo('v1', { readinessProbe: http('/healthz', { periodSeconds: 5 }) }))
    h.until(started + 5)
    expect(h.container(name)?.ready).toBe(false)
    expect(h.events(name).find((e) => e.reason === 'Unhealthy')).toMatchObject({
      type: 'Warning',
      message:
        'Readiness probe failed: Get "http://10.64.0.2:8080/healthz": dial tcp 10.64.0.2:8080: connect: connection refused',
    })
    h.until(started + 6)
    expect(h.container(name)?.ready).toBe(true)
  })

  test('KUBELET-11 demo-api v3 runs but never becomes Ready (503)', () => {
    const h = kubeletHarness()
    const name = h.run(
      demo('v3', {
        readinessProbe: http('/healthz', { initialDelaySeconds: 3, periodSeconds: 10 }),
      }),
    )
    h.until(60)
    expect(h.pod(name)?.status?.phase).toBe('Running')
    expect(h.container(name)).toMatchObject({
      ready: false,
      restartCount: 0,
      state: { running: {} },
    })
    expect(h.condition(name, 'Ready')).toMatchObject({
      status: 'False',
      message: 'containers with unready status: [web]',
    })
    const unhealthy = h.events(name).find((e) => e.reason === 'Unhealthy')
    expect(unhealthy).toMatchObject({
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      count: 6,
    })
  })

  test('KUBELET-11 failureThreshold failures take readiness away; successThreshold successes give it back', () => {
    const h = kubeletHarness()
    const script =
      'touch /tmp/ready; sleep 30; rm /tmp/ready; sleep 30; touch /tmp/ready; sleep 3600'
    h.run(
      podManifest('web', {
        image: 'busybox:1.36',
        command: ['sh', '-c', script],
        readinessProbe: {
          exec: { command: ['cat', '/tmp/ready'] },
          periodSeconds: 5,
          failureThreshold: 3,
          successThreshold: 2,
        },
      }),
    )
    const ready: [number, boolean][] = []
    h.server.watch({ method: 'GET', path: '/api/v1/namespaces/default/pods' }, (e) => {
      const r = (e.object as { status?: { containerStatuses?: { ready: boolean }[] } }).status
        ?.containerStatuses?.[0]?.ready
      if (r !== undefined && ready[ready.length - 1]?.[1] !== r) ready.push([h.seconds(), r])
    })
    h.until(120)
    // Started at 1.054 s; probes every 5 s from 1 s later. Two successes to become ready; the file
    // goes at 31.054 s: three failures (32, 37, 42); it is back at 61.054 s: two successes (62, 67).
    expect(ready).toEqual([
      [0, false],
      [7.054, true],
      [42.054, false],
      [67.054, true],
    ])
  })

  test('KUBELET-11 timeoutSeconds: a slow answer is a failure', () => {
    const h = kubeletHarness()
    const slow = h.run(
      demo('v1', { readinessProbe: http('/slow', { initialDelaySeconds: 5, timeoutSeconds: 1 }) }),
    )
    h.until(20)
    expect(h.container(slow)?.ready).toBe(false)
    expect(h.events(slow).find((e) => e.reason === 'Unhealthy')?.message).toBe(
      'Readiness probe failed: Get "http://10.64.0.2:8080/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    )
    const patient = h.run({
      ...demo('v1', {
        readinessProbe: http('/slow', { initialDelaySeconds: 5, timeoutSeconds: 3 }),
      }),
      metadata: { name: 'patient' },
    })
    h.until(40)
    expect(h.container(patient, 'web')?.ready).toBe(true)
  })

  const tcp = [
    { name: 'an open port', port: 80, ready: true },
    { name: 'a closed port', port: 81, ready: false },
  ]
  test.each(tcp)('KUBELET-11 tcpSocket on $name', ({ port, ready }) => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('web', {
        image: 'nginx:1.25',
        readinessProbe: { tcpSocket: { port }, periodSeconds: 5 },
      }),
    )
    h.until(20)
    expect(h.container(name)?.ready).toBe(ready)
    if (!ready)
      expect(h.events(name).find((e) => e.reason === 'Unhealthy')?.message).toBe(
        'Readiness probe failed: dial tcp 10.64.0.2:81: connect: connection refused',
      )
  })

  test("KUBELET-11 a named port resolves through the container's ports", () => {
    const h = kubeletHarness()
    const name = h.run(
      demo('v1', {
        readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, initialDelaySeconds: 2 },
      }),
    )
    h.until(10)
    expect(h.container(name)?.ready).toBe(true)
  })
})

describe('liveness probes (KUBELET-11)', () => {
  test('KUBELET-11 failureThreshold failures kill the container; it restarts (nginx exits 0 on SIGQUIT)', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('web', {
        image: 'nginx:1.25',
        livenessProbe: {
          httpGet: { path: '/healthz', port: 80 },
          periodSeconds: 10,
          failureThreshold: 3,
        },
      }),
    )
    const seen = h.track(name)
    h.until(24.5)
    // Started at 2.801 s; probes at +1, +11, +21 s fail (404): killed at 23.801 s, gone 50 ms later
    // and restarted in the same sync, so the status goes on saying Running, one restart more.
    expect(seen).toEqual([
      [0, 'ContainerCreating'],
      [2.801, 'Running'],
    ])
    expect(h.container(name)).toMatchObject({
      restartCount: 1,
      state: { running: { startedAt: '2026-01-01T00:00:23Z' } },
      lastState: {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: '2026-01-01T00:00:02Z',
          finishedAt: '2026-01-01T00:00:23Z',
        },
      },
    })
    const ev = h.events(name)
    expect(
      ev.filter((e) => e.reason === 'Unhealthy').map((e) => [e.type, e.message, e.count]),
    ).toEqual([['Warning', 'Liveness probe failed: HTTP probe failed with statuscode: 404', 3]])
    expect(ev.find((e) => e.reason === 'Killing')).toMatchObject({
      type: 'Normal',
      message: 'Container web failed liveness probe, will be restarted',
    })
  })

  test('KUBELET-11 the liveness exec example from the Kubernetes docs', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('liveness', {
        image: 'busybox:1.36',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 5,
          periodSeconds: 5,
        },
      }),
    )
    const seen = h.track(name)
    h.until(90)
    // Started 1.054 s; the file goes at 31.054 s; failures at 36, 41, 46 s; busybox ignores
    // SIGTERM, so it dies at the end of the 30 s grace period (137) and starts again.
    expect(seen.slice(1)).toEqual([[1.054, 'Running']])
    expect(h.container(name)).toMatchObject({
      restartCount: 1,
      state: { running: { startedAt: '2026-01-01T00:01:16Z' } },
      lastState: {
        terminated: { exitCode: 137, reason: 'Error', finishedAt: '2026-01-01T00:01:16Z' },
      },
    })
    expect(h.events(name).find((e) => e.reason === 'Unhealthy')?.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
  })

  test('KUBELET-11 restartPolicy Never: the kill says nothing of a restart', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest(
        'web',
        {
          image: 'nginx:1.25',
          livenessProbe: { httpGet: { path: '/healthz', port: 80 }, failureThreshold: 1 },
        },
        { restartPolicy: 'Never' },
      ),
    )
    h.until(10)
    expect(h.events(name).find((e) => e.reason === 'Killing')?.message).toBe(
      'Container web failed liveness probe',
    )
    expect(h.pod(name)?.status?.phase).toBe('Succeeded')
  })
})

describe('startup probes (KUBELET-11)', () => {
  test('KUBELET-11 liveness and readiness wait for the startup probe; started flips when it succeeds', () => {
    const h = kubeletHarness()
    const name = h.run(
      demo('v1', {
        startupProbe: http('/healthz', { periodSeconds: 1, failureThreshold: 30 }),
        livenessProbe: http('/healthz', { periodSeconds: 10 }),
        readinessProbe: http('/readyz', { periodSeconds: 10 }),
      }),
    )
    h.until(started + 1)
    expect(h.container(name)).toMatchObject({ started: false, ready: false })
    h.until(started + 2)
    expect(h.container(name)).toMatchObject({ started: true, ready: true })
    const unhealthy = h.events(name).filter((e) => e.reason === 'Unhealthy')
    expect(unhealthy.map((e) => [e.message.split(':')[0], e.count])).toEqual([
      ['Startup probe failed', 1],
    ])
  })

  test('KUBELET-11 a startup probe that never succeeds kills and restarts the container', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('web', {
        image: 'nginx:1.25',
        startupProbe: {
          httpGet: { path: '/healthz', port: 80 },
          periodSeconds: 2,
          failureThreshold: 3,
        },
      }),
    )
    h.until(12)
    expect(h.events(name).find((e) => e.reason === 'Killing')?.message).toBe(
      'Container web failed startup probe, will be restarted',
    )
    expect(h.container(name)?.restartCount).toBe(1)
  })
})
