import { describe, expect, test } from 'vitest'
import { testClient } from '../testing/testClient'
import { testServer } from '../testing/testServer'

type ResourceList = { kind: string; groupVersion: string; resources: { name: string; kind: string; verbs: string[]; shortNames?: string[]; categories?: string[]; namespaced: boolean }[] }

describe('discovery (API-2, API-3)', () => {
  test('/version', () => {
    const body = testClient().get('/version').body as { major: string; minor: string; gitVersion: string }
    expect(body).toMatchObject({ major: '1', minor: '30', gitVersion: 'v1.30.0+kubeplay' })
  })

  test('/api lists v1; /apis lists the groups with preferred versions', () => {
    const c = testClient()
    expect((c.get('/api').body as { versions: string[] }).versions).toEqual(['v1'])
    const groups = (c.get('/apis').body as { groups: { name: string; preferredVersion: { groupVersion: string } }[] }).groups
    expect(groups.map((g) => [g.name, g.preferredVersion.groupVersion])).toEqual([
      ['apps', 'apps/v1'],
      ['autoscaling', 'autoscaling/v2'],
      ['networking.k8s.io', 'networking.k8s.io/v1'],
      ['coordination.k8s.io', 'coordination.k8s.io/v1'],
      // The scheduler's decisions, served by aggregation (API-27).
      ['scheduling.kubeplay.dev', 'scheduling.kubeplay.dev/v1alpha1'],
    ])
    expect((c.get('/apis/apps').body as { kind: string }).kind).toBe('APIGroup')
    expect(c.get('/apis/batch').status).toBe(404)
  })

  test.each([
    { path: '/api/v1', name: 'pods', kind: 'Pod', short: ['po'], categories: ['all'], namespaced: true },
    { path: '/api/v1', name: 'nodes', kind: 'Node', short: ['no'], categories: undefined, namespaced: false },
    { path: '/api/v1', name: 'pods/binding', kind: 'Binding', short: undefined, categories: undefined, namespaced: true },
    { path: '/apis/apps/v1', name: 'deployments', kind: 'Deployment', short: ['deploy'], categories: ['all'], namespaced: true },
    { path: '/apis/apps/v1', name: 'deployments/scale', kind: 'Scale', short: undefined, categories: undefined, namespaced: true },
    { path: '/apis/autoscaling/v2', name: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', short: ['hpa'], categories: ['all'], namespaced: true },
    { path: '/apis/networking.k8s.io/v1', name: 'ingresses', kind: 'Ingress', short: ['ing'], categories: undefined, namespaced: true },
    { path: '/apis/coordination.k8s.io/v1', name: 'leases', kind: 'Lease', short: undefined, categories: undefined, namespaced: true },
  ])('$path lists $name', ({ path, name, kind, short, categories, namespaced }) => {
    const list = testClient().get(path).body as ResourceList
    expect(list.kind).toBe('APIResourceList')
    const r = list.resources.find((x) => x.name === name)
    expect(r).toBeDefined()
    expect(r?.kind).toBe(kind)
    expect(r?.shortNames).toEqual(short)
    expect(r?.categories).toEqual(categories)
    expect(r?.namespaced).toBe(namespaced)
  })

  test('every listed verb is served, every unlisted one refused (API-3)', () => {
    const c = testClient()
    const nsList = (c.get('/api/v1').body as ResourceList).resources.find((r) => r.name === 'namespaces')
    expect(nsList?.verbs).not.toContain('deletecollection')
    expect(c.del('/api/v1/namespaces').status).toBe(405)
    expect(c.get('/api/v1/namespaces/default/bindings').status).toBe(405)
  })
})

describe('aggregated APIs (API-27)', () => {
  test('a component serves a group/version through the API server and discovery lists it', () => {
    const { server } = testServer()
    const get = (path: string) => server.handle({ method: 'GET', path })
    const api = {
      group: 'example.kubeplay.dev',
      version: 'v1',
      resources: [{ name: 'widgets', singularName: 'widget', namespaced: true, kind: 'Widget', verbs: ['get', 'list'] }],
      handle: (req: { path: string }) => ({ status: 200, body: { kind: 'WidgetList', path: req.path } }),
    }
    const remove = server.aggregate(api)
    expect((get('/apis').body as { groups: { name: string }[] }).groups.map((g) => g.name)).toContain('example.kubeplay.dev')
    expect((get('/apis/example.kubeplay.dev/v1').body as ResourceList).resources.map((r) => r.name)).toEqual(['widgets'])
    expect(get('/apis/example.kubeplay.dev/v1/namespaces/default/widgets').body).toEqual({ kind: 'WidgetList', path: '/apis/example.kubeplay.dev/v1/namespaces/default/widgets' })
    remove()
    expect(get('/apis/example.kubeplay.dev/v1/namespaces/default/widgets').status).toBe(404)
  })
})
