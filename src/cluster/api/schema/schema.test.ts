import { describe, expect, it, test } from 'vitest'
import { fieldType, goStruct, goTypeName, kindInfo, schemaForKind, servedKinds } from './schema'

describe('served kinds', () => {
  it('DECODE-1 lists every kind of the brief plus Status and DeleteOptions', () => {
    expect(servedKinds()).toEqual([
      'Binding',
      'ConfigMap',
      'DeleteOptions',
      'Deployment',
      'Endpoints',
      'Event',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Lease',
      'Namespace',
      'Node',
      'Pod',
      'ReplicaSet',
      'Scale',
      'Secret',
      'Service',
      'ServiceAccount',
      'Status',
    ])
  })

  test.each([
    { kind: 'Pod', apiVersion: 'v1', group: '', version: 'v1' },
    { kind: 'Deployment', apiVersion: 'apps/v1', group: 'apps', version: 'v1' },
    { kind: 'Scale', apiVersion: 'autoscaling/v1', group: 'autoscaling', version: 'v1' },
    {
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      group: 'autoscaling',
      version: 'v2',
    },
    {
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      group: 'networking.k8s.io',
      version: 'v1',
    },
    {
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      group: 'coordination.k8s.io',
      version: 'v1',
    },
  ])('DECODE-1 $kind is served as $apiVersion', ({ kind, apiVersion, group, version }) => {
    expect(kindInfo(kind)).toEqual({ kind, apiVersion, group, version, type: kind })
    expect(schemaForKind(kind)?.fields.metadata).toEqual({ object: 'ObjectMeta' })
  })

  test.each(['Widget', 'toString', '__proto__', 'PodSpec'])(
    'DECODE-1 %s is not a served kind',
    (kind) => {
      expect(kindInfo(kind)).toBeUndefined()
      expect(schemaForKind(kind)).toBeUndefined()
    },
  )
})

describe('Go types of fields', () => {
  test.each([
    { struct: 'DeploymentSpec', field: 'replicas', go: 'int32' },
    { struct: 'PodSpec', field: 'terminationGracePeriodSeconds', go: 'int64' },
    { struct: 'ObjectMeta', field: 'generation', go: 'int64' },
    { struct: 'PodSecurityContext', field: 'supplementalGroups', go: '[]int64' },
    { struct: 'PodSpec', field: 'containers', go: '[]v1.Container' },
    { struct: 'DeploymentSpec', field: 'template', go: 'v1.PodTemplateSpec' },
    { struct: 'HorizontalPodAutoscalerSpec', field: 'metrics', go: '[]v2.MetricSpec' },
    { struct: 'ObjectMeta', field: 'labels', go: 'map[string]string' },
    { struct: 'ObjectMeta', field: 'uid', go: 'types.UID' },
    { struct: 'ResourceRequirements', field: 'limits', go: 'v1.ResourceList' },
    { struct: 'Secret', field: 'data', go: 'map[string][]uint8' },
    { struct: 'ContainerPort', field: 'protocol', go: 'v1.Protocol' },
    { struct: 'NamespaceSpec', field: 'finalizers', go: '[]v1.FinalizerName' },
    { struct: 'RollingUpdateDeployment', field: 'maxSurge', go: 'intstr.IntOrString' },
    { struct: 'ObjectMeta', field: 'creationTimestamp', go: 'v1.Time' },
    { struct: 'Event', field: 'eventTime', go: 'v1.MicroTime' },
    { struct: 'PodSpec', field: 'hostNetwork', go: 'bool' },
  ])('DECODE-1 $struct.$field is $go', ({ struct, field, go }) => {
    const s = goStruct(struct)
    const t = s && fieldType(s, field)
    expect(t && goTypeName(t)).toBe(go)
  })

  it('DECODE-1 records which IntOrString/Quantity fields are held by value', () => {
    expect(goStruct('ServicePort')?.byValue).toEqual(['targetPort'])
    expect(goStruct('RollingUpdateDeployment')?.byValue).toBeUndefined()
  })

  it('DECODE-1 every object reference resolves to a struct', () => {
    const missing: string[] = []
    const visit = (t: unknown): void => {
      if (t && typeof t === 'object') {
        if ('object' in t && typeof t.object === 'string' && !goStruct(t.object))
          missing.push(t.object)
        for (const v of Object.values(t)) visit(v)
      }
    }
    for (const kind of servedKinds()) visit(schemaForKind(kind))
    for (const name of [
      'PodSpec',
      'Container',
      'ObjectMeta',
      'ListMeta',
      'LabelSelector',
      'OwnerReference',
    ]) {
      const s = goStruct(name)
      expect(s, name).toBeDefined()
      visit(s)
    }
    expect(missing).toEqual([])
  })
})
