import { describe, expect, test } from 'vitest'
import {
  checkFieldSelector,
  fieldSetFor,
  supportedFieldLabels,
  transformFieldSelector,
} from './fieldsForKind'
import { parseFieldSelector, type FieldSelector } from './selector'

const sel = (s: string): FieldSelector => {
  const r = parseFieldSelector(s)
  if (!r.ok) throw new Error(r.error)
  return r.selector
}

describe('supported field labels', () => {
  const rows = [
    { name: 'pods: spec.nodeName', resource: 'pods', s: 'spec.nodeName=node-1', error: undefined },
    { name: 'pods: status.phase', resource: 'pods', s: 'status.phase!=Running', error: undefined },
    {
      name: 'pods: status.podIPs',
      resource: 'pods',
      s: 'status.podIPs=10.0.0.1',
      error: undefined,
    },
    {
      name: 'pods: unknown label',
      resource: 'pods',
      s: 'spec.containers=x',
      error: 'field label not supported: spec.containers',
    },
    {
      name: 'nodes: spec.unschedulable',
      resource: 'nodes',
      s: 'spec.unschedulable=true',
      error: undefined,
    },
    {
      name: 'nodes: no namespace label',
      resource: 'nodes',
      s: 'metadata.namespace=x',
      error: 'field label not supported: metadata.namespace',
    },
    {
      name: 'namespaces: status.phase',
      resource: 'namespaces',
      s: 'status.phase=Active',
      error: undefined,
    },
    { name: 'secrets: type', resource: 'secrets', s: 'type=Opaque', error: undefined },
    {
      name: 'services: spec.type',
      resource: 'services',
      s: 'spec.type=NodePort,spec.clusterIP=None',
      error: undefined,
    },
    {
      name: 'events: involvedObject.name',
      resource: 'events',
      s: 'involvedObject.name=web,reason=Failed',
      error: undefined,
    },
    {
      name: 'events: unknown',
      resource: 'events',
      s: 'message=x',
      error: 'field label not supported: message',
    },
    {
      name: 'jobs: status.successful',
      resource: 'jobs',
      s: 'status.successful=1',
      error: undefined,
    },
    {
      name: 'jobs: unknown',
      resource: 'jobs',
      s: 'status.active=1',
      error: 'field label "status.active" not supported for batchv1.Job',
    },
    {
      name: 'replicasets: status.replicas is rejected as on a real cluster',
      resource: 'replicasets',
      s: 'status.replicas=0',
      error:
        '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
    {
      name: 'deployments: default conversion',
      resource: 'deployments',
      s: 'spec.replicas=1',
      error:
        '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
    {
      name: 'configmaps: metadata.name',
      resource: 'configmaps',
      s: 'metadata.name=cfg',
      error: undefined,
    },
    { name: 'empty selector', resource: 'pods', s: '', error: undefined },
    {
      name: 'first unsupported label in sorted order',
      resource: 'pods',
      s: 'zzz=1,aaa=2',
      error: 'field label not supported: aaa',
    },
  ]
  test.each(rows)('SEL-22 $name', ({ resource, s, error }) => {
    expect(checkFieldSelector(resource, sel(s))).toBe(error)
  })
  test('SEL-22 spec.host is renamed to spec.nodeName for pods', () => {
    const r = transformFieldSelector('pods', sel('spec.host=node-1'))
    expect(r.ok && r.selector.toString()).toBe('spec.nodeName=node-1')
  })
  test('SEL-22 supportedFieldLabels', () => {
    expect(supportedFieldLabels('secrets')).toEqual(['type', 'metadata.namespace', 'metadata.name'])
    expect(supportedFieldLabels('widgets')).toEqual(['metadata.name', 'metadata.namespace'])
  })
})

describe('field values', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'default' },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.9',
      podIPs: [{ ip: '10.0.0.9' }, { ip: 'fd00::9' }],
    },
  }
  test('SEL-23 pod fields', () => {
    expect(fieldSetFor('pods', pod)).toEqual({
      'metadata.name': 'web-1',
      'metadata.namespace': 'default',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.9',
      'status.nominatedNodeName': '',
    })
  })
  const rows = [
    {
      name: 'pending pod has no node',
      resource: 'pods',
      obj: { metadata: { name: 'p' }, status: { phase: 'Pending' } },
      s: 'spec.nodeName=',
      match: true,
    },
    {
      name: 'status.podIPs never matches a value',
      resource: 'pods',
      obj: pod,
      s: 'status.podIPs=10.0.0.9',
      match: false,
    },
    {
      name: 'podIP from podIP alone',
      resource: 'pods',
      obj: { status: { podIP: '10.1.1.1' } },
      s: 'status.podIP=10.1.1.1',
      match: true,
    },
    {
      name: 'hostNetwork true',
      resource: 'pods',
      obj: { spec: { hostNetwork: true } },
      s: 'spec.hostNetwork=true',
      match: true,
    },
    {
      name: 'unschedulable node',
      resource: 'nodes',
      obj: { metadata: { name: 'n' }, spec: { unschedulable: true } },
      s: 'spec.unschedulable=true',
      match: true,
    },
    {
      name: 'schedulable node',
      resource: 'nodes',
      obj: { metadata: { name: 'n' } },
      s: 'spec.unschedulable=false',
      match: true,
    },
    {
      name: 'namespace phase',
      resource: 'namespaces',
      obj: { metadata: { name: 'dev' }, status: { phase: 'Terminating' } },
      s: 'status.phase=Terminating',
      match: true,
    },
    {
      name: 'secret type',
      resource: 'secrets',
      obj: { metadata: { name: 's' }, type: 'kubernetes.io/tls' },
      s: 'type=kubernetes.io/tls',
      match: true,
    },
    {
      name: 'event involvedObject',
      resource: 'events',
      obj: {
        involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1' },
        reason: 'Scheduled',
        type: 'Normal',
      },
      s: 'involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.uid=u1,type=Normal',
      match: true,
    },
    {
      name: 'event source from source.component',
      resource: 'events',
      obj: { source: { component: 'kubelet' } },
      s: 'source=kubelet',
      match: true,
    },
    {
      name: 'event source falls back to reportingComponent',
      resource: 'events',
      obj: { reportingComponent: 'default-scheduler' },
      s: 'source=default-scheduler',
      match: true,
    },
    {
      name: 'service type',
      resource: 'services',
      obj: { spec: { type: 'ClusterIP', clusterIP: '10.96.0.10' } },
      s: 'spec.clusterIP=10.96.0.10',
      match: true,
    },
    {
      name: 'job successful count',
      resource: 'jobs',
      obj: { status: { succeeded: 3 } },
      s: 'status.successful=3',
      match: true,
    },
    {
      name: 'job without status',
      resource: 'jobs',
      obj: {},
      s: 'status.successful=0',
      match: true,
    },
    {
      name: 'any kind by name',
      resource: 'deployments',
      obj: { metadata: { name: 'web', namespace: 'prod' } },
      s: 'metadata.name=web,metadata.namespace=prod',
      match: true,
    },
    { name: 'garbage object', resource: 'pods', obj: 42, s: 'metadata.name=', match: true },
  ]
  test.each(rows)('SEL-23 $name', ({ resource, obj, s, match }) => {
    expect(sel(s).matches(fieldSetFor(resource, obj))).toBe(match)
  })
})
