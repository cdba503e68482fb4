/**
 * A small typed client over the API server's handle(), for the cluster's own components
 * (controllers, scheduler, kubelets): paths from kinds, results as values, never exceptions.
 */
import type { KubeObject, Status, StoredObject } from '../../api/types'
import type { ApiServer } from '../../apiserver/apiserver'
import type { ApiResponse } from '../../apiserver/request'
import { groupVersion, resourceForKind } from '../../apiserver/resources'

/** A request's outcome: the object, or the failure Status. */
export type Result<T = StoredObject> = { ok: true; object: T } | { ok: false; status: Status }

/** The REST path of a kind's collection or one object (and subresource). */
export function pathFor(kind: string, namespace: string | undefined, name?: string, subresource?: string): string {
  const info = resourceForKind(kind)
  if (!info) return `/unknown/${kind}`
  const base = `/${info.group ? 'apis' : 'api'}/${groupVersion(info)}`
  const ns = info.namespaced && namespace ? `/namespaces/${namespace}` : ''
  return `${base}${ns}/${info.resource}${name ? `/${name}` : ''}${name && subresource ? `/${subresource}` : ''}`
}

/** The typed client. */
export interface Client {
  get<T = StoredObject>(kind: string, namespace: string | undefined, name: string): Result<T>
  create<T = StoredObject>(kind: string, namespace: string | undefined, body: KubeObject): Result<T>
  /** PUT of the main resource, or of a subresource such as "status". */
  update<T = StoredObject>(kind: string, body: KubeObject, subresource?: string): Result<T>
  /** PATCH with a strategic merge (default), merge or JSON patch. */
  patch<T = StoredObject>(kind: string, namespace: string | undefined, name: string, body: unknown, type?: 'strategic' | 'merge' | 'json', subresource?: string): Result<T>
  delete(kind: string, namespace: string | undefined, name: string, options?: Record<string, unknown>): Result<KubeObject>
  /** The raw response of any request (e.g. POST …/binding). */
  raw(method: string, path: string, body?: unknown): ApiResponse
}

const patchTypes = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
} as const

function result<T>(res: ApiResponse): Result<T> {
  return res.status < 300 ? { ok: true, object: res.body as T } : { ok: false, status: res.body as Status }
}

/** Create a client over an API server. */
export function createClient(api: Pick<ApiServer, 'handle'>): Client {
  return {
    get: (kind, ns, name) => result(api.handle({ method: 'GET', path: pathFor(kind, ns, name) })),
    create: (kind, ns, body) => result(api.handle({ method: 'POST', path: pathFor(kind, ns), body })),
    update: (kind, body, sub) => result(api.handle({ method: 'PUT', path: pathFor(kind, body.metadata?.namespace, body.metadata?.name ?? '', sub), body })),
    patch: (kind, ns, name, body, type = 'strategic', sub) =>
      result(api.handle({ method: 'PATCH', path: pathFor(kind, ns, name, sub), headers: { 'Content-Type': patchTypes[type] }, body })),
    delete: (kind, ns, name, options = {}) => {
      const query: Record<string, string> = {}
      for (const [k, v] of Object.entries(options)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') query[k] = String(v)
      const body = Object.values(options).some((v) => typeof v === 'object') ? { apiVersion: 'v1', kind: 'DeleteOptions', ...options } : undefined
      return result(api.handle({ method: 'DELETE', path: pathFor(kind, ns, name), query, body }))
    },
    raw: (method, path, body) => api.handle({ method, path, body }),
  }
}
