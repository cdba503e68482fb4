import { describe, expect, test } from 'vitest'
import { resolveImage } from '../apps'
import { kubeletHarness, nodes, podManifest } from './testKit'

const nginx125 = resolveImage('nginx:1.25')
const busybox = resolveImage('busybox:1.36')
if (!nginx125 || !busybox) throw new Error('catalogue')

describe('pod lifecycle (KUBELET-2, KUBELET-3, KUBELET-4)', () => {
  test('KUBELET-2 Pending → ContainerCreating → Running, with the statuses a real cluster shows', () => {
    const h = kubeletHarness()
    const orig = h.server.handle
    const writes: number[] = []
    h.server.handle = (req) => {
      if (req.method === 'PATCH' && String(req.path).endsWith('/pods/web/status'))
        writes.push(h.seconds())
      return orig(req)
    }
    const name = h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.until(0)
    const first = h.pod(name)?.status
    expect(first).toMatchObject({
      phase: 'Pending',
      hostIP: '172.18.0.10',
      hostIPs: [{ ip: '172.18.0.10' }],
      startTime: '2026-01-01T00:00:00Z',
      qosClass: 'BestEffort',
    })
    expect(first?.podIP).toBeUndefined()
    expect(
      first?.conditions?.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? '']),
    ).toEqual([
      ['PodReadyToStartContainers', 'False', '', ''],
      ['Initialized', 'True', '', ''],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['PodScheduled', 'True', '', ''],
    ])
    expect(first?.containerStatuses).toEqual([
      {
        name: 'web',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        ready: false,
        restartCount: 0,
        image: 'nginx:1.25',
        imageID: '',
        started: false,
      },
    ])

    h.until(0.5)
    expect(h.pod(name)?.status).toMatchObject({
      phase: 'Pending',
      podIP: '10.64.0.2',
      podIPs: [{ ip: '10.64.0.2' }],
    })
    expect(h.condition(name, 'PodReadyToStartContainers')?.status).toBe('True')

    h.until(3)
    const c = h.container(name)
    expect(h.pod(name)?.status?.phase).toBe('Running')
    expect(c).toMatchObject({
      state: { running: { startedAt: '2026-01-01T00:00:02Z' } },
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.25',
      imageID: nginx125.imageID,
    })
    expect(c?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(h.condition(name, 'Ready')).toMatchObject({
      status: 'True',
      lastTransitionTime: '2026-01-01T00:00:02Z',
    })
    expect(h.condition(name, 'PodScheduled')?.lastTransitionTime).toBe('2026-01-01T00:00:00Z')

    expect(h.events(name).map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Normal', 'Pulling', 'Pulling image "nginx:1.25"'],
      [
        'Normal',
        'Pulled',
        `Successfully pulled image "nginx:1.25" in 2.301s (2.301s including waiting). Image size: ${nginx125.sizeBytes} bytes.`,
      ],
      ['Normal', 'Created', 'Created container: web'],
      ['Normal', 'Started', 'Started container web'],
    ])
    // One write per change: scheduled, sandbox ready, running.
    h.until(60)
    expect(writes).toEqual([0, 0.5, 2.801])
    expect(h.errors).toEqual([])
  })

  test('KUBELET-3 the node keeps pulled images: the next pod finds it present', () => {
    const h = kubeletHarness()
    h.run(podManifest('a', { image: 'nginx:1.25' }))
    h.until(5)
    const b = h.run(podManifest('b', { image: 'nginx:1.25' }))
    h.until(6)
    expect(h.events(b).map((e) => [e.reason, e.message])).toEqual([
      ['Pulled', 'Container image "nginx:1.25" already present on machine'],
      ['Created', 'Created container: b'],
      ['Started', 'Started container b'],
    ])
    expect(h.container(b)?.state?.running?.startedAt).toBe('2026-01-01T00:00:05Z')
  })

  test('KUBELET-3 one pull at a time per node: the second waits for the first', () => {
    const h = kubeletHarness()
    h.run(podManifest('a', { image: 'nginx:1.25' }))
    const b = h.run(podManifest('b', { image: 'busybox:1.36', args: ['sleep', '3600'] }))
    h.until(5)
    const pulled = h.events(b).find((e) => e.reason === 'Pulled')
    expect(pulled?.message).toBe(
      `Successfully pulled image "busybox:1.36" in 554ms (2.855s including waiting). Image size: ${busybox.sizeBytes} bytes.`,
    )
  })

  test('KUBELET-3 a pod queued behind a pull of the same image gets it in the time of a manifest check', () => {
    const h = kubeletHarness()
    h.run(podManifest('a', { image: 'nginx:1.25' }))
    const b = h.run(podManifest('b', { image: 'nginx:1.25' }))
    h.until(5)
    expect(h.events(b).find((e) => e.reason === 'Pulled')?.message).toBe(
      `Successfully pulled image "nginx:1.25" in 300ms (2.601s including waiting). Image size: ${nginx125.sizeBytes} bytes.`,
    )
  })

  const policies = [
    {
      name: 'IfNotPresent, image present',
      policy: 'IfNotPresent',
      warm: true,
      events: [
        'Pulled: Container image "nginx:1.25" already present on machine',
        'Created: Created container: p',
        'Started: Started container p',
      ],
      running: true,
    },
    {
      name: 'Always, image present: pulled again (a manifest check)',
      policy: 'Always',
      warm: true,
      events: [
        'Pulling: Pulling image "nginx:1.25"',
        `Pulled: Successfully pulled image "nginx:1.25" in 300ms (300ms including waiting). Image size: ${nginx125.sizeBytes} bytes.`,
        'Created: Created container: p',
        'Started: Started container p',
      ],
      running: true,
    },
    {
      name: 'Never, image present',
      policy: 'Never',
      warm: true,
      events: [
        'Pulled: Container image "nginx:1.25" already present on machine',
        'Created: Created container: p',
        'Started: Started container p',
      ],
      running: true,
    },
    {
      name: 'Never, image absent',
      policy: 'Never',
      warm: false,
      events: [
        'ErrImageNeverPull: Container image "nginx:1.25" is not present with pull policy of Never',
        'Failed: Error: ErrImageNeverPull',
      ],
      running: false,
    },
  ]
  test.each(policies)('KUBELET-3 imagePullPolicy $name', ({ policy, warm, events, running }) => {
    const h = kubeletHarness()
    if (warm) h.run(podManifest('warm', { image: 'nginx:1.25' }))
    h.until(10)
    const p = h.run(podManifest('p', { image: 'nginx:1.25', imagePullPolicy: policy }))
    h.until(20)
    expect(h.events(p).map((e) => `${e.reason}: ${e.message}`)).toEqual(events)
    if (running) expect(h.container(p)?.state?.running).toBeDefined()
    else
      expect(h.container(p)?.state?.waiting).toEqual({
        reason: 'ErrImageNeverPull',
        message: 'Container image "nginx:1.25" is not present with pull policy of Never',
      })
  })

  test('KUBELET-3 an image reference that does not parse is InvalidImageName', () => {
    const h = kubeletHarness()
    const p = h.run(podManifest('p', { image: 'Nginx:1.25' }))
    h.until(5)
    const text =
      'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase'
    expect(h.container(p)?.state?.waiting).toEqual({ reason: 'InvalidImageName', message: text })
    expect(h.events(p).map((e) => [e.reason, e.message])).toEqual([
      ['InspectFailed', text],
      ['Failed', 'Error: InvalidImageName'],
    ])
  })

  test('KUBELET-4 containers start in order, each pulled, created and started', () => {
    const h = kubeletHarness()
    const p = h.run({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two' },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.25' },
          { name: 'side', image: 'busybox:1.36', args: ['sleep', '3600'] },
        ],
      },
    })
    h.until(10)
    expect(h.events(p).map((e) => e.message.replace(/ in .*$/, ''))).toEqual([
      'Pulling image "nginx:1.25"',
      'Successfully pulled image "nginx:1.25"',
      'Created container: web',
      'Started container web',
      'Pulling image "busybox:1.36"',
      'Successfully pulled image "busybox:1.36"',
      'Created container: side',
      'Started container side',
    ])
    expect(h.pod(p)?.status?.phase).toBe('Running')
    expect(h.condition(p, 'Ready')?.status).toBe('True')
  })
})

