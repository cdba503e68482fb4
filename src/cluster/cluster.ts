/**
 * createCluster: the one public entry to the simulated Kubernetes. Everything else is reached
 * through what it returns: the API server's handle() and watch(), the virtual clock, and the
 * few operations on machines that happen outside the Kubernetes API (SPEC CLUSTER-*).
 */
import type { Taint } from 'kubernetes-types/core/v1'
import { createClock } from './clock'
import { createRandom } from './random'
import { createStore } from './store/store'
import { createApiServer, type RequestObserver } from './apiserver/apiserver'
import { createServiceAllocators } from './apiserver/allocators'
import type { ServerContext } from './apiserver/context'
import { createWatchHub } from './apiserver/watchHub'
import { createAggregator } from './apiserver/aggregation'
import type { ApiRequest, ApiResponse } from './apiserver/request'
import type { WatchHandler } from './apiserver/watch'
import { startControlPlane } from './controlPlane'
import type { SchedulerOptions } from './scheduler'
import { createNodeFleet, type NodeFleet, type NodeOpResult } from './nodeFleet'

/** A node of the cluster as options describe it. */
export interface NodeSpec {
  name: string
  /** Allocatable CPU as a quantity, e.g. "4" or "3500m". */
  cpu: string
  /** Allocatable memory as a quantity, e.g. "8Gi". */
  memory: string
  /** The most pods the node runs (kubelet --max-pods; default 110). */
  pods?: number
  labels?: Record<string, string>
  taints?: Taint[]
}

/** A group of identical nodes, as cloud node pools describe them. */
export interface NodePool {
  name: string
  count: number
  cpu: string
  memory: string
  pods?: number
  labels?: Record<string, string>
  taints?: Taint[]
}

/** Options of createCluster. */
export interface ClusterOptions {
  /** All randomness (names, UIDs, IPs) derives from it. */
  seed: number
  nodes?: NodeSpec[]
  /** Pools of nodes named <pool>-<i>, labelled kubeplay.dev/nodepool=<pool>. */
  nodePools?: NodePool[]
  /** Virtual time at start (RFC 3339); default 2026-01-01T00:00:00Z. */
  startTime?: string
  /** How many changes the store keeps for watches from an old resourceVersion (default 20,000). */
  historyLimit?: number
  /** The scheduler's profile: scoring strategy and percentageOfNodesToScore. */
  scheduler?: SchedulerOptions
  /** Told of every request and its response. */
  onRequest?: RequestObserver
}

/** A running simulated cluster. */
export interface Cluster {
  /** Serve one API request; never throws. */
  handle(req: ApiRequest): ApiResponse
  /** Start a watch; events arrive synchronously, in resourceVersion order; returns stop(). */
  watch(req: ApiRequest, handler: WatchHandler): () => void
  /** Run `ms` of virtual time: all work that falls due, in a fixed order. */
  advance(ms: number): void
  /** Virtual time in ms since the epoch. */
  now(): number
  /** Add a machine: its kubelet registers a Node. */
  addNode(node: NodeSpec): NodeOpResult
  /** Add a pool of machines. */
  addNodePool(pool: NodePool): NodeOpResult
  /** Remove a machine: its kubelet stops and its Node is deleted. */
  removeNode(name: string): NodeOpResult
  /** The machine dies: its kubelet stops heartbeating and running pods. */
  failNode(name: string): NodeOpResult
  /** The machine comes back. */
  restoreNode(name: string): NodeOpResult
  /** The machines and whether each is up, in the order they were added. */
  machines(): { name: string; up: boolean; pool?: string }[]
  /** Log lines of a container, as its kubelet keeps them (the pods/log subresource comes later). */
  containerLogs(namespace: string, pod: string, container: string, previous?: boolean): string[]
  /** Errors that queued work threw (a bug indicator; always empty in a healthy cluster). */
  errors(): readonly string[]
}

export type { NodeOpResult }

const defaultStart = '2026-01-01T00:00:00Z'

/** Create a cluster with its system namespaces, the `kubernetes` Service, its components and machines. */
export function createCluster(options: ClusterOptions): Cluster {
  const startMs = Date.parse(options.startTime ?? defaultStart)
  if (!Number.isFinite(startMs)) throw new Error(`startTime: not an RFC 3339 time: ${options.startTime ?? ''}`)
  const errors: string[] = []
  const clock = createClock(startMs, (label, e) => errors.push(`${label}: ${e instanceof Error ? e.message : String(e)}`))
  const random = createRandom(options.seed)
  const store = createStore({
    historyLimit: options.historyLimit,
    onListenerError: (e) => errors.push(`watch: ${e instanceof Error ? e.message : String(e)}`),
  })
  const ctx: ServerContext = {
    store,
    clock,
    random: random.fork('apiserver'),
    allocators: createServiceAllocators(random.fork('allocators')),
    watchers: createWatchHub(store),
    aggregator: createAggregator(),
  }
  const api = createApiServer(ctx, options.onRequest)
  const must = (req: ApiRequest): void => {
    const res = api.handle(req)
    if (res.status >= 300) throw new Error(`cluster bootstrap: ${req.method} ${req.path}: ${JSON.stringify(res.body)}`)
  }
  const controlPlane = startControlPlane(api, clock, random.fork('components'), (e) => errors.push(e), options.scheduler)
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    must({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } } })
  }
  // The `kubernetes` Service and its Endpoints point at the API server, as the apiserver's own controller maintains them.
  must({
    method: 'POST',
    path: '/api/v1/namespaces/default/services',
    body: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
    },
  })
  must({
    method: 'POST',
    path: '/api/v1/namespaces/default/endpoints',
    body: {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
  })
  const fleet: NodeFleet = createNodeFleet(controlPlane)
  for (const n of options.nodes ?? []) {
    const r = fleet.add(n)
    if (!r.ok) throw new Error(`nodes: ${r.message}`)
  }
  for (const p of options.nodePools ?? []) {
    const r = fleet.addPool(p)
    if (!r.ok) throw new Error(`nodePools: ${r.message}`)
  }
  // Let the components settle the bootstrap objects (ServiceAccounts, root CA ConfigMaps, the
  // nodes' registration) before anyone else uses the cluster; the clock stays at startTime.
  clock.advance(0)

  return {
    handle: (req) => api.handle(req),
    watch: (req, handler) => api.watch(req, handler),
    advance: (ms) => clock.advance(ms),
    now: () => clock.now(),
    addNode: (n) => fleet.add(n),
    addNodePool: (p) => fleet.addPool(p),
    removeNode: (name) => fleet.remove(name),
    failNode: (name) => fleet.fail(name),
    restoreNode: (name) => fleet.restore(name),
    machines: () => fleet.list(),
    containerLogs: (ns, pod, container, previous) => fleet.logs(ns, pod, container, previous),
    errors: () => errors,
  }
}
