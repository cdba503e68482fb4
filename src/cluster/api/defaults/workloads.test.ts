import { describe, expect, test } from 'vitest'
import { deepCopy } from '../../util/json'
import type { KubeObject } from '../types'
import { applyDefaults } from './index'

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

// What a real 1.32 cluster returns for `kubectl create deployment web --image=nginx --dry-run=server -o yaml`
// (less the metadata the registry adds).
const defaultedNginx = {
  image: 'nginx',
  name: 'nginx',
  imagePullPolicy: 'Always',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
}
const defaultedTemplateSpec = {
  containers: [defaultedNginx],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
}
const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ image: 'nginx', name: 'nginx' }] },
}
const defaultedTemplate = {
  metadata: { creationTimestamp: null, labels: { app: 'web' } },
  spec: defaultedTemplateSpec,
}
const selector = { matchLabels: { app: 'web' } }

const workloads: Row[] = [
  {
    name: 'kubectl create deployment web --image=nginx',
    kind: 'Deployment',
    input: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector, template },
    },
    want: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 1,
        revisionHistoryLimit: 10,
        selector,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        },
        template: defaultedTemplate,
      },
    },
  },
  {
    name: 'deployment keeps given values, zero replicas included',
    kind: 'Deployment',
    input: {
      spec: {
        replicas: 0,
        revisionHistoryLimit: 2,
        strategy: { rollingUpdate: { maxSurge: 1 } },
        selector,
        template,
      },
    },
    want: {
      spec: {
        replicas: 0,
        revisionHistoryLimit: 2,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
        selector,
        template: defaultedTemplate,
      },
    },
  },
  {
    name: 'deployment with Recreate gets no rollingUpdate',
    kind: 'Deployment',
    input: { spec: { strategy: { type: 'Recreate' }, selector, template } },
    want: {
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'Recreate' },
        selector,
        template: defaultedTemplate,
      },
    },
  },
  {
    name: 'replicaset',
    kind: 'ReplicaSet',
    input: { spec: { selector, template } },
    want: { spec: { replicas: 1, selector, template: defaultedTemplate } },
  },
]

describe('workload defaults', () => {
  test.each(workloads)('DEF-2 DEF-3 DEF-5 $name', run)
})
