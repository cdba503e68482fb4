import { describe, expect, test } from 'vitest'
import { deepCopy } from '../../util/json'
import type { KubeObject } from '../types'
import { addNamespaceFinalizerOnCreate, applyDefaults } from './index'

interface Row {
  name: string
  kind: string
  input: KubeObject
  want: KubeObject
}

function run(row: Row): void {
  const obj = deepCopy(row.input)
  applyDefaults(row.kind, obj)
  expect(obj).toEqual(row.want)
}

const services: Row[] = [
  {
    name: 'kubectl expose: ClusterIP, TCP, targetPort = port',
    kind: 'Service',
    input: {
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80 }, { port: 443, targetPort: 8443 }, { port: 53, targetPort: '' }],
      },
    },
    want: {
      spec: {
        selector: { app: 'web' },
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ports: [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { port: 443, protocol: 'TCP', targetPort: 8443 },
          { port: 53, protocol: 'TCP', targetPort: 53 },
        ],
      },
    },
  },
  {
    name: 'NodePort gets externalTrafficPolicy Cluster',
    kind: 'Service',
    input: {
      spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http', protocol: 'UDP' }] },
    },
    want: {
      spec: {
        type: 'NodePort',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'UDP', targetPort: 'http' }],
      },
    },
  },
  {
    name: 'LoadBalancer gets allocateLoadBalancerNodePorts and ingress ipMode',
    kind: 'Service',
    input: {
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { hostname: 'lb.example.com' }] } },
    },
    want: {
      spec: {
        type: 'LoadBalancer',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Local',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      },
      status: {
        loadBalancer: {
          ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }, { hostname: 'lb.example.com' }],
        },
      },
    },
  },
  {
    name: 'ClusterIP with externalIPs is externally accessible',
    kind: 'Service',
    input: { spec: { externalIPs: ['1.2.3.4'], ports: [{ port: 80 }] } },
    want: {
      spec: {
        type: 'ClusterIP',
        externalIPs: ['1.2.3.4'],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      },
    },
  },
  {
    name: 'ClientIP affinity gets a three-hour timeout; None drops the config',
    kind: 'Service',
    input: { spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } } },
    want: {
      spec: {
        type: 'ClusterIP',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        internalTrafficPolicy: 'Cluster',
      },
    },
  },
  {
    name: 'None affinity drops a stray config',
    kind: 'Service',
    input: { spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } } },
    want: {
      spec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' },
    },
  },
  {
    name: 'a given clusterIP fills an empty clusterIPs',
    kind: 'Service',
    input: { spec: { clusterIP: '10.96.0.1', clusterIPs: [] } },
    want: {
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    },
  },
  {
    name: 'ExternalName gets no traffic policies',
    kind: 'Service',
    input: { spec: { type: 'ExternalName', externalName: 'example.com' } },
    want: { spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' } },
  },
]

