import { describe, expect, test } from 'vitest'
import { kubeletHarness, podManifest } from './testKit'

const crash = (script: string, restartPolicy?: string) =>
  podManifest(
    'web',
    { image: 'busybox:1.36', command: ['sh', '-c', script] },
    restartPolicy ? { restartPolicy } : {},
  )

function startTimes(h: ReturnType<typeof kubeletHarness>, seen: [number, string][]): number[] {
  void h
  return seen.filter(([, s]) => s === 'Running').map(([t]) => t)
}

describe('CrashLoopBackOff (KUBELET-8)', () => {
  test('KUBELET-8 restarts wait 10 s, 20 s, 40 s … capped at 300 s after each crash', () => {
    const h = kubeletHarness()
    const name = h.run(crash('sleep 1; exit 1'))
    const seen = h.track(name)
    h.until(2400)
    const starts = startTimes(h, seen)
    const exits = starts.map((s) => s + 1)
    // The first restart follows the exit at once (the kubelet notices it 1 s later); then back-off.
    const waits = starts.slice(1).map((s, i) => Math.round((s - (exits[i] ?? 0)) * 1000) / 1000)
    expect(waits.slice(0, 9)).toEqual([1, 10, 20, 40, 80, 160, 300, 300, 300])
    expect(seen.slice(1, 6).map(([, s]) => s)).toEqual([
      'Running',
      'Terminated:Error:1',
      'Running',
      'Terminated:Error:1',
      'CrashLoopBackOff',
    ])
  })

  test('KUBELET-8 the waiting message and the BackOff event, word for word', () => {
    const h = kubeletHarness()
    const name = h.run(crash('exit 1'))
    h.until(40)
    const uid = h.pod(name)?.metadata.uid
    const c = h.container(name)
    expect(c).toMatchObject({
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 40s restarting failed container=web pod=web_default(${uid})`,
        },
      },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      ready: false,
      started: false,
      restartCount: 3,
    })
    expect(h.pod(name)?.status?.phase).toBe('Running')
    const backOff = h.events(name).find((e) => e.reason === 'BackOff')
    expect(backOff).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container web in pod web_default(${uid})`,
      count: 3,
    })
    expect(
      h
        .events(name)
        .filter((e) => e.reason === 'Pulled')
        .map((e) => [e.message.replace(/ in .*$/, ''), e.count]),
    ).toEqual([
      ['Successfully pulled image "busybox:1.36"', 1],
      ['Container image "busybox:1.36" already present on machine', 3],
    ])
  })

  const resets = [
    { name: 'after 5 minutes of running the back-off still applies', runs: 300, backoff: true },
    {
      name: 'after 11 minutes of running it is forgotten (2 × the 5 min maximum)',
      runs: 660,
      backoff: false,
    },
  ]
  test.each(resets)('KUBELET-8 $name', ({ runs, backoff }) => {
    const h = kubeletHarness()
    const name = h.run(crash(`sleep ${runs}; exit 1`))
    const seen = h.track(name)
    h.until(2 * runs + 30)
    expect(seen.some(([, s]) => s === 'CrashLoopBackOff')).toBe(backoff)
    expect(h.container(name)?.restartCount).toBe(2)
  })
})

