/**
 * Test support for plugin tables: nodes and pods in the shapes upstream's st.MakeNode/st.MakePod
 * build, a snapshot built through the real cache, and runners for one plugin's Filter and
 * Score the way the framework calls them. Tests only.
 */
import type {
  Affinity,
  Container,
  Node,
  Pod,
  Taint,
  Toleration,
  TopologySpreadConstraint,
} from 'kubernetes-types/core/v1'
import { SchedulerCache } from '../framework/cache'
import { NodeInfo } from '../framework/nodeInfo'
import { NodeTable } from '../framework/nodeTable'
import { newPodInfo } from '../framework/podInfo'
import { Snapshot } from '../framework/snapshot'
import { isSkip, type Status } from '../framework/status'
import {
  CycleState,
  type FilterPlugin,
  type Plugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../framework/types'

/** A node like st.MakeNode().Name(n).Capacity(c) (capacity and allocatable alike), with labels, taints, unschedulable. */
export function makeNode(
  name: string,
  capacity: Record<string, string> = {},
  extra: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean } = {},
): Node {
  const spec: Record<string, unknown> = {}
  if (extra.taints) spec.taints = extra.taints
  if (extra.unschedulable) spec.unschedulable = true
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: extra.labels ?? {} },
    spec,
    status: { capacity, allocatable: capacity },
  } as Node
}

let podSeq = 0

/** A pod like st.MakePod(): one container per entry of `reqs` (none when omitted). */
export function makePod(
  o: {
    name?: string
    namespace?: string
    nodeName?: string
    reqs?: Record<string, string>[]
    initReqs?: Record<string, string>[]
    labels?: Record<string, string>
    tolerations?: Toleration[]
    nodeSelector?: Record<string, string>
    affinity?: Affinity
    priority?: number
    preemptionPolicy?: string
    topologySpreadConstraints?: TopologySpreadConstraint[]
    ownerReferences?: {
      apiVersion: string
      kind: string
      name: string
      uid: string
      controller: boolean
    }[]
  } = {},
): Pod {
  const n = podSeq++
  const container = (r: Record<string, string>, i: number): Container => ({
    name: `c${i}`,
    image: 'img',
    resources: { requests: r },
  })
  const spec: Record<string, unknown> = { containers: (o.reqs ?? []).map(container) }
  if (o.initReqs) spec.initContainers = o.initReqs.map(container)
  if (o.nodeName) spec.nodeName = o.nodeName
  if (o.tolerations) spec.tolerations = o.tolerations
  if (o.nodeSelector) spec.nodeSelector = o.nodeSelector
  if (o.affinity) spec.affinity = o.affinity
  if (o.priority !== undefined) spec.priority = o.priority
  if (o.preemptionPolicy) spec.preemptionPolicy = o.preemptionPolicy
  if (o.topologySpreadConstraints) spec.topologySpreadConstraints = o.topologySpreadConstraints
  const metadata: Record<string, unknown> = {
    name: o.name ?? `pod-${n}`,
    namespace: o.namespace ?? 'default',
    uid: `uid-pod-${n}`,
    labels: o.labels ?? {},
  }
  if (o.ownerReferences) metadata.ownerReferences = o.ownerReferences
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as unknown as Pod
}

/** A NodeInfo of a node with pods on it (framework.NewNodeInfo + SetNode). */
export function nodeInfoOf(node: Node, pods: Pod[] = []): NodeInfo {
  const n = new NodeInfo(node.metadata?.name ?? '')
  n.setNode(node)
  for (const p of pods) n.addPod(newPodInfo(p))
  return n
}

/** A snapshot of nodes and the pods bound to them (cache.NewSnapshot). */
export function snapshotOf(nodes: Node[], pods: Pod[] = []): Snapshot {
  const cache = new SchedulerCache()
  for (const n of nodes) cache.setNode(n)
  for (const p of pods) cache.addPod(newPodInfo(p), p.spec?.nodeName ?? '')
  const s = new Snapshot()
  cache.updateSnapshot(s)
  return s
}

const hasPreFilter = (p: Plugin): p is PreFilterPlugin =>
  typeof (p as Partial<PreFilterPlugin>).preFilter === 'function'
const hasPreScore = (p: Plugin): p is PreScorePlugin =>
  typeof (p as Partial<PreScorePlugin>).preScore === 'function'

/** PreFilter (a Skip means the Filter is not run: success) then Filter, on a NodeInfo. */
export function runFilter(
  plugin: FilterPlugin,
  pod: Pod,
  node: NodeInfo,
  state = new CycleState(),
): Status | null {
  const pi = newPodInfo(pod)
  if (hasPreFilter(plugin)) {
    const r = plugin.preFilter(state, pi, [node])
    if (isSkip(r.status)) return null
    if (r.status) return r.status
  }
  return plugin.filter(state, pi, node, NodeTable.of(node), 0)
}

/** PreScore, Score on every node of the snapshot, NormalizeScore: the final scores by node name. */
export function runScore(
  plugin: ScorePlugin,
  pod: Pod,
  snapshot: Snapshot,
): Record<string, number> {
  const pi = newPodInfo(pod)
  const state = new CycleState()
  const nodes = snapshot.nodeInfoList
  if (hasPreScore(plugin)) {
    const s = plugin.preScore(state, pi, nodes)
    if (isSkip(s)) return Object.fromEntries(nodes.map((n) => [n.name, 0]))
  }
  const scores = new Float64Array(nodes.length)
  nodes.forEach((n, i) => (scores[i] = plugin.score(state, pi, n, snapshot.table, n.idx)))
  plugin.normalizeScore?.(state, pi, scores, nodes)
  return Object.fromEntries(nodes.map((n, i) => [n.name, scores[i] as number]))
}
