/**
 * The resources the simulated API server serves, as its discovery documents list them.
 * Verbs, short names and categories mirror `kubectl api-resources -o wide` on a v1.30 cluster.
 */

/** The REST verbs of discovery. */
export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch'

/** Subresources served under /<resource>/<name>/<sub>. */
export type Subresource = 'status' | 'scale' | 'binding' | 'finalize'

/** What the server knows of one resource. */
export interface ResourceInfo {
  group: string
  version: string
  /** Plural, lower case: the path segment. */
  resource: string
  singular: string
  kind: string
  namespaced: boolean
  shortNames: readonly string[]
  categories: readonly string[]
  verbs: readonly Verb[]
  subresources: readonly Subresource[]
  /** metadata.generation is kept and bumped on changes outside metadata and status. */
  tracksGeneration: boolean
}

const all: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const noCollectionDelete: readonly Verb[] = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']

/** One row of the table, with the usual defaults filled in. */
function r(
  group: string,
  version: string,
  resource: string,
  kind: string,
  more: Partial<Omit<ResourceInfo, 'group' | 'version' | 'resource' | 'kind'>> = {},
): ResourceInfo {
  return {
    group,
    version,
    resource,
    kind,
    singular: kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: all,
    subresources: [],
    tracksGeneration: false,
    ...more,
  }
}

/** Every resource the server serves, in discovery order. */
export const resources: readonly ResourceInfo[] = [
  r('', 'v1', 'bindings', 'Binding', { verbs: ['create'] }),
  r('', 'v1', 'configmaps', 'ConfigMap', { shortNames: ['cm'] }),
  r('', 'v1', 'endpoints', 'Endpoints', { shortNames: ['ep'] }),
  r('', 'v1', 'events', 'Event', { shortNames: ['ev'] }),
  r('', 'v1', 'namespaces', 'Namespace', {
    namespaced: false,
    shortNames: ['ns'],
    verbs: noCollectionDelete,
    subresources: ['finalize', 'status'],
  }),
  r('', 'v1', 'nodes', 'Node', { namespaced: false, shortNames: ['no'], subresources: ['status'] }),
  r('', 'v1', 'pods', 'Pod', { shortNames: ['po'], categories: ['all'], subresources: ['binding', 'status'] }),
  r('', 'v1', 'secrets', 'Secret'),
  r('', 'v1', 'serviceaccounts', 'ServiceAccount', { shortNames: ['sa'] }),
  r('', 'v1', 'services', 'Service', { shortNames: ['svc'], categories: ['all'], subresources: ['status'] }),
  r('apps', 'v1', 'deployments', 'Deployment', {
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['scale', 'status'],
    tracksGeneration: true,
  }),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', {
    shortNames: ['rs'],
    categories: ['all'],
    subresources: ['scale', 'status'],
    tracksGeneration: true,
  }),
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
    tracksGeneration: true,
  }),
  r('networking.k8s.io', 'v1', 'ingresses', 'Ingress', {
    shortNames: ['ing'],
    subresources: ['status'],
    tracksGeneration: true,
  }),
  // Node heartbeats: each kubelet renews the Lease named after its node in kube-node-lease.
  r('coordination.k8s.io', 'v1', 'leases', 'Lease'),
]

/** "apps/v1" or "v1". */
export function groupVersion(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version
}

/** The store key of a resource: "pods", "apps/deployments". */
export function storageKey(info: Pick<ResourceInfo, 'group' | 'resource'>): string {
  return info.group ? `${info.group}/${info.resource}` : info.resource
}

const byPath = new Map(resources.map((x) => [`${groupVersion(x)}/${x.resource}`, x]))
const byKind = new Map(resources.map((x) => [x.kind, x]))

/** Look a resource up by group, version and plural. */
export function findResource(group: string, version: string, resource: string): ResourceInfo | undefined {
  return byPath.get(`${group ? `${group}/${version}` : version}/${resource}`)
}

/** Look a resource up by kind (kinds are unique among the resources served). */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind)
}

/** The API groups served, with their versions, in discovery order (core excluded). */
export function servedGroups(): { name: string; versions: string[] }[] {
  const out: { name: string; versions: string[] }[] = []
  for (const x of resources) {
    if (!x.group) continue
    const g = out.find((o) => o.name === x.group)
    if (!g) out.push({ name: x.group, versions: [x.version] })
    else if (!g.versions.includes(x.version)) g.versions.push(x.version)
  }
  return out
}