describe('restartPolicy (KUBELET-9)', () => {
  const rows = [
    {
      name: 'Always, exit 0',
      script: 'exit 0',
      policy: 'Always',
      phase: 'Running',
      state: 'CrashLoopBackOff',
      last: 'Completed',
      restarts: true,
    },
    {
      name: 'Always, exit 1',
      script: 'exit 1',
      policy: 'Always',
      phase: 'Running',
      state: 'CrashLoopBackOff',
      last: 'Error',
      restarts: true,
    },
    {
      name: 'OnFailure, exit 0',
      script: 'exit 0',
      policy: 'OnFailure',
      phase: 'Succeeded',
      state: 'Terminated:Completed:0',
      last: undefined,
      restarts: false,
    },
    {
      name: 'OnFailure, exit 1',
      script: 'exit 1',
      policy: 'OnFailure',
      phase: 'Running',
      state: 'CrashLoopBackOff',
      last: 'Error',
      restarts: true,
    },
    {
      name: 'Never, exit 0',
      script: 'exit 0',
      policy: 'Never',
      phase: 'Succeeded',
      state: 'Terminated:Completed:0',
      last: undefined,
      restarts: false,
    },
    {
      name: 'Never, exit 1',
      script: 'exit 1',
      policy: 'Never',
      phase: 'Failed',
      state: 'Terminated:Error:1',
      last: undefined,
      restarts: false,
    },
  ]
  test.each(rows)('KUBELET-9 $name', ({ script, policy, phase, state, last, restarts }) => {
    const h = kubeletHarness()
    const name = h.run(crash(script, policy))
    const seen = h.track(name)
    h.until(60)
    expect(h.pod(name)?.status?.phase).toBe(phase)
    expect(seen[seen.length - 1]?.[1]).toBe(state)
    expect(h.container(name)?.lastState?.terminated?.reason).toBe(last)
    expect((h.container(name)?.restartCount ?? 0) > 0).toBe(restarts)
    if (phase === 'Succeeded' || phase === 'Failed') {
      const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'
      expect(h.condition(name, 'Ready')).toMatchObject({ status: 'False', reason })
      expect(h.condition(name, 'ContainersReady')).toMatchObject({ status: 'False', reason })
      expect(h.condition(name, 'PodReadyToStartContainers')?.status).toBe('False')
    }
  })
})

describe('OOMKilled and start errors (KUBELET-10)', () => {
  test('KUBELET-10 memory over the limit: OOMKilled, exit code 137', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest(
        'hog',
        {
          image: 'polinux/stress',
          command: ['stress'],
          args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
          resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } },
        },
        { restartPolicy: 'Never' },
      ),
    )
    h.until(10)
    expect(h.container(name)?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    })
    expect(h.pod(name)?.status?.phase).toBe('Failed')
  })

  test('KUBELET-10 under Always the OOM-killed container restarts into CrashLoopBackOff', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('hog', {
        image: 'polinux/stress',
        command: ['stress'],
        args: ['--vm', '1', '--vm-bytes', '250M'],
        resources: { limits: { memory: '100Mi' } },
      }),
    )
    h.until(20)
    expect(h.container(name)).toMatchObject({
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
    })
  })

  test('KUBELET-10 a program that cannot be executed: RunContainerError, StartError 128, then CrashLoopBackOff', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('web', { image: 'busybox:1.36', command: ['exit', '1'] }))
    const seen = h.track(name)
    const text =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "exit": executable file not found in $PATH: unknown'
    h.until(1.1)
    expect(h.container(name)).toMatchObject({
      state: { waiting: { reason: 'RunContainerError', message: text } },
      lastState: {
        terminated: {
          exitCode: 128,
          reason: 'StartError',
          message: text,
          startedAt: '1970-01-01T00:00:00Z',
        },
      },
    })
    h.until(30)
    expect(seen.map(([, s]) => s).slice(0, 4)).toEqual([
      'ContainerCreating',
      'RunContainerError',
      'CrashLoopBackOff',
      'RunContainerError',
    ])
    expect(
      h
        .events(name)
        .map((e) => [e.reason, e.message])
        .slice(2, 4),
    ).toEqual([
      ['Created', 'Created container: web'],
      ['Failed', `Error: ${text}`],
    ])
    expect(h.kubelets[0]?.readLogs('default', name, 'web', true)).toEqual({
      ok: false,
      message: 'previous terminated container "web" in pod "web" not found',
    })
  })

  test('KUBELET-10 FallbackToLogsOnError puts the last log lines in the termination message', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest(
        'web',
        { image: 'kubeplay/demo-api:v2', terminationMessagePolicy: 'FallbackToLogsOnError' },
        { restartPolicy: 'Never' },
      ),
    )
    h.until(10)
    const t = h.container(name)?.state?.terminated
    expect(t).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(t?.message?.split('\n').pop()).toBe("KeyError: 'DATABASE_URL'")
  })
})
