import { describe, expect, test } from 'vitest'
import { pullFailure } from '../apps'
import { kubeletHarness, podManifest } from './testKit'

describe('pulls that fail: ErrImagePull then ImagePullBackOff (KUBELET-3)', () => {
  test('KUBELET-3 the waiting reasons alternate on the upstream back-off: 10 s doubling to 5 min', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('bad', { image: 'ngnix:1.25' }))
    const seen = h.track(name)
    h.until(1000)
    // The sandbox is ready at 0.5 s; each pull fails 1 s after it starts, and shows as
    // ErrImagePull until the worker's next sync 1 s later.
    const pulls = [0.5, 11.5, 32.5, 73.5, 154.5, 315.5, 616.5, 917.5]
    const expected: [number, string][] = [[0, 'ContainerCreating']]
    for (const t of pulls) expected.push([t + 1, 'ErrImagePull'], [t + 2, 'ImagePullBackOff'])
    expect(seen).toEqual(expected)
    const gaps = pulls.slice(1).map((t, i) => t - ((pulls[i] ?? 0) + 1))
    expect(gaps).toEqual([10, 20, 40, 80, 160, 300, 300])
  })

  test('KUBELET-3 messages and events, word for word', () => {
    const h = kubeletHarness()
    const name = h.run(podManifest('bad', { image: 'ngnix:1.25' }))
    const err = pullFailure('ngnix:1.25')
    h.until(1.5)
    expect(h.container(name)?.state?.waiting).toEqual({ reason: 'ErrImagePull', message: err })
    h.until(2.5)
    expect(h.container(name)?.state?.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "ngnix:1.25": ErrImagePull: ${err}`,
    })
    h.until(14)
    expect(h.events(name).map((e) => [e.type, e.reason, e.message, e.count])).toEqual([
      ['Normal', 'Pulling', 'Pulling image "ngnix:1.25"', 2],
      ['Warning', 'Failed', `Failed to pull image "ngnix:1.25": ${err}`, 2],
      ['Warning', 'Failed', 'Error: ErrImagePull', 2],
      ['Normal', 'BackOff', 'Back-off pulling image "ngnix:1.25"', 2],
      ['Warning', 'Failed', 'Error: ImagePullBackOff', 2],
    ])
    expect(h.pod(name)?.status?.phase).toBe('Pending')
    expect(h.kubelets[0]?.readLogs('default', name, name)).toEqual({
      ok: false,
      message: 'container "bad" in pod "bad" is waiting to start: trying and failing to pull image',
    })
  })

  test('KUBELET-3 fixing the image (kubectl set image) lets the next pull succeed', () => {
    const h = kubeletHarness()
    const typo = h.run(podManifest('typo', { image: 'ngnix' }))
    h.until(6)
    expect(h.container(typo)?.state?.waiting?.reason).toBe('ImagePullBackOff')
    h.server.handle({
      method: 'PATCH',
      path: `/api/v1/namespaces/default/pods/${typo}`,
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: { spec: { containers: [{ name: 'typo', image: 'nginx:1.25' }] } },
    })
    h.until(30)
    expect(h.container(typo)).toMatchObject({
      state: { running: {} },
      image: 'docker.io/library/nginx:1.25',
    })
  })
})
