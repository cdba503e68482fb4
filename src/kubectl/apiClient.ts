/** The small REST client kubectl commands share: paths, discovery and kubectl's words for API errors. */
import type { APIGroupList, APIResourceList } from 'kubernetes-types/meta/v1'
import { discoveryResources, type ApiResource } from './parser/index'
import type { KubectlContext } from './command'

/** The collection path of a resource: `/api/v1/namespaces/<ns>/pods`, `/apis/apps/v1/deployments`, … */
export function resourcePath(r: ApiResource, namespace: string | undefined, name?: string): string {
  const base = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`
  const ns = r.namespaced && namespace !== undefined ? `/namespaces/${namespace}` : ''
  return `${base}${ns}/${r.resource}${name === undefined ? '' : `/${name}`}`
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Reads discovery as client-go's memcache does: /api's versions, then each /apis group with its
 * preferred version first, so resolving a name picks core and preferred versions first.
 */
export function discover(ctx: KubectlContext): ApiResource[] {
  const lists: APIResourceList[] = []
  const get = (path: string): unknown => {
    const res = ctx.handle({ method: 'GET', path })
    return res.status === 200 ? res.body : undefined
  }
  const core = get('/api')
  const coreVersions = isObject(core) && Array.isArray(core.versions) ? core.versions : []
  for (const v of coreVersions) {
    const list = get(`/api/${String(v)}`)
    if (isObject(list)) lists.push(list as unknown as APIResourceList)
  }
  const groups = get('/apis')
  const groupList = isObject(groups) ? (groups as unknown as APIGroupList) : { groups: [] }
  for (const g of groupList.groups) {
    const preferred = g.preferredVersion?.groupVersion
    const ordered = [...g.versions].sort(
      (a, b) => Number(b.groupVersion === preferred) - Number(a.groupVersion === preferred),
    )
    for (const v of ordered) {
      const list = get(`/apis/${v.groupVersion}`)
      if (isObject(list)) lists.push(list as unknown as APIResourceList)
    }
  }
  return discoveryResources(lists)
}

/**
 * kubectl's line for a failed request: `Error from server (NotFound): pods "x" not found`.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage.
 */
export function serverErrorText(body: unknown): string {
  const status = isObject(body) ? body : {}
  const message = typeof status.message === 'string' ? status.message : 'an error on the server'
  const reason = typeof status.reason === 'string' ? status.reason : ''
  return reason === ''
    ? `Error from server: ${message}`
    : `Error from server (${reason}): ${message}`
}
