import { describe, expect, test } from 'vitest'
import type { PodObject } from './state'
import { kubeletHarness, podManifest, type KubeletHarness } from './testKit'

function remove(h: KubeletHarness, name: string, query: Record<string, string> = {}): void {
  const res = h.server.handle({
    method: 'DELETE',
    path: `/api/v1/namespaces/default/pods/${name}`,
    query,
  })
  if (res.status !== 200) throw new Error(JSON.stringify(res.body))
}

/** The pod's last state before the API server removed it, and when that happened. */
function lastWords(
  h: KubeletHarness,
  name: string,
): { status?: PodObject['status']; goneAt?: number } {
  const out: { status?: PodObject['status']; goneAt?: number } = {}
  h.server.watch(
    {
      method: 'GET',
      path: '/api/v1/namespaces/default/pods',
      query: { fieldSelector: `metadata.name=${name}` },
    },
    (e) => {
      if (e.type === 'DELETED') out.goneAt = h.seconds()
      else out.status = (e.object as PodObject).status
    },
  )
  return out
}

describe('graceful termination (KUBELET-13)', () => {
  test('KUBELET-13 nginx stops on SIGQUIT within 50 ms; the kubelet then deletes the pod', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.until(10)
    const seen = lastWords(h, name)
    remove(h, name)
    expect(h.pod(name)?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z')
    h.until(10.04)
    expect(h.pod(name)?.status?.containerStatuses?.[0]).toMatchObject({
      ready: false,
      state: { running: {} },
    })
    h.until(11)
    expect(seen.goneAt).toBe(10.05)
    expect(seen.status?.phase).toBe('Succeeded')
    expect(seen.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    })
    expect(h.events(name).pop()).toMatchObject({
      type: 'Normal',
      reason: 'Killing',
      message: 'Stopping container web',
    })
    expect(h.errors).toEqual([])
  })

  test('KUBELET-13 busybox ignores SIGTERM: Terminating for the whole grace period, then SIGKILL (137)', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('sleeper', { image: 'busybox:1.36', args: ['sleep', '3600'] }))
    h.until(5)
    const seen = lastWords(h, name)
    remove(h, name)
    h.until(34.9)
    expect(h.pod(name)?.metadata.deletionGracePeriodSeconds).toBe(30)
    h.until(36)
    expect(seen.goneAt).toBe(35)
    expect(seen.status?.phase).toBe('Failed')
    expect(seen.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    })
  })

  const graces: {
    name: string
    query: Record<string, string>
    spec: Record<string, unknown>
    goneAt: number
  }[] = [
    { name: 'gracePeriodSeconds=5', query: { gracePeriodSeconds: '5' }, spec: {}, goneAt: 15 },
    {
      name: 'terminationGracePeriodSeconds: 10 in the spec',
      query: {},
      spec: { terminationGracePeriodSeconds: 10 },
      goneAt: 20,
    },
    {
      name: 'gracePeriodSeconds=1 still gets the 2 s minimum',
      query: { gracePeriodSeconds: '1' },
      spec: {},
      goneAt: 12,
    },
  ]
  test.each(graces)('KUBELET-13 $name', ({ query, spec, goneAt }) => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('sleeper', { image: 'busybox:1.36', args: ['sleep', '3600'] }, spec),
    )
    h.until(10)
    const seen = lastWords(h, name)
    remove(h, name, query)
    h.until(60)
    expect(seen.goneAt).toBe(goneAt)
  })

  test('KUBELET-13 a second delete may shorten the grace period', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('sleeper', { image: 'busybox:1.36', args: ['sleep', '3600'] }))
    h.until(10)
    const seen = lastWords(h, name)
    remove(h, name)
    h.until(12)
    remove(h, name, { gracePeriodSeconds: '3' })
    h.until(60)
    expect(seen.goneAt).toBe(15)
  })

  const hooks = [
    { name: 'preStop sleep 5 then SIGQUIT', preStop: { sleep: { seconds: 5 } }, goneAt: 15.05 },
    {
      name: 'preStop exec sleep 5 then SIGQUIT',
      preStop: { exec: { command: ['sleep', '5'] } },
      goneAt: 15.05,
    },
    {
      name: 'a preStop hook longer than the grace period is cut short; the stop signal still gets 2 s',
      preStop: { exec: { command: ['sleep', '100'] } },
      goneAt: 40.05,
    },
  ]
  test.each(hooks)('KUBELET-13 $name', ({ preStop, goneAt }) => {
    const h = kubeletHarness()
    const name = h.run(podManifest('web', { image: 'nginx:1.25', lifecycle: { preStop } }))
    h.until(10)
    const seen = lastWords(h, name)
    remove(h, name)
    h.until(60)
    expect(seen.goneAt).toBe(goneAt)
  })

  test('KUBELET-13 a pod deleted before its container started: the pull stops, the container reads lost', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.until(1)
    const seen = lastWords(h, name)
    remove(h, name)
    h.until(5)
    expect(seen.goneAt).toBe(1)
    expect(seen.status?.phase).toBe('Failed')
    expect(seen.status?.containerStatuses?.[0]?.state?.terminated).toEqual({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    })
    expect(h.events(name).map((e) => e.reason)).toEqual(['Pulling'])
  })

  test('KUBELET-13 a force delete (grace 0) removes the pod at once; the kubelet lets go of it', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.until(10)
    remove(h, name, { gracePeriodSeconds: '0' })
    expect(h.pod(name)).toBeUndefined()
    h.until(11)
    expect(h.kubelets[0]?.readLogs('default', name, 'web')).toEqual({
      ok: false,
      message: 'pods "web" not found',
    })
    const again = h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.until(12)
    // A new pod of the same name is a new worker: a fresh start and the next address.
    expect(h.container(again)).toMatchObject({ restartCount: 0, state: { running: {} } })
    expect(h.pod(again)?.status?.podIP).toBe('10.64.0.3')
  })

  test('KUBELET-13 a finished pod is deleted at once by the API server', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('job', { image: 'busybox:1.36', command: ['true'] }, { restartPolicy: 'Never' }),
    )
    h.until(5)
    expect(h.pod(name)?.status?.phase).toBe('Succeeded')
    remove(h, name)
    expect(h.pod(name)).toBeUndefined()
  })
})
