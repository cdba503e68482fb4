import { describe, expect, test } from 'vitest'
import { kubeletHarness, nodes, podManifest } from './testKit'

// A busy scenario: good, crashing, unpullable, probed and deleted pods on three nodes.
function scenario(seed: number): string {
  const h = kubeletHarness({ nodes: nodes(3), seed })
  const pods = [
    podManifest('web', {
      image: 'nginx:1.25',
      readinessProbe: { httpGet: { path: '/', port: 80 } },
    }),
    podManifest('crash', { image: 'kubeplay/demo-api:v2' }),
    podManifest('typo', { image: 'ngnix' }),
    podManifest('unready', {
      image: 'kubeplay/demo-api:v3',
      readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    }),
    podManifest(
      'job',
      { image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] },
      { restartPolicy: 'Never' },
    ),
    podManifest('sleeper', { image: 'busybox:1.36', args: ['sleep', '3600'] }),
  ]
  pods.forEach((p, i) => h.run(p, `node-${(i % 3) + 1}`))
  h.until(30)
  h.server.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/sleeper' })
  h.kubelets[1]?.fail()
  h.until(120)
  h.kubelets[1]?.restore()
  h.until(400)
  const list = (path: string) => h.server.handle({ method: 'GET', path }).body
  return JSON.stringify({
    pods: list('/api/v1/pods'),
    events: list('/api/v1/events'),
    nodes: list('/api/v1/nodes'),
    logs: h.kubelets.map((k) => k.logs('default', 'web', 'web')),
  })
}

describe('determinism (KUBELET-17)', () => {
  test('KUBELET-17 the same seed and the same calls at the same virtual times give the same cluster', () => {
    const a = scenario(7)
    expect(scenario(7)).toBe(a)
    expect(scenario(8)).not.toBe(a)
  })
})
