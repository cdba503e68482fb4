import { describe, expect, test } from 'vitest'
import { parsePath } from './router'

describe('request paths (API-2, API-4)', () => {
  test.each([
    { path: '/version', want: { type: 'version' } },
    { path: '/api', want: { type: 'legacyVersions' } },
    { path: '/apis', want: { type: 'groups' } },
    { path: '/apis/apps', want: { type: 'group', group: 'apps' } },
    { path: '/api/v1', want: { type: 'resourceList', group: '', version: 'v1' } },
    { path: '/apis/apps/v1/', want: { type: 'resourceList', group: 'apps', version: 'v1' } },
    { path: '/api/v1/pods', want: { type: 'resource', group: '', version: 'v1', namespace: undefined, resource: 'pods', name: undefined, subresource: undefined } },
    { path: '/api/v1/namespaces/default/pods/web/status', want: { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'web', subresource: 'status' } },
    { path: '/apis/apps/v1/namespaces/team/deployments/web/scale', want: { type: 'resource', group: 'apps', version: 'v1', namespace: 'team', resource: 'deployments', name: 'web', subresource: 'scale' } },
    { path: '/api/v1/namespaces/default', want: { type: 'resource', group: '', version: 'v1', namespace: undefined, resource: 'namespaces', name: 'default', subresource: undefined } },
    { path: '/api/v1/namespaces/dev/status', want: { type: 'resource', group: '', version: 'v1', namespace: undefined, resource: 'namespaces', name: 'dev', subresource: 'status' } },
    { path: '/api/v1/namespaces/dev/finalize', want: { type: 'resource', group: '', version: 'v1', namespace: undefined, resource: 'namespaces', name: 'dev', subresource: 'finalize' } },
    { path: '/api/v1/namespaces/default/pods?watch=1', want: { type: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', name: undefined, subresource: undefined } },
  ])('$path', ({ path, want }) => {
    expect(parsePath(path)).toEqual(want)
  })

  test.each(['', '/', '/healthz', '/api/v1/namespaces/default/pods/a/b/c', '/api/v1/../v1/pods', 42, null, undefined])('%s is not found', (path) => {
    expect(parsePath(path)).toEqual({ type: 'notFound' })
  })
})
