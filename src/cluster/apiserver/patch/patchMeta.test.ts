import { describe, expect, test } from 'vitest'
import { hasPatchMeta, patchMetaFor, patchMetaForKind, untypedPatchMeta } from './patchMeta'

interface Row {
  name: string
  kind: string
  path: string
  strategies: string[]
  mergeKey: string
  type?: string
}

const rows: Row[] = [
  {
    name: 'pod containers',
    kind: 'Pod',
    path: 'spec.containers',
    strategies: ['merge'],
    mergeKey: 'name',
    type: 'Container',
  },
  {
    name: 'deployment template containers reuse PodSpec',
    kind: 'Deployment',
    path: 'spec.template.spec.containers',
    strategies: ['merge'],
    mergeKey: 'name',
    type: 'Container',
  },
  {
    name: 'replicaset template initContainers',
    kind: 'ReplicaSet',
    path: 'spec.template.spec.initContainers',
    strategies: ['merge'],
    mergeKey: 'name',
    type: 'Container',
  },
  {
    name: 'ephemeralContainers',
    kind: 'Pod',
    path: 'spec.ephemeralContainers',
    strategies: ['merge'],
    mergeKey: 'name',
    type: 'EphemeralContainer',
  },
  {
    name: 'volumes merge and retain keys',
    kind: 'Pod',
    path: 'spec.volumes',
    strategies: ['merge', 'retainKeys'],
    mergeKey: 'name',
    type: 'Volume',
  },
  {
    name: 'imagePullSecrets',
    kind: 'Pod',
    path: 'spec.imagePullSecrets',
    strategies: ['merge'],
    mergeKey: 'name',
  },
  {
    name: 'hostAliases by ip',
    kind: 'Pod',
    path: 'spec.hostAliases',
    strategies: ['merge'],
    mergeKey: 'ip',
  },
  {
    name: 'topologySpreadConstraints by topologyKey',
    kind: 'Pod',
    path: 'spec.topologySpreadConstraints',
    strategies: ['merge'],
    mergeKey: 'topologyKey',
  },
  {
    name: 'tolerations are atomic',
    kind: 'Pod',
    path: 'spec.tolerations',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'container ports by containerPort',
    kind: 'Pod',
    path: 'spec.containers.ports',
    strategies: ['merge'],
    mergeKey: 'containerPort',
  },
  {
    name: 'container env by name',
    kind: 'Deployment',
    path: 'spec.template.spec.containers.env',
    strategies: ['merge'],
    mergeKey: 'name',
  },
  {
    name: 'volumeMounts by mountPath',
    kind: 'Pod',
    path: 'spec.containers.volumeMounts',
    strategies: ['merge'],
    mergeKey: 'mountPath',
  },
  {
    name: 'volumeDevices by devicePath',
    kind: 'Pod',
    path: 'spec.initContainers.volumeDevices',
    strategies: ['merge'],
    mergeKey: 'devicePath',
  },
  {
    name: 'resizePolicy is atomic',
    kind: 'Pod',
    path: 'spec.containers.resizePolicy',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'pod conditions by type',
    kind: 'Pod',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'podIPs by ip',
    kind: 'Pod',
    path: 'status.podIPs',
    strategies: ['merge'],
    mergeKey: 'ip',
  },
  {
    name: 'containerStatuses are atomic',
    kind: 'Pod',
    path: 'status.containerStatuses',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'node conditions by type',
    kind: 'Node',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'node addresses by type',
    kind: 'Node',
    path: 'status.addresses',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'node taints are atomic',
    kind: 'Node',
    path: 'spec.taints',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'service ports by port',
    kind: 'Service',
    path: 'spec.ports',
    strategies: ['merge'],
    mergeKey: 'port',
  },
  {
    name: 'deployment strategy retains keys',
    kind: 'Deployment',
    path: 'spec.strategy',
    strategies: ['retainKeys'],
    mergeKey: '',
    type: 'DeploymentStrategy',
  },
  {
    name: 'deployment conditions by type',
    kind: 'Deployment',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'replicaset conditions by type',
    kind: 'ReplicaSet',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'hpa conditions by type',
    kind: 'HorizontalPodAutoscaler',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'namespace conditions by type',
    kind: 'Namespace',
    path: 'status.conditions',
    strategies: ['merge'],
    mergeKey: 'type',
  },
  {
    name: 'finalizers merge as a set',
    kind: 'Secret',
    path: 'metadata.finalizers',
    strategies: ['merge'],
    mergeKey: '',
  },
  {
    name: 'ownerReferences by uid',
    kind: 'Endpoints',
    path: 'metadata.ownerReferences',
    strategies: ['merge'],
    mergeKey: 'uid',
  },
  {
    name: 'serviceaccount secrets by name',
    kind: 'ServiceAccount',
    path: 'secrets',
    strategies: ['merge'],
    mergeKey: 'name',
  },
  {
    name: 'endpoints subsets are atomic',
    kind: 'Endpoints',
    path: 'subsets',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'ingress rules are atomic',
    kind: 'Ingress',
    path: 'spec.rules',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'event has ObjectMeta',
    kind: 'Event',
    path: 'metadata.finalizers',
    strategies: ['merge'],
    mergeKey: '',
  },
  {
    name: 'a label value has no tags',
    kind: 'ConfigMap',
    path: 'metadata.labels.app',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'an unknown field has no tags',
    kind: 'Pod',
    path: 'spec.nope',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'a custom resource has no tags anywhere',
    kind: 'Widget',
    path: 'metadata.finalizers',
    strategies: [],
    mergeKey: '',
  },
  {
    name: 'the empty path is the kind',
    kind: 'Pod',
    path: '',
    strategies: [],
    mergeKey: '',
    type: 'Pod',
  },
]

describe('patchMetaFor', () => {
  test.each(rows)('PATCH-40 $name', ({ kind, path, strategies, mergeKey, type }) => {
    const got = patchMetaFor(kind, path)
    expect(got.strategies).toEqual(strategies)
    expect(got.mergeKey).toBe(mergeKey)
    if (type !== undefined) expect(got.meta.name).toBe(type)
  })
})

describe('patchMetaForKind', () => {
  const served = [
    'Pod',
    'Deployment',
    'ReplicaSet',
    'Service',
    'Endpoints',
    'Node',
    'Namespace',
    'ConfigMap',
    'Secret',
    'Event',
    'ServiceAccount',
    'HorizontalPodAutoscaler',
    'Ingress',
  ]

  test.each(served)('PATCH-41 %s is described', (kind) => {
    expect(hasPatchMeta(kind)).toBe(true)
    expect(patchMetaForKind(kind).name).toBe(kind)
    expect(patchMetaFor(kind, 'metadata').meta.name).toBe('ObjectMeta')
  })

  test.each(['Widget', 'CronTab', 'toString', '__proto__'])(
    'PATCH-41 %s gets the untyped meta',
    (kind) => {
      expect(hasPatchMeta(kind)).toBe(false)
      expect(patchMetaForKind(kind)).toBe(untypedPatchMeta)
    },
  )
})
