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
  {
    name: 'daemonset',
    kind: 'DaemonSet',
    input: { spec: { selector, template } },
    want: {
      spec: {
        revisionHistoryLimit: 10,
        selector,
        template: defaultedTemplate,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
        },
      },
    },
  },
  {
    name: 'statefulset with a claim template',
    kind: 'StatefulSet',
    input: {
      spec: {
        serviceName: 'db',
        selector,
        template,
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } },
        ],
      },
    },
    want: {
      spec: {
        serviceName: 'db',
        podManagementPolicy: 'OrderedReady',
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
        selector,
        template: defaultedTemplate,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', creationTimestamp: null },
            spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
            status: { phase: 'Pending' },
          },
        ],
      },
    },
  },
  {
    name: 'statefulset OnDelete gets no partition',
    kind: 'StatefulSet',
    input: { spec: { updateStrategy: { type: 'OnDelete' }, selector, template } },
    want: {
      spec: {
        podManagementPolicy: 'OrderedReady',
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
        selector,
        template: defaultedTemplate,
        updateStrategy: { type: 'OnDelete' },
      },
    },
  },
  {
    name: 'replicationcontroller takes selector and labels from its template',
    kind: 'ReplicationController',
    input: { metadata: { name: 'rc' }, spec: { template } },
    want: {
      metadata: { name: 'rc', labels: { app: 'web' } },
      spec: { replicas: 1, selector: { app: 'web' }, template: defaultedTemplate },
    },
  },
  {
    name: 'podtemplate',
    kind: 'PodTemplate',
    input: { template },
    want: { template: defaultedTemplate },
  },
]

const batch: Row[] = [
  {
    name: 'kubectl create job',
    kind: 'Job',
    input: {
      metadata: { name: 'pi' },
      spec: {
        template: {
          spec: { containers: [{ image: 'nginx', name: 'nginx' }], restartPolicy: 'Never' },
        },
      },
    },
    want: {
      metadata: { name: 'pi' },
      spec: {
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        completions: 1,
        parallelism: 1,
        podReplacementPolicy: 'TerminatingOrFailed',
        suspend: false,
        template: {
          metadata: { creationTimestamp: null },
          spec: { ...defaultedTemplateSpec, restartPolicy: 'Never' },
        },
      },
    },
  },
  {
    name: 'job with parallelism only keeps completions unset; template labels become job labels',
    kind: 'Job',
    input: {
      spec: {
        parallelism: 3,
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }],
        },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx' }] },
        },
      },
    },
    want: {
      metadata: { labels: { app: 'x' } },
      spec: {
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        parallelism: 3,
        podFailurePolicy: {
          rules: [
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          ],
        },
        podReplacementPolicy: 'Failed',
        suspend: false,
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'x' } },
          spec: defaultedTemplateSpec,
        },
      },
    },
  },
  {
    name: 'cronjob: the job template gets pod template defaults only',
    kind: 'CronJob',
    input: {
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          spec: { template: { spec: { containers: [{ image: 'nginx', name: 'nginx' }] } } },
        },
      },
    },
    want: {
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        failedJobsHistoryLimit: 1,
        successfulJobsHistoryLimit: 3,
        suspend: false,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            template: { metadata: { creationTimestamp: null }, spec: defaultedTemplateSpec },
          },
        },
      },
    },
  },
]

describe('workload defaults', () => {
  test.each(workloads)('DEF-2 DEF-3 DEF-4 DEF-5 DEF-20 $name', run)
  test.each(batch)('DEF-17 $name', run)
})
