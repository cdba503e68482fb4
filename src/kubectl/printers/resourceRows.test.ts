import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2'
import type { ConfigMap, Endpoints, Event, Node, Secret, Service } from 'kubernetes-types/core/v1'
import type { Ingress } from 'kubernetes-types/networking/v1'
import { describe, expect, test } from 'vitest'
import {
  configMapRow,
  deploymentRow,
  endpointsRow,
  eventRow,
  hpaRow,
  ingressRow,
  nodeRow,
  replicaSetRow,
  secretRow,
  serviceRow,
} from './resourceRows'

const now = Date.parse('2024-05-01T12:00:00Z')
const ago = (ms: number): string => new Date(now - ms).toISOString()
const S = 1000

describe('resourceRows', () => {
  // TestPrintDeployment in printers_test.go.
  const deployment: Deployment = {
    metadata: { name: 'test1', creationTimestamp: ago(10 * 365 * 24 * 3600 * S) },
    spec: {
      replicas: 5,
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        spec: {
          containers: [
            { name: 'fake-container1', image: 'fake-image1' },
            { name: 'fake-container2', image: 'fake-image2' },
          ],
        },
      },
    },
    status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
  }
  test.each([
    { name: 'default', wide: false, want: ['test1', '0/5', '2', '1', '10y'] },
    {
      name: 'wide',
      wide: true,
      want: [
        'test1',
        '0/5',
        '2',
        '1',
        '10y',
        'fake-container1,fake-container2',
        'fake-image1,fake-image2',
        'foo=bar',
      ],
    },
  ])('ROW-1 Deployment $name', ({ wide, want }) => {
    expect(deploymentRow(deployment, now, wide)).toEqual(want)
  })

  test('ROW-2 ReplicaSet wide', () => {
    const rs: ReplicaSet = {
      metadata: { name: 'test1', creationTimestamp: ago(3 * 60 * S) },
      spec: {
        replicas: 5,
        selector: { matchLabels: { foo: 'bar' } },
        template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
      status: { replicas: 5, readyReplicas: 2 },
    }
    expect(replicaSetRow(rs, now, true)).toEqual([
      'test1',
      '5',
      '5',
      '2',
      '3m',
      'c',
      'nginx',
      'foo=bar',
    ])
  })

  // TestPrintService in printers_test.go.
  const svc = (spec: Service['spec'], status?: Service['status']): Service => ({
    metadata: { name: 'test1' },
    spec,
    status,
  })
  test.each([
    {
      name: 'ClusterIP',
      s: svc({
        type: 'ClusterIP',
        ports: [{ protocol: 'TCP', port: 2233 }],
        clusterIPs: ['10.9.8.7'],
        selector: { foo: 'bar' },
      }),
      wide: false,
      want: ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/TCP', '<unknown>'],
    },
    {
      name: 'NodePort',
      s: svc({
        type: 'NodePort',
        ports: [{ protocol: 'TCP', port: 8888, nodePort: 9999 }],
        clusterIPs: ['10.9.8.7'],
      }),
      wide: false,
      want: ['test1', 'NodePort', '10.9.8.7', '<none>', '8888:9999/TCP', '<unknown>'],
    },
    {
      name: 'LoadBalancer pending',
      s: svc({
        type: 'LoadBalancer',
        ports: [{ protocol: 'TCP', port: 80, nodePort: 30080 }],
        clusterIPs: ['10.96.0.10'],
      }),
      wide: false,
      want: ['test1', 'LoadBalancer', '10.96.0.10', '<pending>', '80:30080/TCP', '<unknown>'],
    },
    {
      name: 'LoadBalancer with ingress and externalIPs',
      s: svc(
        {
          type: 'LoadBalancer',
          ports: [{ protocol: 'TCP', port: 8888 }],
          clusterIPs: ['10.9.8.7'],
          externalIPs: ['80.11.12.10'],
        },
        { loadBalancer: { ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }] } },
      ),
      wide: false,
      want: ['test1', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/TCP', '<unknown>'],
    },
    {
      name: 'ExternalName',
      s: svc({ type: 'ExternalName', externalName: 'my.database.example.com' }),
      wide: false,
      want: ['test1', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>'],
    },
    {
      name: 'wide selector',
      s: svc({
        type: 'ClusterIP',
        ports: [{ protocol: 'TCP', port: 80 }],
        clusterIPs: ['10.0.0.1'],
        selector: { b: '2', a: '1' },
      }),
      wide: true,
      want: ['test1', 'ClusterIP', '10.0.0.1', '<none>', '80/TCP', '<unknown>', 'a=1,b=2'],
    },
    {
      name: 'wide no selector',
      s: svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.1'] }),
      wide: true,
      want: ['test1', 'ClusterIP', '10.0.0.1', '<none>', '<none>', '<unknown>', '<none>'],
    },
  ])('ROW-3 Service $name', ({ s, wide, want }) => {
    expect(serviceRow(s, now, wide)).toEqual(want)
  })

  test('ROW-3 LoadBalancer address is clipped to 16 bytes unless wide', () => {
    const s = svc(
      { type: 'LoadBalancer', clusterIPs: ['10.0.0.1'] },
      { loadBalancer: { ingress: [{ ip: '100.200.100.200' }, { ip: '100.200.100.201' }] } },
    )
    expect(serviceRow(s, now, false)[3]).toBe('100.200.100.2...')
    expect(serviceRow(s, now, true)[3]).toBe('100.200.100.200,100.200.100.201')
  })

  // TestPrintNodeStatus / TestPrintNodeRole / TestPrintNodeInternalIP in printers_test.go.
  const node = (n: Partial<Node>): Node => ({ metadata: { name: 'foo1' }, ...n })
  test.each([
    {
      name: 'Ready',
      n: node({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
      want: ['foo1', 'Ready', '<none>', '<unknown>', ''],
    },
    {
      name: 'Ready,SchedulingDisabled',
      n: node({
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }),
      want: ['foo1', 'Ready,SchedulingDisabled', '<none>', '<unknown>', ''],
    },
    {
      name: 'NotReady',
      n: node({ status: { conditions: [{ type: 'Ready', status: 'False' }] } }),
      want: ['foo1', 'NotReady', '<none>', '<unknown>', ''],
    },
    {
      name: 'Unknown without conditions',
      n: node({ spec: { unschedulable: true } }),
      want: ['foo1', 'Unknown,SchedulingDisabled', '<none>', '<unknown>', ''],
    },
    {
      name: 'roles',
      n: node({
        metadata: {
          name: 'foo1',
          labels: {
            'node-role.kubernetes.io/worker': '',
            'node-role.kubernetes.io/control-plane': '',
            'kubernetes.io/role': 'node',
          },
        },
        status: {
          nodeInfo: { kubeletVersion: 'v1.32.0' } as NonNullable<Node['status']>['nodeInfo'],
        },
      }),
      want: ['foo1', 'Unknown', 'control-plane,node,worker', '<unknown>', 'v1.32.0'],
    },
  ])('ROW-4 Node $name', ({ n, want }) => {
    expect(nodeRow(n, now, false)).toEqual(want)
  })

  test('ROW-4 Node wide', () => {
    const n = node({
      status: {
        addresses: [{ type: 'InternalIP', address: '1.1.1.1' }],
        nodeInfo: {
          osImage: 'Debian',
          kernelVersion: '6.1',
          containerRuntimeVersion: 'containerd://1.7',
          kubeletVersion: 'v1.32.0',
        } as NonNullable<Node['status']>['nodeInfo'],
      },
    })
    expect(nodeRow(n, now, true)).toEqual([
      'foo1',
      'Unknown',
      '<none>',
      '<unknown>',
      'v1.32.0',
      '1.1.1.1',
      '<none>',
      'Debian',
      '6.1',
      'containerd://1.7',
    ])
  })

  // TestPrintEndpoint-style rows.
  test.each([
    { name: 'no subsets', ep: { metadata: { name: 'e' } }, want: '<none>' },
    {
      name: 'three or fewer',
      ep: {
        metadata: { name: 'e' },
        subsets: [{ addresses: [{ ip: '10.64.0.2' }, { ip: '10.64.0.3' }], ports: [{ port: 80 }] }],
      },
      want: '10.64.0.2:80,10.64.0.3:80',
    },
    {
      name: 'more than three',
      ep: {
        metadata: { name: 'e' },
        subsets: [
          {
            addresses: [
              { ip: '10.64.0.2' },
              { ip: '10.64.0.3' },
              { ip: '10.64.0.4' },
              { ip: '10.64.0.5' },
            ],
            ports: [{ port: 80 }],
          },
        ],
      },
      want: '10.64.0.2:80,10.64.0.3:80,10.64.0.4:80 + 1 more...',
    },
    {
      name: 'headless without ports',
      ep: { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }] }] },
      want: '10.0.0.1',
    },
    {
      name: 'IPv6',
      ep: {
        metadata: { name: 'e' },
        subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }],
      },
      want: '[fd00::1]:80',
    },
  ] satisfies { name: string; ep: Endpoints; want: string }[])(
    'ROW-5 Endpoints $name',
    ({ ep, want }) => {
      expect(endpointsRow(ep, now)[1]).toBe(want)
    },
  )

  test('ROW-6 ConfigMap and Secret count keys', () => {
    const cm: ConfigMap = {
      metadata: { name: 'cm' },
      data: { a: '1', b: '2' },
      binaryData: { c: 'AA==' },
    }
    const secret: Secret = {
      metadata: { name: 's', creationTimestamp: ago(45 * S) },
      type: 'Opaque',
      data: { p: 'cA==' },
    }
    expect(configMapRow(cm, now)).toEqual(['cm', '3', '<unknown>'])
    expect(secretRow(secret, now)).toEqual(['s', 'Opaque', '1', '45s'])
  })

  const event: Event = {
    metadata: { name: 'nginx.17c' },
    involvedObject: { kind: 'Pod', name: 'nginx', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx"\n',
    type: 'Normal',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: ago(5 * 60 * S),
    lastTimestamp: ago(30 * S),
    count: 2,
  }
  test.each([
    {
      name: 'default columns',
      wide: false,
      want: ['30s', 'Normal', 'Pulled', 'pod/nginx', 'Successfully pulled image "nginx"'],
    },
    {
      name: 'wide columns',
      wide: true,
      want: [
        '30s',
        'Normal',
        'Pulled',
        'pod/nginx',
        'spec.containers{nginx}',
        'kubelet, node-1',
        'Successfully pulled image "nginx"',
        '5m',
        '2',
        'nginx.17c',
      ],
    },
  ])('ROW-7 Event $name', ({ wide, want }) => {
    expect(eventRow(event, now, wide)).toEqual(want)
  })

  test('ROW-7 Event without timestamps falls back to eventTime, count 1', () => {
    const e: Event = {
      metadata: { name: 'x' },
      involvedObject: { kind: 'Node' },
      eventTime: ago(90 * S),
      type: 'Warning',
      reason: 'R',
    }
    expect(eventRow(e, now, true)).toEqual([
      '90s',
      'Warning',
      'R',
      'node',
      '',
      '',
      '',
      '90s',
      '1',
      'x',
    ])
  })

  // TestPrintHPA rows in printers_test.go.
  const hpa = (
    metrics: HorizontalPodAutoscaler['spec'],
    status: HorizontalPodAutoscaler['status'],
  ): HorizontalPodAutoscaler => ({ metadata: { name: 'some-hpa' }, spec: metrics, status })
  test.each([
    {
      name: 'no metrics',
      h: hpa(
        { scaleTargetRef: { kind: 'ReplicationController', name: 'some-rc' }, maxReplicas: 10 },
        { currentReplicas: 4, desiredReplicas: 5 },
      ),
      want: [
        'some-hpa',
        'ReplicationController/some-rc',
        '<none>',
        '<unset>',
        '10',
        '4',
        '<unknown>',
      ],
    },
    {
      name: 'resource utilization',
      h: hpa(
        {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
            },
          ],
        },
        {
          currentReplicas: 4,
          desiredReplicas: 4,
          currentMetrics: [
            { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50 } } },
          ],
        },
      ),
      want: ['some-hpa', 'Deployment/web', 'cpu: 50%/80%', '2', '10', '4', '<unknown>'],
    },
    {
      name: 'resource utilization unknown yet',
      h: hpa(
        {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          minReplicas: 1,
          maxReplicas: 3,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
            },
          ],
        },
        { desiredReplicas: 0 },
      ),
      want: ['some-hpa', 'Deployment/web', 'cpu: <unknown>/50%', '1', '3', '0', '<unknown>'],
    },
    {
      name: 'more than two metrics',
      h: hpa(
        {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          maxReplicas: 3,
          metrics: [
            {
              type: 'Pods',
              pods: {
                metric: { name: 'qps' },
                target: { type: 'AverageValue', averageValue: '100m' },
              },
            },
            {
              type: 'Resource',
              resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } },
            },
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
            },
          ],
        },
        { desiredReplicas: 0 },
      ),
      want: [
        'some-hpa',
        'Deployment/web',
        '<unknown>/100m, memory: <unknown>/100Mi + 1 more...',
        '<unset>',
        '3',
        '0',
        '<unknown>',
      ],
    },
  ])('ROW-8 HPA $name', ({ h, want }) => {
    expect(hpaRow(h, now)).toEqual(want)
  })

  // TestPrintIngress in printers_test.go.
  test.each([
    {
      name: 'class, host, address',
      ing: {
        metadata: { name: 'test1', creationTimestamp: ago(10 * 365 * 24 * 3600 * S) },
        spec: { ingressClassName: 'foo', rules: [{ host: 'foo.bar.com' }] },
        status: {
          loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] },
        },
      },
      want: ['test1', 'foo', 'foo.bar.com', '2.3.4.5', '80', '10y'],
    },
    {
      name: 'no class, no host, TLS',
      ing: { metadata: { name: 'test2' }, spec: { rules: [{}], tls: [{ hosts: ['a'] }] } },
      want: ['test2', '<none>', '*', '', '80, 443', '<unknown>'],
    },
  ] satisfies { name: string; ing: Ingress; want: string[] }[])(
    'ROW-9 Ingress $name',
    ({ ing, want }) => {
      expect(ingressRow(ing, now, false)).toEqual(want)
    },
  )
})
