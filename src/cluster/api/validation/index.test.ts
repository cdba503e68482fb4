import { describe, expect, test } from 'vitest'
import { applyDefaults } from '../defaults'
import { errorText } from '../field'
import type { KubeObject } from '../types'
import { validatorFor } from './index'

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const meta = (name: string, namespaced = true): Record<string, string> =>
  namespaced ? { name, namespace: 'default' } : { name }

/** What a user would apply: the API server defaults it before validating. */
const manifests: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: meta('dev', false) },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('node-1', false),
    spec: {
      podCIDRs: ['10.244.1.0/24'],
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    },
    status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('web'),
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web'),
    spec: {
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web'),
    subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }],
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data: { 'app.yaml': 'a: 1' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: meta('pw'), stringData: { password: 'hunter2' } },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web.1'),
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to node-1',
    type: 'Normal',
  },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('builder') },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-abc'),
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web'),
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('web'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 10,
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('web'),
    spec: {
      rules: [
        {
          host: 'web.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  },
  {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'node-1', namespace: 'kube-node-lease' },
    spec: {
      holderIdentity: 'node-1',
      leaseDurationSeconds: 40,
      renewTime: '2026-01-01T00:00:10.000000Z',
    },
  },
]
const rows = manifests.map((m) => ({ kind: m.kind ?? '', obj: m }))

describe('validatorFor', () => {
  test.each(rows)('VALKINDS-1 a defaulted $kind passes create validation', ({ kind, obj }) => {
    const o = clone(obj)
    applyDefaults(kind, o)
    const v = validatorFor(kind)
    expect(v).toBeDefined()
    expect((v?.validate(o) ?? []).map(errorText)).toEqual([])
  })

  test.each(rows)('VALKINDS-1 an unchanged $kind passes update validation', ({ kind, obj }) => {
    const o = clone(obj)
    applyDefaults(kind, o)
    o.metadata = { ...o.metadata, uid: 'u1', resourceVersion: '1' }
    expect((validatorFor(kind)?.validateUpdate(clone(o), o) ?? []).map(errorText)).toEqual([])
  })

  test.each(rows)('VALKINDS-2 $kind validators never throw on junk', ({ kind }) => {
    const junk = {
      kind,
      metadata: 'x',
      spec: [1, 2],
      status: 'ready',
      data: 7,
      subsets: {},
    } as unknown as KubeObject
    const v = validatorFor(kind)
    expect(() => v?.validate(junk)).not.toThrow()
    expect(() => v?.validateUpdate(junk, junk)).not.toThrow()
    expect(() => v?.validateStatusUpdate?.(junk, junk)).not.toThrow()
  })

  test.each([
    { kind: 'Deployment', status: true },
    { kind: 'ReplicaSet', status: true },
    { kind: 'Service', status: true },
    { kind: 'Node', status: true },
    { kind: 'Namespace', status: true },
    { kind: 'Pod', status: true },
    { kind: 'HorizontalPodAutoscaler', status: true },
    { kind: 'Ingress', status: true },
    { kind: 'ConfigMap', status: false },
    { kind: 'Secret', status: false },
    { kind: 'Endpoints', status: false },
    { kind: 'Event', status: false },
    { kind: 'ServiceAccount', status: false },
  ])('VALKINDS-1 $kind has a status validator: $status', ({ kind, status }) => {
    expect(typeof validatorFor(kind)?.validateStatusUpdate === 'function').toBe(status)
  })

  test.each(['StatefulSet', 'CustomThing', 'toString', '__proto__', ''])(
    'VALKINDS-1 no validator for "%s"',
    (kind) => {
      expect(validatorFor(kind)).toBeUndefined()
    },
  )

  test('VALKINDS-1 Namespace has a finalize validator', () => {
    expect(typeof validatorFor('Namespace')?.validateFinalizeUpdate).toBe('function')
  })
})
