/**
 * What `kubectl get -o yaml` shows after `kubectl create`: the API server's defaults, through
 * handle() alone (DEF rules in SPEC.md; the values mirror a v1.30 cluster).
 */
import { describe, expect, test } from 'vitest'
import { deployment, pod, service } from '../testing/fixtures'
import { testClient } from '../testing/testClient'

type Obj = Record<string, unknown> & { spec: Record<string, unknown> }

describe('defaults as stored (DEF-2, DEF-3, DEF-11, ALLOC-1)', () => {
  test('a Deployment gets the upstream strategy, history limit, deadline and pod template defaults', () => {
    const c = testClient()
    const { replicas: _replicas, ...specWithoutReplicas } = deployment('web', 'nginx').spec
    const d = c.post('/apis/apps/v1/namespaces/default/deployments', { ...deployment('web', 'nginx'), spec: specWithoutReplicas }).body as Obj
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              imagePullPolicy: 'Always',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
    })
    expect(d.status).toEqual({})
  })

  test.each([
    { image: 'nginx', policy: 'Always' },
    { image: 'nginx:latest', policy: 'Always' },
    { image: 'nginx:1.25', policy: 'IfNotPresent' },
    { image: 'localhost:5000/app', policy: 'Always' },
    { image: 'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000', policy: 'IfNotPresent' },
  ])('imagePullPolicy of $image is $policy', ({ image, policy }) => {
    const c = testClient()
    const p = c.post('/api/v1/namespaces/default/pods', pod('p', image)).body as { spec: { containers: { imagePullPolicy: string }[] } }
    expect(p.spec.containers[0]?.imagePullPolicy).toBe(policy)
  })

  test('a Pod gets the service account, tolerations and priority of admission', () => {
    const c = testClient()
    const p = c.post('/api/v1/namespaces/default/pods', pod('p')).body as Obj
    expect(p.spec).toMatchObject({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    })
    const volumes = p.spec.volumes as { name: string }[]
    expect(volumes[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  test('a Service gets a ClusterIP from 10.96.0.0/12, targetPort from port, and node ports from 30000-32767', () => {
    const c = testClient()
    const s = c.post('/api/v1/namespaces/default/services', service('web', { app: 'web' }, 'NodePort')).body as Obj
    const spec = s.spec as { clusterIP: string; clusterIPs: string[]; ports: { port: number; targetPort: number; protocol: string; nodePort: number }[] }
    const [a, b] = spec.clusterIP.split('.').map(Number)
    expect(a).toBe(10)
    expect(b).toBeGreaterThanOrEqual(96)
    expect(b).toBeLessThanOrEqual(111)
    expect(spec.clusterIPs).toEqual([spec.clusterIP])
    expect(spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' })
    expect(spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30000)
    expect(spec.ports[0]?.nodePort).toBeLessThanOrEqual(32767)
    expect(s.spec).toMatchObject({ type: 'NodePort', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' })
  })

  test('the kubernetes Service holds 10.96.0.1, so no other Service gets it', () => {
    const c = testClient()
    const k = c.get('/api/v1/namespaces/default/services/kubernetes').body as Obj
    expect(k.spec.clusterIP).toBe('10.96.0.1')
    const taken = c.post('/api/v1/namespaces/default/services', { ...service('web'), spec: { ...service('web').spec, clusterIP: '10.96.0.1' } })
    expect(taken.status).toBe(422)
    expect((taken.body as { message: string }).message).toContain('provided IP is already allocated')
  })
})
