/**
 * The discovery documents: /version, /api, /apis, /apis/{group}, /api/v1 and
 * /apis/{group}/{version}, in the shapes kube-apiserver serves (what kubectl reads for
 * api-resources, short names and categories).
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/discovery/
 */
import type { ApiResponse } from './request'
import { resources, groupVersion, servedGroups, type ResourceInfo } from './resources'
import type { AggregatedApi } from './aggregation'

/** The Kubernetes version this simulation models (its API shapes are kubernetes-types 1.30). */
export const serverVersion = {
  major: '1',
  minor: '30',
  gitVersion: 'v1.30.0+kubeplay',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.22.2',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const

const subresourceVerbs: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  binding: ['create'],
  finalize: ['update'],
}

function resourceEntries(list: readonly ResourceInfo[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const r of list) {
    const entry: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: [...r.verbs] }
    if (r.shortNames.length) entry.shortNames = [...r.shortNames]
    if (r.categories.length) entry.categories = [...r.categories]
    out.push(entry)
    for (const sub of r.subresources) {
      const e: Record<string, unknown> = { name: `${r.resource}/${sub}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: subresourceVerbs[sub] ?? [] }
      if (sub === 'scale') Object.assign(e, { group: 'autoscaling', version: 'v1', kind: 'Scale' })
      if (sub === 'binding') e.kind = 'Binding'
      out.push(e)
    }
  }
  return out
}

function groupEntry(name: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }))
  return { name, versions: vs, preferredVersion: vs[0] }
}

/** GET /version */
export const versionInfo = (): ApiResponse => ({ status: 200, body: { ...serverVersion } })

/** GET /api */
export const legacyVersions = (): ApiResponse => ({
  status: 200,
  body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }] },
})

/** Built-in groups, then aggregated ones, each with its versions. */
function allGroups(aggregated: readonly AggregatedApi[]): { name: string; versions: string[] }[] {
  const out = servedGroups()
  for (const a of aggregated) {
    const g = out.find((x) => x.name === a.group)
    if (!g) out.push({ name: a.group, versions: [a.version] })
    else if (!g.versions.includes(a.version)) g.versions.push(a.version)
  }
  return out
}

/** GET /apis */
export const groupList = (aggregated: readonly AggregatedApi[] = []): ApiResponse => ({
  status: 200,
  body: {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: allGroups(aggregated).map((g) => groupEntry(g.name, g.versions)),
  },
})

/** GET /apis/{group}, or undefined if the group is not served. */
export function group(
  name: string,
  aggregated: readonly AggregatedApi[] = [],
): ApiResponse | undefined {
  const g = allGroups(aggregated).find((x) => x.name === name)
  if (!g) return undefined
  return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.name, g.versions) } }
}

/** GET /api/v1 or /apis/{group}/{version}, or undefined if not served. */
export function resourceList(groupName: string, version: string): ApiResponse | undefined {
  const list = resources.filter((r) => r.group === groupName && r.version === version)
  if (!list.length) return undefined
  const gv = groupVersion({ group: groupName, version })
  const body: Record<string, unknown> = groupName
    ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: resourceEntries(list) }
    : { kind: 'APIResourceList', groupVersion: gv, resources: resourceEntries(list) }
  return { status: 200, body }
}

/** GET /apis/{group}/{version} of an aggregated API. */
export function aggregatedResourceList(api: AggregatedApi): ApiResponse {
  return {
    status: 200,
    body: {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${api.group}/${api.version}`,
      resources: api.resources,
    },
  }
}
