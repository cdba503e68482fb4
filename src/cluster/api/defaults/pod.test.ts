import { describe, expect, test } from 'vitest'
import { deepCopy } from '../../util/json'
import type { KubeObject } from '../types'
import { applyDefaults } from './index'

interface Row {
  name: string
  input: KubeObject
  want: KubeObject
}

const podSpecDefaults = {
  dnsPolicy: 'ClusterFirst',
  enableServiceLinks: true,
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
}
const containerDefaults = {
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
}

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec,
})

const rows: Row[] = [
  {
    name: 'DEF-6 DEF-7 kubectl run nginx --image=nginx',
    input: pod({ containers: [{ name: 'nginx', image: 'nginx' }] }),
    want: pod({
      ...podSpecDefaults,
      containers: [
        { name: 'nginx', image: 'nginx', ...containerDefaults, imagePullPolicy: 'Always' },
      ],
    }),
  },
  {
    name: 'DEF-7 ports get TCP, env fieldRef gets v1, given values stay',
    input: pod({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: 'c',
          image: 'nginx:1.25',
          imagePullPolicy: 'Never',
          ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
          env: [
            { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            { name: 'A', value: 'b' },
          ],
        },
      ],
    }),
    want: pod({
      ...podSpecDefaults,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: 'c',
          image: 'nginx:1.25',
          ...containerDefaults,
          imagePullPolicy: 'Never',
          ports: [
            { containerPort: 80, protocol: 'TCP' },
            { containerPort: 53, protocol: 'UDP' },
          ],
          env: [
            {
              name: 'NODE',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
            },
            { name: 'A', value: 'b' },
          ],
        },
      ],
    }),
  },
  {
    name: 'DEF-9 probes and lifecycle handlers',
    input: pod({
      containers: [
        {
          name: 'c',
          image: 'app:1',
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 0 },
          startupProbe: { grpc: { port: 9000 } },
          lifecycle: {
            preStop: { httpGet: { port: 80, path: '/quit' } },
            postStart: { exec: { command: ['true'] } },
          },
        },
      ],
    }),
    want: pod({
      ...podSpecDefaults,
      containers: [
        {
          name: 'c',
          image: 'app:1',
          ...containerDefaults,
          livenessProbe: {
            httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            tcpSocket: { port: 80 },
            timeoutSeconds: 1,
            periodSeconds: 5,
            successThreshold: 1,
            failureThreshold: 3,
          },
          startupProbe: {
            grpc: { port: 9000, service: '' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          lifecycle: {
            preStop: { httpGet: { port: 80, path: '/quit', scheme: 'HTTP' } },
            postStart: { exec: { command: ['true'] } },
          },
        },
      ],
    }),
  },
  {
    name: 'DEF-10 volumes',
    input: pod({
      containers: [{ name: 'c', image: 'app:1' }],
      volumes: [
        { name: 'scratch' },
        { name: 'cache', emptyDir: { medium: 'Memory' } },
        { name: 'cfg', configMap: { name: 'cfg' } },
        { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
        { name: 'host', hostPath: { path: '/var/log' } },
        {
          name: 'info',
          downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
        },
        { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        { name: 'claim', persistentVolumeClaim: { claimName: 'data' } },
      ],
    }),
    want: pod({
      ...podSpecDefaults,
      containers: [{ name: 'c', image: 'app:1', ...containerDefaults }],
      volumes: [
        { name: 'scratch', emptyDir: {} },
        { name: 'cache', emptyDir: { medium: 'Memory' } },
        { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
        { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
        { name: 'host', hostPath: { path: '/var/log', type: '' } },
        {
          name: 'info',
          downwardAPI: {
            defaultMode: 420,
            items: [
              { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            ],
          },
        },
        {
          name: 'token',
          projected: {
            defaultMode: 420,
            sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
          },
        },
        { name: 'claim', persistentVolumeClaim: { claimName: 'data' } },
      ],
    }),
  },
  {
    name: 'DEF-6 requests default to limits; init containers too',
    input: pod({
      initContainers: [{ name: 'i', image: 'busybox:1', resources: { limits: { cpu: '100m' } } }],
      containers: [
        {
          name: 'c',
          image: 'app:1',
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
        },
      ],
    }),
    want: pod({
      ...podSpecDefaults,
      initContainers: [
        {
          name: 'i',
          image: 'busybox:1',
          ...containerDefaults,
          resources: { limits: { cpu: '100m' }, requests: { cpu: '100m' } },
        },
      ],
      containers: [
        {
          name: 'c',
          image: 'app:1',
          ...containerDefaults,
          resources: {
            limits: { cpu: '1', memory: '1Gi' },
            requests: { cpu: '500m', memory: '1Gi' },
          },
        },
      ],
    }),
  },
  {
    name: 'DEF-6 host network copies containerPort to hostPort',
    input: pod({
      hostNetwork: true,
      containers: [{ name: 'c', image: 'app:1', ports: [{ containerPort: 8080 }] }],
    }),
    want: pod({
      ...podSpecDefaults,
      hostNetwork: true,
      containers: [
        {
          name: 'c',
          image: 'app:1',
          ...containerDefaults,
          ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
        },
      ],
    }),
  },
  {
    name: 'DEF-6 enableServiceLinks false stays false',
    input: pod({ enableServiceLinks: false, containers: [] }),
    want: pod({ ...podSpecDefaults, enableServiceLinks: false, containers: [] }),
  },
  {
    name: 'DEF-11 deprecated serviceAccount fills serviceAccountName',
    input: pod({ serviceAccount: 'builder', containers: [] }),
    want: pod({
      ...podSpecDefaults,
      serviceAccount: 'builder',
      serviceAccountName: 'builder',
      containers: [],
    }),
  },
  {
    name: 'DEF-11 serviceAccountName wins and is mirrored',
    input: pod({ serviceAccount: 'old', serviceAccountName: 'new', containers: [] }),
    want: pod({
      ...podSpecDefaults,
      serviceAccount: 'new',
      serviceAccountName: 'new',
      containers: [],
    }),
  },
  {
    name: 'DEF-1 wrongly typed fields are left for validation',
    input: pod({ containers: 'nginx', volumes: [null, 3], securityContext: 'x' }),
    want: pod({
      ...podSpecDefaults,
      containers: 'nginx',
      volumes: [null, 3],
      securityContext: 'x',
    }),
  },
  {
    name: 'DEF-1 a pod without spec gets an empty defaulted spec',
    input: { kind: 'Pod', metadata: { name: 'p' } },
    want: { kind: 'Pod', metadata: { name: 'p' }, spec: podSpecDefaults },
  },
]

describe('pod defaults', () => {
  test.each(rows)('$name', ({ input, want }) => {
    const obj = deepCopy(input)
    applyDefaults('Pod', obj)
    expect(obj).toEqual(want)
  })

  test('DEF-1 defaulting is idempotent', () => {
    for (const { input } of rows) {
      const once = deepCopy(input)
      applyDefaults('Pod', once)
      const twice = deepCopy(once)
      applyDefaults('Pod', twice)
      expect(twice).toEqual(once)
    }
  })

  test('DEF-5 pod templates do not get the Pod-only enableServiceLinks', () => {
    const rs: KubeObject = { spec: { template: { spec: { containers: [] } } } }
    applyDefaults('ReplicaSet', rs)
    expect(rs).toMatchObject({ spec: { template: { spec: { dnsPolicy: 'ClusterFirst' } } } })
    expect(JSON.stringify(rs)).not.toContain('enableServiceLinks')
  })

  test('DEF-10 an ephemeral volume claim template gets volumeMode Filesystem', () => {
    const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }
    const obj = pod({
      containers: [{ name: 'c', image: 'app:1' }],
      volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: claimSpec } } }],
    })
    applyDefaults('Pod', obj)
    expect(obj).toMatchObject({
      spec: {
        volumes: [
          {
            name: 'scratch',
            ephemeral: { volumeClaimTemplate: { spec: { ...claimSpec, volumeMode: 'Filesystem' } } },
          },
        ],
      },
    })
  })

  test('DEF-1 unknown kinds are untouched', () => {
    const obj: KubeObject = { kind: 'Widget', spec: { a: 1 } }
    applyDefaults('Widget', obj)
    applyDefaults('toString', obj)
    expect(obj).toEqual({ kind: 'Widget', spec: { a: 1 } })
  })
})
