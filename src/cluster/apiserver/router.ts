/**
 * Parses request paths the way kube-apiserver's handler chain does (the RequestInfo
 * factory): /api/v1/namespaces/{ns}/{resource}/{name}/{subresource} and /apis/{group}/{version}/...
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go
 */

/** What a path names. */
export type Route =
  | { type: 'version' }
  | { type: 'legacyVersions' } // /api
  | { type: 'groups' } // /apis
  | { type: 'group'; group: string } // /apis/apps
  | { type: 'resourceList'; group: string; version: string } // /api/v1, /apis/apps/v1
  | {
      type: 'resource'
      group: string
      version: string
      namespace: string | undefined
      resource: string
      name: string | undefined
      subresource: string | undefined
    }
  | { type: 'notFound' }

/** Parse a request path (query string ignored; use ApiRequest.query). */
export function parsePath(rawPath: unknown): Route {
  if (typeof rawPath !== 'string') return { type: 'notFound' }
  const path = rawPath.split('?')[0] ?? ''
  const parts = path.split('/').filter((p) => p !== '')
  if (parts.length === 1 && parts[0] === 'version') return { type: 'version' }
  if (parts.some((p) => p === '.' || p === '..')) return { type: 'notFound' }
  let group: string
  let version: string
  let rest: string[]
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'legacyVersions' }
    group = ''
    version = parts[1] ?? ''
    rest = parts.slice(2)
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groups' }
    if (parts.length === 2) return { type: 'group', group: parts[1] ?? '' }
    group = parts[1] ?? ''
    version = parts[2] ?? ''
    rest = parts.slice(3)
  } else {
    return { type: 'notFound' }
  }
  if (rest.length === 0) return { type: 'resourceList', group, version }
  let namespace: string | undefined
  // "namespaces/{ns}/{resource}..." is a namespaced request; "namespaces" or
  // "namespaces/{name}[/{sub}]" addresses the Namespace objects themselves.
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest[2] !== 'status' && rest[2] !== 'finalize') {
    namespace = rest[1]
    rest = rest.slice(2)
  }
  const [resource, name, subresource, ...extra] = rest
  if (resource === undefined || extra.length > 0) return { type: 'notFound' }
  return { type: 'resource', group, version, namespace, resource, name, subresource }
}