const others: Row[] = [
  {
    name: 'DEF-13 namespace gets its name label and phase Active',
    kind: 'Namespace',
    input: { metadata: { name: 'dev', labels: { team: 'a' } } },
    want: {
      metadata: { name: 'dev', labels: { team: 'a', 'kubernetes.io/metadata.name': 'dev' } },
      status: { phase: 'Active' },
    },
  },
  {
    name: 'DEF-13 the name label cannot be overridden',
    kind: 'Namespace',
    input: {
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'prod' } },
      status: { phase: 'Terminating' },
    },
    want: {
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      status: { phase: 'Terminating' },
    },
  },
  {
    name: 'DEF-13 a generateName namespace is not labelled yet',
    kind: 'Namespace',
    input: { metadata: { generateName: 'ns-' } },
    want: { metadata: { generateName: 'ns-' }, status: { phase: 'Active' } },
  },
  {
    name: 'DEF-14 node allocatable copies capacity',
    kind: 'Node',
    input: {
      metadata: { name: 'n1' },
      status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' } },
    },
    want: {
      metadata: { name: 'n1' },
      status: {
        capacity: { cpu: '2', memory: '4Gi', pods: '110' },
        allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      },
    },
  },
  {
    name: 'DEF-14 node allocatable given stays; no spec defaults',
    kind: 'Node',
    input: { spec: {}, status: { capacity: { cpu: '2' }, allocatable: { cpu: '1900m' } } },
    want: { spec: {}, status: { capacity: { cpu: '2' }, allocatable: { cpu: '1900m' } } },
  },
  {
    name: 'DEF-15 secret type Opaque',
    kind: 'Secret',
    input: { data: { a: 'Yg==' } },
    want: { data: { a: 'Yg==' }, type: 'Opaque' },
  },
  {
    name: 'DEF-15 secret type kept',
    kind: 'Secret',
    input: { type: 'kubernetes.io/tls' },
    want: { type: 'kubernetes.io/tls' },
  },
  {
    name: 'DEF-15 endpoints ports TCP',
    kind: 'Endpoints',
    input: {
      subsets: [
        { addresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] },
      ],
    },
    want: {
      subsets: [
        {
          addresses: [{ ip: '10.244.0.5' }],
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        },
      ],
    },
  },
  {
    name: 'DEF-1 ingress has no defaults',
    kind: 'Ingress',
    input: {
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }],
            },
          },
        ],
      },
    },
    want: {
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }],
            },
          },
        ],
      },
    },
  },
  {
    name: 'DEF-1 serviceaccount, event and configmap have no defaults',
    kind: 'ServiceAccount',
    input: { metadata: { name: 'sa' } },
    want: { metadata: { name: 'sa' } },
  },
]

const cpu80 = {
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
}
const scaleUp = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
}
const scaleDown = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
}
const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }

const hpas: Row[] = [
  {
    name: 'v2 without metrics targets 80% CPU; no behavior stays none',
    kind: 'HorizontalPodAutoscaler',
    input: { apiVersion: 'autoscaling/v2', spec: { scaleTargetRef: target, maxReplicas: 5 } },
    want: {
      apiVersion: 'autoscaling/v2',
      spec: { scaleTargetRef: target, maxReplicas: 5, minReplicas: 1, metrics: [cpu80] },
    },
  },
  {
    name: 'v2 behavior with only scaleDown window fills both directions',
    kind: 'HorizontalPodAutoscaler',
    input: {
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: target,
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [cpu80],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
      },
    },
    want: {
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: target,
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [cpu80],
        behavior: { scaleUp, scaleDown: { ...scaleDown, stabilizationWindowSeconds: 60 } },
      },
    },
  },
  {
    name: 'v2 empty behavior gets both default rule sets; scale-down window stays unset',
    kind: 'HorizontalPodAutoscaler',
    input: {
      apiVersion: 'autoscaling/v2',
      spec: { scaleTargetRef: target, maxReplicas: 5, metrics: [cpu80], behavior: {} },
    },
    want: {
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: target,
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [cpu80],
        behavior: { scaleUp, scaleDown },
      },
    },
  },
  {
    name: 'v2 given policies replace the defaults whole',
    kind: 'HorizontalPodAutoscaler',
    input: {
      apiVersion: 'autoscaling/v2',
      spec: {
        maxReplicas: 5,
        metrics: [cpu80],
        behavior: {
          scaleUp: {
            selectPolicy: 'Min',
            policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
          },
        },
      },
    },
    want: {
      apiVersion: 'autoscaling/v2',
      spec: {
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [cpu80],
        behavior: {
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Min',
            policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
          },
          scaleDown,
        },
      },
    },
  },
]

describe('core defaults', () => {
  test.each(services)('DEF-12 $name', run)
  test.each(others)('$name', run)
  test.each(hpas)('DEF-16 $name', run)

  const finalizerRows = [
    { name: 'none given', spec: undefined, want: ['kubernetes'] },
    {
      name: 'others given',
      spec: { finalizers: ['example.com/x'] },
      want: ['example.com/x', 'kubernetes'],
    },
    { name: 'already there', spec: { finalizers: ['kubernetes'] }, want: ['kubernetes'] },
  ]
  test.each(finalizerRows)('DEF-13 finalizer on create: $name', ({ spec, want }) => {
    const ns: KubeObject = { metadata: { name: 'dev' }, spec: deepCopy(spec) }
    addNamespaceFinalizerOnCreate(ns)
    expect(ns.spec).toEqual({ finalizers: want })
  })
})
