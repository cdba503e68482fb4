/**
 * `npm run bench`: figures for the simulated cluster, printed, never asserted. The API
 * server alone, at Kubernetes' published scale limits (5,000 nodes, 150,000 pods): creates,
 * lists, watches, patches and deletes through handle() and watch(), as every client uses it.
 */
import { createCluster } from '../cluster/index'
import type { ApiRequest } from '../cluster/index'
import { createApiServer } from '../cluster/apiserver/apiserver'
import { createAggregator } from '../cluster/apiserver/aggregation'
import { createServiceAllocators } from '../cluster/apiserver/allocators'
import { createWatchHub } from '../cluster/apiserver/watchHub'
import { createClock, formatTime } from '../cluster/clock'
import { componentContexts } from '../cluster/controlPlane'
import { nodeObject } from '../cluster/kubelet'
import { createRandom } from '../cluster/random'
import { startScheduler } from '../cluster/scheduler'
import { createStore } from '../cluster/store/store'

const nodes = Number(process.env.BENCH_NODES ?? 5000)
const pods = Number(process.env.BENCH_PODS ?? 150_000)

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`
}

function podBody(i: number): ApiRequest['body'] {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: `app-${i % 100}`, tier: i % 2 ? 'web' : 'api' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  }
}

function apiServerBench(): void {
  console.log(`kubeplay bench: API server, ${nodes.toLocaleString('en-US')} nodes, ${pods.toLocaleString('en-US')} pods (node ${process.version})`)
  const boot = time(() =>
    createCluster({ seed: 1, historyLimit: 50_000, nodes: Array.from({ length: nodes }, (_, i) => ({ name: `node-${i}`, cpu: '32', memory: '128Gi' })) }),
  )
  const cluster = boot.value
  console.log(`  create cluster with ${nodes} nodes: ${boot.ms.toFixed(0)} ms`)

  let watched = 0
  // An informer over all pods, one by label, and one per node as every kubelet keeps.
  cluster.watch({ method: 'GET', path: '/api/v1/pods' }, () => watched++)
  cluster.watch({ method: 'GET', path: '/api/v1/pods', query: { labelSelector: 'app=app-3' } }, () => watched++)
  for (let i = 0; i < nodes; i++) cluster.watch({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=node-${i}` } }, () => watched++)

  const path = '/api/v1/namespaces/default/pods'
  const created = time(() => {
    for (let i = 0; i < pods; i++) {
      const res = cluster.handle({ method: 'POST', path, body: podBody(i) })
      if (res.status !== 201) throw new Error(`create pod-${i}: ${JSON.stringify(res.body)}`)
    }
  })
  console.log(`  POST pods (${nodes + 2} watches open): ${rate(pods, created.ms)} (${created.ms.toFixed(0)} ms)`)

  const bound = time(() => {
    for (let i = 0; i < pods; i++) {
      const res = cluster.handle({
        method: 'POST',
        path: `${path}/pod-${i}/binding`,
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: `pod-${i}` }, target: { kind: 'Node', name: `node-${i % nodes}` } },
      })
      if (res.status !== 201) throw new Error(`bind pod-${i}: ${JSON.stringify(res.body)}`)
    }
  })
  console.log(`  POST bindings: ${rate(pods, bound.ms)} (${bound.ms.toFixed(0)} ms)`)

  const patches = Math.min(pods, 20_000)
  const patched = time(() => {
    for (let i = 0; i < patches; i++) {
      cluster.handle({
        method: 'PATCH',
        path: `${path}/pod-${i}`,
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
        body: { metadata: { labels: { patched: 'yes' } } },
      })
    }
  })
  console.log(`  PATCH (strategic) pods: ${rate(patches, patched.ms)}`)

  const listAll = time(() => cluster.handle({ method: 'GET', path: '/api/v1/pods' }))
  console.log(`  LIST all ${pods.toLocaleString('en-US')} pods: ${listAll.ms.toFixed(0)} ms`)
  const listNode = time(() => cluster.handle({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.nodeName=node-42' } }))
  console.log(`  LIST pods on one node (fieldSelector): ${listNode.ms.toFixed(1)} ms, ${(listNode.value.body as { items: unknown[] }).items.length} items`)
  const paged = time(() => {
    let token = ''
    let pages = 0
    do {
      const res = cluster.handle({ method: 'GET', path: '/api/v1/pods', query: { limit: '500', ...(token ? { continue: token } : {}) } })
      token = (res.body as { metadata: { continue?: string } }).metadata.continue ?? ''
      pages++
    } while (token)
    return pages
  })
  console.log(`  LIST in pages of 500: ${paged.value} pages in ${paged.ms.toFixed(0)} ms`)

  const deletes = Math.min(pods, 20_000)
  const deleted = time(() => {
    for (let i = 0; i < deletes; i++) cluster.handle({ method: 'DELETE', path: `${path}/pod-${i}`, query: { gracePeriodSeconds: '0' } })
  })
  console.log(`  DELETE pods: ${rate(deletes, deleted.ms)}`)
  console.log(`  watch events delivered: ${watched.toLocaleString('en-US')}`)
  const heap = process.memoryUsage()
  console.log(`  heap used: ${mib(heap.heapUsed)} (rss ${mib(heap.rss)})`)
}

/**
 * (a) Schedule pods onto nodes from a cold queue through the real scheduler and API server,
 * the way Kubernetes' scheduler_perf measures kube-scheduler: nodes are API objects and no
 * kubelets run. Then the same with the whole cluster (kubelets starting every pod) for scale.
 */
function schedulingBench(nodeCount: number, podCount: number): void {
  console.log(`\nkubeplay bench (a): schedule ${podCount.toLocaleString('en-US')} pods onto ${nodeCount.toLocaleString('en-US')} nodes from a cold queue`)
  const store = createStore()
  const clock = createClock(Date.parse('2026-01-01T00:00:00Z'))
  const random = createRandom(1)
  const api = createApiServer({ store, clock, random: random.fork('apiserver'), allocators: createServiceAllocators(random.fork('a')), watchers: createWatchHub(store), aggregator: createAggregator() })
  const contextFor = componentContexts(api, clock, random.fork('components'), (e) => {
    throw new Error(e)
  })
  const client = contextFor('bench').client
  client.create('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  client.create('ServiceAccount', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } })
  for (let i = 0; i < nodeCount; i++) {
    const res = client.create('Node', undefined, nodeObject({ name: `node-${i}`, cpu: '32', memory: '128Gi', pods: 110, index: i }, formatTime(clock.now())) as never)
    if (!res.ok) throw new Error(res.status.message)
  }
  const path = '/api/v1/namespaces/default/pods'
  const heapBefore = process.memoryUsage().heapUsed
  const created = time(() => {
    for (let i = 0; i < podCount; i++) {
      const res = api.handle({ method: 'POST', path, body: podBody(i) })
      if (res.status !== 201) throw new Error(`create pod-${i}: ${JSON.stringify(res.body)}`)
    }
  })
  console.log(`  queued ${podCount.toLocaleString('en-US')} pods in ${created.ms.toFixed(0)} ms (not counted)`)
  let bound = 0
  api.watch({ method: 'GET', path: '/api/v1/pods', query: { resourceVersion: String(store.revision()) } }, (e) => {
    if (e.type === 'MODIFIED' && (e.object as { spec?: { nodeName?: string } }).spec?.nodeName) bound++
  })
  let peakHeap = 0
  const start = clock.now()
  const scheduled = time(() => {
    startScheduler(contextFor('default-scheduler'))
    while (bound < podCount) {
      clock.advance(100)
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      if (clock.now() - start > 3_600_000) throw new Error(`only ${bound} pods bound after an hour of virtual time`)
    }
  })
  console.log(`  scheduler + API server: ${rate(podCount, scheduled.ms)} (${(scheduled.ms / 1000).toFixed(1)} s wall, ${((clock.now() - start) / 1000).toFixed(1)} s virtual)`)
  console.log(`  peak heap: ${mib(peakHeap)} (${mib(peakHeap - heapBefore)} above the nodes alone)`)
}

/** (a') The same in a whole cluster: every binding also sets a kubelet pulling and starting the pod. */
function wholeClusterSchedulingBench(nodeCount: number, podCount: number): void {
  console.log(`\nkubeplay bench (a'): the same in a whole cluster (${nodeCount.toLocaleString('en-US')} kubelets starting every pod)`)
  const cluster = createCluster({ seed: 1, historyLimit: 50_000, nodes: Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i}`, cpu: '32', memory: '128Gi', pods: 110 })) })
  const path = '/api/v1/namespaces/default/pods'
  for (let i = 0; i < podCount; i++) cluster.handle({ method: 'POST', path, body: podBody(i) })
  let bound = 0
  cluster.watch({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.nodeName!=' } }, (e) => {
    if (e.type === 'ADDED') bound++
  })
  const start = cluster.now()
  const scheduled = time(() => {
    while (bound < podCount) cluster.advance(100)
  })
  console.log(`  bound: ${rate(podCount, scheduled.ms)} (${(scheduled.ms / 1000).toFixed(1)} s wall, ${((cluster.now() - start) / 1000).toFixed(1)} s virtual); heap ${mib(process.memoryUsage().heapUsed)}`)
}

/** (b) A busy small cluster: 20 Deployments, a rolling update every 10 minutes, one hour. */
function rolloutBench(): void {
  const nodeCount = 100
  const deployments = 20
  const replicas = 50
  console.log(`\nkubeplay bench (b): ${nodeCount} nodes, ${deployments * replicas} pods in ${deployments} Deployments, 1 h with a rolling update every 10 min`)
  const cluster = createCluster({ seed: 2, nodes: Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i}`, cpu: '8', memory: '32Gi' })) })
  const deploys = '/apis/apps/v1/namespaces/default/deployments'
  for (let d = 0; d < deployments; d++) {
    const labels = { app: `app-${d}` }
    cluster.handle({
      method: 'POST',
      path: deploys,
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `app-${d}` },
        spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } } },
      },
    })
  }
  const images = ['nginx:1.25', 'nginx:1.26']
  const hour = time(() => {
    for (let minute = 0; minute < 60; minute++) {
      if (minute > 0 && minute % 10 === 0) {
        const image = images[(minute / 10) % 2] ?? 'nginx:1.25'
        for (let d = 0; d < deployments; d++) {
          cluster.handle({
            method: 'PATCH',
            path: `${deploys}/app-${d}`,
            headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
            body: { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } },
          })
        }
      }
      cluster.advance(60_000)
    }
  })
  const ready = (cluster.handle({ method: 'GET', path: deploys }).body as { items: { status: { updatedReplicas?: number; availableReplicas?: number } }[] }).items
  const available = ready.reduce((n, d) => n + (d.status.availableReplicas ?? 0), 0)
  console.log(`  one virtual hour in ${(hour.ms / 1000).toFixed(1)} s wall: ${Math.round(3600 / (hour.ms / 1000)).toLocaleString('en-US')} virtual s per wall s`)
  console.log(`  at the end: ${available} of ${deployments * replicas} pods available; cluster errors: ${cluster.errors().length}`)
}

const only = process.argv[2]
if (!only || only === 'api') apiServerBench()
if (!only || only === 'schedule') schedulingBench(Number(process.env.BENCH_NODES ?? 5000), Number(process.env.BENCH_PODS ?? 150_000))
if (only === 'schedule-cluster') wholeClusterSchedulingBench(Number(process.env.BENCH_NODES ?? 5000), Number(process.env.BENCH_PODS ?? 150_000))
if (!only || only === 'rollout') rolloutBench()