describe('init containers (KUBELET-5)', () => {
  const withInit = (script: string, restartPolicy = 'Always') => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'app' },
    spec: {
      restartPolicy,
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', script] }],
      containers: [{ name: 'web', image: 'nginx:1.25' }],
    },
  })

  test('KUBELET-5 init containers run to completion before the app starts', () => {
    const h = kubeletHarness()
    const p = h.run(withInit('echo waiting for db; sleep 5'))
    h.until(2)
    expect(h.pod(p)?.status?.phase).toBe('Pending')
    expect(h.container(p, 'init')?.state?.running).toBeDefined()
    expect(h.container(p, 'web')?.state).toEqual({ waiting: { reason: 'PodInitializing' } })
    expect(h.condition(p, 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init]',
    })
    h.until(20)
    expect(h.container(p, 'init')).toMatchObject({
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
      ready: true,
      started: false,
    })
    expect(h.condition(p, 'Initialized')?.status).toBe('True')
    expect(h.pod(p)?.status?.phase).toBe('Running')
    expect(h.kubelets[0]?.logs('default', p, 'init')).toEqual(['waiting for db'])
  })

  test('KUBELET-5 a failing init container fails the pod under restartPolicy Never', () => {
    const h = kubeletHarness()
    const p = h.run(withInit('exit 1', 'Never'))
    h.until(10)
    expect(h.pod(p)?.status?.phase).toBe('Failed')
    expect(h.container(p, 'init')?.state?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    })
    expect(h.container(p, 'web')?.state?.waiting?.reason).toBe('PodInitializing')
  })

  test('KUBELET-5 a failing init container is retried with back-off otherwise', () => {
    const h = kubeletHarness()
    const p = h.run(withInit('exit 1'))
    h.until(30)
    expect(h.pod(p)?.status?.phase).toBe('Pending')
    expect(h.container(p, 'init')).toMatchObject({
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1 } },
    })
    expect(h.container(p, 'init')?.restartCount).toBeGreaterThanOrEqual(2)
  })
})

