import { describe, expect, test } from 'vitest'
import type { KubeObject } from '../../cluster/api/types'
import { isPrintableKind, kindPrefix, noResourcesFound, printTable } from './tablePrinters'

const now = Date.parse('2024-05-01T12:00:00Z')
const ago = (ms: number): string => new Date(now - ms).toISOString()
const M = 60 * 1000

const pods: KubeObject[] = [
  {
    kind: 'Pod',
    metadata: {
      name: 'nginx',
      namespace: 'default',
      creationTimestamp: ago(5 * M),
      labels: { run: 'nginx' },
    },
    spec: { containers: [{ name: 'nginx' }], nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: {} } }],
    },
  },
  {
    kind: 'Pod',
    metadata: { name: 'web-5d8c9b7f4-x2x9z', namespace: 'shop', creationTimestamp: ago(90 * 1000) },
    spec: { containers: [{ name: 'web' }] },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'web',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  },
]

describe('printTable', () => {
  test.each([
    {
      name: 'kubectl get pods',
      opts: {},
      want:
        'NAME                  READY   STATUS              RESTARTS   AGE\n' +
        'nginx                 1/1     Running             0          5m\n' +
        'web-5d8c9b7f4-x2x9z   0/1     ContainerCreating   0          90s\n',
    },
    {
      name: 'kubectl get pods -o wide',
      opts: { wide: true },
      want:
        'NAME                  READY   STATUS              RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'nginx                 1/1     Running             0          5m    10.244.1.5   node-1   <none>           <none>\n' +
        'web-5d8c9b7f4-x2x9z   0/1     ContainerCreating   0          90s   <none>       <none>   <none>           <none>\n',
    },
    {
      name: 'kubectl get pods -A --show-labels',
      opts: { namespaceColumn: true, showLabels: true },
      want:
        'NAMESPACE   NAME                  READY   STATUS              RESTARTS   AGE   LABELS\n' +
        'default     nginx                 1/1     Running             0          5m    run=nginx\n' +
        'shop        web-5d8c9b7f4-x2x9z   0/1     ContainerCreating   0          90s   <none>\n',
    },
    {
      name: 'kubectl get pods --show-kind --no-headers',
      opts: { showKind: true, noHeaders: true },
      want:
        'pod/nginx                 1/1   Running             0     5m\n' +
        'pod/web-5d8c9b7f4-x2x9z   0/1   ContainerCreating   0     90s\n',
    },
    {
      name: 'kubectl get pods -L run',
      opts: { labelColumns: ['run'] },
      want:
        'NAME                  READY   STATUS              RESTARTS   AGE   RUN\n' +
        'nginx                 1/1     Running             0          5m    nginx\n' +
        'web-5d8c9b7f4-x2x9z   0/1     ContainerCreating   0          90s   \n',
    },
  ])('TBL-1 $name', ({ opts, want }) => {
    expect(printTable('Pod', pods, { nowMs: now, ...opts })).toBe(want)
  })

  test('TBL-2 kubectl get deploy --show-kind prefixes kind.group', () => {
    const deploy: KubeObject = {
      metadata: { name: 'web', creationTimestamp: ago(2 * M) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      },
      status: { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    }
    expect(printTable('Deployment', [deploy], { nowMs: now, showKind: true })).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   3/3     3            3           2m\n',
    )
  })

  test('TBL-3 kubectl get svc', () => {
    const svcs: KubeObject[] = [
      {
        metadata: { name: 'kubernetes', creationTimestamp: ago(3 * 24 * 60 * M) },
        spec: {
          type: 'ClusterIP',
          clusterIPs: ['10.96.0.1'],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      },
      {
        metadata: { name: 'web', creationTimestamp: ago(10 * 1000) },
        spec: {
          type: 'LoadBalancer',
          clusterIPs: ['10.96.12.7'],
          ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
        },
      },
    ]
    expect(printTable('Service', svcs, { nowMs: now })).toBe(
      'NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\n' +
        'kubernetes   ClusterIP      10.96.0.1    <none>        443/TCP        3d\n' +
        'web          LoadBalancer   10.96.12.7   <pending>     80:30080/TCP   10s\n',
    )
  })

  test('TBL-4 multi-line cells are cut at the first newline with ...', () => {
    const cm: KubeObject = { metadata: { name: 'a\nb' }, data: {} }
    expect(printTable('ConfigMap', [cm], { nowMs: now })).toBe(
      'NAME   DATA   AGE\na...   0      <unknown>\n',
    )
  })

  test('TBL-5 no objects prints nothing', () => {
    expect(printTable('Pod', [], { nowMs: now })).toBe('')
  })

  test.each([
    {
      name: 'namespaced',
      ns: 'default',
      all: false,
      namespaced: true,
      want: 'No resources found in default namespace.',
    },
    {
      name: 'all namespaces',
      ns: 'default',
      all: true,
      namespaced: true,
      want: 'No resources found',
    },
    {
      name: 'cluster-scoped',
      ns: 'default',
      all: false,
      namespaced: false,
      want: 'No resources found',
    },
  ])('TBL-6 noResourcesFound $name', ({ ns, all, namespaced, want }) => {
    expect(noResourcesFound(ns, all, namespaced)).toBe(want)
  })

  test.each([
    { kind: 'Pod', want: 'pod' },
    { kind: 'ReplicaSet', want: 'replicaset.apps' },
    { kind: 'HorizontalPodAutoscaler', want: 'horizontalpodautoscaler.autoscaling' },
    { kind: 'Ingress', want: 'ingress.networking.k8s.io' },
  ])('TBL-7 kindPrefix $kind', ({ kind, want }) => {
    expect(isPrintableKind(kind)).toBe(true)
    if (isPrintableKind(kind)) expect(kindPrefix(kind)).toBe(want)
  })

  test('TBL-7 unknown kinds are not printable', () => {
    expect(isPrintableKind('Widget')).toBe(false)
  })
})
