import type { APIResourceList } from 'kubernetes-types/meta/v1'
import { goQuote } from '../../cluster/api/goFormat'
import { parseResourceArgs, type CategoryExpander } from './resourceArgs'

/** One served resource from discovery, with its group and version filled in. */
export interface ApiResource {
  readonly group: string
  readonly version: string
  /** Plural resource name, e.g. `deployments`. */
  readonly resource: string
  readonly singularName: string
  readonly kind: string
  readonly namespaced: boolean
  readonly shortNames: readonly string[]
  readonly verbs: readonly string[]
  readonly categories: readonly string[]
}

/** Flattens /api/v1 and /apis/<group>/<version> bodies, in the order given, skipping subresources (`pods/log`). */
export function discoveryResources(lists: readonly APIResourceList[]): ApiResource[] {
  const out: ApiResource[] = []
  for (const list of lists) {
    const slash = list.groupVersion.indexOf('/')
    const group = slash < 0 ? '' : list.groupVersion.slice(0, slash)
    const version = slash < 0 ? list.groupVersion : list.groupVersion.slice(slash + 1)
    for (const r of list.resources) {
      if (r.name.includes('/')) continue
      out.push({
        group: r.group ?? group,
        version: r.version ?? version,
        resource: r.name,
        singularName: r.singularName !== '' ? r.singularName : r.kind.toLowerCase(),
        kind: r.kind,
        namespaced: r.namespaced,
        shortNames: r.shortNames ?? [],
        verbs: r.verbs,
        categories: r.categories ?? [],
      })
    }
  }
  return out
}

/** `resource` for the core group, `resource.group` otherwise, as kubectl writes a group resource. */
export function groupResourceString(r: Pick<ApiResource, 'resource' | 'group'>): string {
  return r.group === '' ? r.resource : `${r.resource}.${r.group}`
}

/** A category expander over discovery: each group resource once, in discovery order. */
// Mirrors staging/src/k8s.io/client-go/restmapper/category_expansion.go NewDiscoveryCategoryExpander
export function categoryExpander(resources: readonly ApiResource[]): CategoryExpander {
  return (name) => {
    const seen: string[] = []
    for (const r of resources) {
      const gr = groupResourceString(r)
      if (r.categories.includes(name) && !seen.includes(gr)) seen.push(gr)
    }
    return seen.length > 0 ? seen : undefined
  }
}

/** A type argument resolved to a served resource, or kubectl's error text. */
export type ResolveResult = { ok: true; resource: ApiResource } | { ok: false; error: string }

/** Resolves a type argument (short name, plural, singular, Kind, `resource.group`, `resource.version.group`). */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/resource/builder.go mappingFor
export function resolveResourceType(arg: string, resources: readonly ApiResource[]): ResolveResult {
  const dot = arg.indexOf('.')
  const groupResource =
    dot < 0
      ? { resource: arg, group: '' }
      : { resource: arg.slice(0, dot), group: arg.slice(dot + 1) }
  const parts = arg.split('.')
  if (parts.length >= 3) {
    const [resource = '', version = ''] = parts
    const group = parts.slice(2).join('.')
    const found = findByResource(resources, resource, group, version)
    if (found !== undefined) return { ok: true, resource: found }
  }
  const found = findByResource(resources, groupResource.resource, groupResource.group, '')
  if (found !== undefined) return { ok: true, resource: found }
  // Fall back to a Kind: `Deployment.v1.apps`, then `Deployment.apps`.
  if (parts.length >= 3) {
    const [kind = '', version = ''] = parts
    const group = parts.slice(2).join('.')
    const byKind = resources.find(
      (r) => r.kind === kind && r.group === group && r.version === version,
    )
    if (byKind !== undefined) return { ok: true, resource: byKind }
  }
  const byKind = resources.find(
    (r) => r.kind === groupResource.resource && r.group === groupResource.group,
  )
  if (byKind !== undefined) return { ok: true, resource: byKind }
  return {
    ok: false,
    error: `the server doesn't have a resource type ${goQuote(groupResource.resource)}`,
  }
}

/** Shortcut expansion then plural/singular match, case-insensitively, first match in discovery order wins. */
// Mirrors staging/src/k8s.io/client-go/restmapper/shortcut.go expandResourceShortcut and DefaultRESTMapper.ResourcesFor
function findByResource(
  resources: readonly ApiResource[],
  name: string,
  group: string,
  version: string,
): ApiResource | undefined {
  const lower = name.toLowerCase()
  const inGroup = (r: ApiResource, prefix: boolean): boolean =>
    group === '' || r.group === group || (prefix && r.group.startsWith(group))
  const inVersion = (r: ApiResource): boolean => version === '' || r.version === version
  for (const prefix of [false, true]) {
    const candidates = resources.filter((r) => inGroup(r, prefix) && inVersion(r))
    const exact = candidates.find((r) => r.resource === lower || r.singularName === lower)
    if (exact !== undefined) return exact
    const short = candidates.find((r) => r.shortNames.includes(lower))
    if (short !== undefined) return short
    if (group === '') break
  }
  return undefined
}

/** What one resource argument group selects: a resource and the names given for it (none means "all"). */
export interface ResourceSelection {
  readonly resource: ApiResource
  readonly names: readonly string[]
}

/** Parses and resolves a command's resource arguments against discovery, with resource.Builder's errors. */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/resource/builder.go resourceMappings / resourceTupleMappings / visitByName
export function resolveResourceArgs(
  args: readonly string[],
  resources: readonly ApiResource[],
): { ok: true; selections: ResourceSelection[] } | { ok: false; error: string } {
  const parsed = parseResourceArgs(args, categoryExpander(resources))
  if (!parsed.ok) return parsed
  const { types, names, tuples } = parsed.value
  if (tuples.length > 0) {
    const selections: ResourceSelection[] = []
    for (const t of tuples) {
      const r = resolveResourceType(t.resource, resources)
      if (!r.ok) return r
      selections.push({ resource: r.resource, names: [t.name] })
    }
    return { ok: true, selections }
  }
  if (names.length > 0 && types.length > 1) {
    return { ok: false, error: 'you must specify only one resource' }
  }
  const selections: ResourceSelection[] = []
  for (const type of types) {
    const r = resolveResourceType(type, resources)
    if (!r.ok) return r
    // `get po,pods` lists pods once: mappings are de-duplicated by GroupVersionKind.
    const dup = selections.some(
      (s) =>
        s.resource.group === r.resource.group &&
        s.resource.version === r.resource.version &&
        s.resource.kind === r.resource.kind,
    )
    if (!dup) selections.push({ resource: r.resource, names })
  }
  return { ok: true, selections }
}
