import type { APIResource, APIResourceList } from 'kubernetes-types/meta/v1'
import { describe, expect, test } from 'vitest'
import {
  categoryExpander,
  discoveryResources,
  groupResourceString,
  resolveResourceArgs,
  resolveResourceType,
} from './discovery'

const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']

function res(
  name: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
): APIResource {
  return { name, singularName: kind.toLowerCase(), kind, namespaced, verbs, shortNames, categories }
}

/** A trimmed copy of what /api/v1 and /apis/<group>/<version> serve, in discovery order. */
const lists: APIResourceList[] = [
  {
    groupVersion: 'v1',
    resources: [
      res('pods', 'Pod', true, ['po'], ['all']),
      { name: 'pods/log', singularName: '', kind: 'Pod', namespaced: true, verbs: ['get'] },
      res('services', 'Service', true, ['svc'], ['all']),
      res('namespaces', 'Namespace', false, ['ns']),
      res('nodes', 'Node', false, ['no']),
      res('events', 'Event', true, ['ev']),
      res('configmaps', 'ConfigMap', true, ['cm']),
      res('endpoints', 'Endpoints', true, ['ep']),
    ],
  },
  {
    groupVersion: 'apps/v1',
    resources: [
      res('deployments', 'Deployment', true, ['deploy'], ['all']),
      res('replicasets', 'ReplicaSet', true, ['rs'], ['all']),
    ],
  },
  {
    groupVersion: 'autoscaling/v2',
    resources: [res('horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ['all'])],
  },
  {
    groupVersion: 'autoscaling/v1',
    resources: [res('horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ['all'])],
  },
  { groupVersion: 'events.k8s.io/v1', resources: [res('events', 'Event', true, ['ev'])] },
  { groupVersion: 'networking.k8s.io/v1', resources: [res('ingresses', 'Ingress', true, ['ing'])] },
]
const resources = discoveryResources(lists)
const id = (r: { group: string; version: string; resource: string }): string =>
  `${r.group}/${r.version}/${r.resource}`

describe('discoveryResources', () => {
  test('PARSE-9 flattens lists, fills group and version, skips subresources', () => {
    expect(resources.map(id)).toEqual([
      '/v1/pods',
      '/v1/services',
      '/v1/namespaces',
      '/v1/nodes',
      '/v1/events',
      '/v1/configmaps',
      '/v1/endpoints',
      'apps/v1/deployments',
      'apps/v1/replicasets',
      'autoscaling/v2/horizontalpodautoscalers',
      'autoscaling/v1/horizontalpodautoscalers',
      'events.k8s.io/v1/events',
      'networking.k8s.io/v1/ingresses',
    ])
    expect(groupResourceString(resources[7] ?? resources[0]!)).toBe('deployments.apps')
  })
})

describe('resolveResourceType', () => {
  test.each([
    { name: 'plural', arg: 'pods', want: '/v1/pods' },
    { name: 'singular', arg: 'pod', want: '/v1/pods' },
    { name: 'short name', arg: 'po', want: '/v1/pods' },
    { name: 'Kind', arg: 'Pod', want: '/v1/pods' },
    { name: 'upper-case plural', arg: 'PODS', want: '/v1/pods' },
    { name: 'deploy', arg: 'deploy', want: 'apps/v1/deployments' },
    { name: 'rs', arg: 'rs', want: 'apps/v1/replicasets' },
    {
      name: 'hpa takes the first (preferred) version',
      arg: 'hpa',
      want: 'autoscaling/v2/horizontalpodautoscalers',
    },
    {
      name: 'resource.version.group',
      arg: 'horizontalpodautoscalers.v1.autoscaling',
      want: 'autoscaling/v1/horizontalpodautoscalers',
    },
    { name: 'resource.group', arg: 'deployments.apps', want: 'apps/v1/deployments' },
    { name: 'short.group', arg: 'deploy.apps', want: 'apps/v1/deployments' },
    { name: 'Kind.group', arg: 'Deployment.apps', want: 'apps/v1/deployments' },
    { name: 'Kind.version.group', arg: 'Deployment.v1.apps', want: 'apps/v1/deployments' },
    { name: 'group prefix', arg: 'hpa.autoscal', want: 'autoscaling/v2/horizontalpodautoscalers' },
    { name: 'core events win over events.k8s.io', arg: 'ev', want: '/v1/events' },
    { name: 'events.events.k8s.io', arg: 'events.events.k8s.io', want: 'events.k8s.io/v1/events' },
    { name: 'ing', arg: 'ing', want: 'networking.k8s.io/v1/ingresses' },
    { name: 'cluster-scoped ns', arg: 'ns', want: '/v1/namespaces' },
  ])('PARSE-10 $name', ({ arg, want }) => {
    const r = resolveResourceType(arg, resources)
    if (!r.ok) throw new Error(r.error)
    expect(id(r.resource)).toBe(want)
  })

  test.each([
    { name: 'unknown', arg: 'x', error: 'the server doesn\'t have a resource type "x"' },
    { name: 'empty', arg: '', error: 'the server doesn\'t have a resource type ""' },
    {
      name: 'unknown group reports the resource part',
      arg: 'pods.nope',
      error: 'the server doesn\'t have a resource type "pods"',
    },
    {
      name: 'wrong version',
      arg: 'deployments.v2.apps',
      error: 'the server doesn\'t have a resource type "deployments"',
    },
    {
      name: 'subresource is not a type',
      arg: 'log',
      error: 'the server doesn\'t have a resource type "log"',
    },
  ])('PARSE-11 $name', ({ arg, error }) => {
    expect(resolveResourceType(arg, resources)).toEqual({ ok: false, error })
  })
})

describe('categoryExpander', () => {
  test('PARSE-12 all lists each group resource once, in discovery order', () => {
    expect(categoryExpander(resources)('all')).toEqual([
      'pods',
      'services',
      'deployments.apps',
      'replicasets.apps',
      'horizontalpodautoscalers.autoscaling',
    ])
    expect(categoryExpander(resources)('nope')).toBeUndefined()
  })
})

describe('resolveResourceArgs', () => {
  const sel = (args: string[]) => {
    const r = resolveResourceArgs(args, resources)
    if (!r.ok) return r.error
    return r.selections.map((s) => `${s.resource.resource}:${s.names.join('+')}`)
  }
  test.each([
    { name: 'get pods', args: ['pods'], want: ['pods:'] },
    { name: 'get po,svc', args: ['po,svc'], want: ['pods:', 'services:'] },
    { name: 'get po,pods lists once', args: ['po,pods,pod'], want: ['pods:'] },
    { name: 'get deploy/web', args: ['deploy/web'], want: ['deployments:web'] },
    {
      name: 'get deployment web api',
      args: ['deployment', 'web', 'api'],
      want: ['deployments:web+api'],
    },
    {
      name: 'get pods/web svc/db',
      args: ['pods/web', 'svc/db'],
      want: ['pods:web', 'services:db'],
    },
    { name: 'get po,svc web', args: ['po,svc', 'web'], want: ['pods:web', 'services:web'] },
    {
      name: 'get all',
      args: ['all'],
      want: ['pods:', 'services:', 'deployments:', 'replicasets:', 'horizontalpodautoscalers:'],
    },
    {
      name: 'get all,cm',
      args: ['all,cm'],
      want: [
        'pods:',
        'services:',
        'deployments:',
        'replicasets:',
        'horizontalpodautoscalers:',
        'configmaps:',
      ],
    },
    { name: 'no args', args: [], want: [] },
    { name: 'unknown type', args: ['po,x'], want: 'the server doesn\'t have a resource type "x"' },
    {
      name: 'unknown type in tuple',
      args: ['x/web'],
      want: 'the server doesn\'t have a resource type "x"',
    },
    { name: 'all with a name', args: ['all', 'web'], want: 'you must specify only one resource' },
    {
      name: 'mixed forms',
      args: ['deploy', 'deploy/web'],
      want: "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    },
  ])('PARSE-13 $name', ({ args, want }) => {
    expect(sel(args)).toEqual(want)
  })
})