describe('pod IPs (KUBELET-6)', () => {
  test('KUBELET-6 no two pods ever hold the same IP, under churn, on every node', () => {
    const h = kubeletHarness({ nodes: nodes(2) })
    let next = 0
    const live: string[] = []
    for (let round = 0; round < 120; round++) {
      // Add three pods, delete two of the oldest, let time pass.
      for (let i = 0; i < 3; i++)
        live.push(
          h.run(
            podManifest(`p${next++}`, { image: 'busybox:1.36', args: ['sleep', '3600'] }),
            `node-${(round % 2) + 1}`,
          ),
        )
      for (let i = 0; i < 2; i++) {
        const victim = live.shift()
        if (victim)
          h.server.handle({
            method: 'DELETE',
            path: `/api/v1/namespaces/default/pods/${victim}`,
            query: { gracePeriodSeconds: '0' },
          })
      }
      h.advance(700)
      const pods = (
        h.server.handle({ method: 'GET', path: '/api/v1/pods' }).body as {
          items: { status?: { podIP?: string } }[]
        }
      ).items
      const ips = pods.map((p) => p.status?.podIP).filter((ip): ip is string => !!ip)
      expect(new Set(ips).size).toBe(ips.length)
    }
    // Round robin: the 121 live pods' addresses wrapped around each node's range at least once.
    expect(h.pod(live[live.length - 1] ?? '')?.status?.podIP).toMatch(/^10\.64\.[01]\.\d+$/)
  })

  test('KUBELET-6 a full range: FailedCreatePodSandBox until an address is freed', () => {
    const h = kubeletHarness({
      nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi', index: 0, pods: 300 }],
    })
    for (let i = 0; i < 253; i++)
      h.run(podManifest(`p${i}`, { image: 'registry.k8s.io/pause:3.9' }))
    h.until(5)
    const extra = h.run(podManifest('extra', { image: 'registry.k8s.io/pause:3.9' }))
    h.until(6)
    const ev = h.events(extra)
    expect(ev[0]?.reason).toBe('FailedCreatePodSandBox')
    expect(ev[0]?.message).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="bridge" failed \(add\): failed to allocate for range 0: no IP addresses available in range set: 10\.64\.0\.1-10\.64\.0\.254$/,
    )
    h.server.handle({
      method: 'DELETE',
      path: '/api/v1/namespaces/default/pods/p7',
      query: { gracePeriodSeconds: '0' },
    })
    h.until(20)
    expect(h.pod(extra)?.status?.podIP).toBe('10.64.0.9')
  })
})

describe('environment (KUBELET-7)', () => {
  test('KUBELET-7 the kubernetes Service variables and $(VAR) expansion in args', () => {
    const h = kubeletHarness()
    const p = h.run(
      podManifest('env', {
        image: 'busybox:1.36',
        command: ['sh', '-c', 'echo $KUBERNETES_SERVICE_HOST; echo $(GREETING) $0'],
        args: ['world'],
        env: [{ name: 'GREETING', value: 'hello' }],
      }),
    )
    h.until(5)
    expect(h.kubelets[0]?.logs('default', p, 'env')).toEqual(['10.96.0.1', 'hello world'])
  })
})

describe('the demo API in a pod (KUBELET-2, APPS-9)', () => {
  const rows = [
    { tag: 'v1', phase: 'Running', ready: true, state: 'running', restarts: 0 },
    { tag: 'v2', phase: 'Running', ready: false, state: 'CrashLoopBackOff', restarts: 3 },
    { tag: 'v3', phase: 'Running', ready: false, state: 'running', restarts: 0 },
  ]
  test.each(rows)('KUBELET-2 kubeplay/demo-api:$tag', ({ tag, phase, ready, state, restarts }) => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('api', {
        image: `kubeplay/demo-api:${tag}`,
        readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
      }),
    )
    h.until(60)
    const c = h.container(name)
    expect(h.pod(name)?.status?.phase).toBe(phase)
    expect(c?.ready).toBe(ready)
    expect(c?.state?.running ? 'running' : c?.state?.waiting?.reason).toBe(state)
    expect(c?.restartCount).toBe(restarts)
    if (tag === 'v2')
      expect(h.kubelets[0]?.logs('default', name, 'api', true).pop()).toBe(
        "KeyError: 'DATABASE_URL'",
      )
  })
})
