import { describe, expect, test } from 'vitest'
import { kubeletHarness, nodes, podManifest } from './testKit'

describe('container logs (KUBELET-16)', () => {
  test("KUBELET-16 what `kubectl logs` gets in each state, and the kubelet's messages when there is nothing", () => {
    const h = kubeletHarness()
    const k = h.kubelets[0]
    if (!k) throw new Error('kubelet')
    const web = h.run(podManifest('web', { image: 'nginx:1.25' }))
    const crash = h.run(
      podManifest('crash', {
        image: 'busybox:1.36',
        command: ['sh', '-c', 'echo "attempt at $(date)"; exit 1'],
      }),
    )
    h.until(1)
    const rows = [
      {
        name: 'a container still being created',
        pod: web,
        container: 'web',
        previous: false,
        want: {
          ok: false,
          message: 'container "web" in pod "web" is waiting to start: ContainerCreating',
        },
      },
      {
        name: 'an unknown container',
        pod: web,
        container: 'nope',
        previous: false,
        want: { ok: false, message: 'container "nope" in pod "web" is not available' },
      },
      {
        name: 'a pod on another node',
        pod: 'elsewhere',
        container: 'x',
        previous: false,
        want: { ok: false, message: 'pods "elsewhere" not found' },
      },
      {
        name: 'no previous instance yet',
        pod: web,
        container: 'web',
        previous: true,
        want: { ok: false, message: 'previous terminated container "web" in pod "web" not found' },
      },
    ]
    for (const r of rows)
      expect(k.readLogs('default', r.pod, r.container, r.previous), r.name).toEqual(r.want)
    h.until(20)
    expect(k.logs('default', web, 'web')[10]).toBe('2026/01/01 00:00:02 [notice] 1#1: nginx/1.25.5')
    // A crash-looping container: its logs are those of the instance that last exited.
    expect(k.logs('default', crash, 'crash')).toEqual(['attempt at Thu Jan  1 00:00:14 UTC 2026'])
    expect(k.logs('default', crash, 'crash', true)).toEqual([
      'attempt at Thu Jan  1 00:00:14 UTC 2026',
    ])
    const r = k.readLogs('default', crash, 'crash')
    expect(r.ok && r.times).toEqual([Date.UTC(2026, 0, 1, 0, 0, 14, 355)])
  })

  test('KUBELET-16 logs are bounded: the last logLines lines', () => {
    const h = kubeletHarness({ nodes: nodes(1), kubelet: { logLines: 3 } })
    const p = h.run(
      podManifest('ticker', {
        image: 'busybox:1.36',
        command: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'],
      }),
    )
    h.until(100)
    expect(h.kubelets[0]?.logs('default', p, 'ticker')).toEqual(['tick 96', 'tick 97', 'tick 98'])
  })
})
