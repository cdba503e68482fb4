/**
 * PodTopologySpread: spread matching pods over topology domains. Filter enforces a pod's
 * DoNotSchedule constraints (skew = matching pods in the node's domain + self - global minimum);
 * Score prefers domains with fewer matching pods, for ScheduleAnyway constraints or, when a pod
 * has none, the system defaults (hostname maxSkew 3, zone maxSkew 5) over the selectors of the
 * Services and ReplicaSet owning it.
 * Mirrors pkg/scheduler/framework/plugins/podtopologyspread (plugin.go, common.go, filtering.go, scoring.go)
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import { selectorFromLabelSelector } from '../../../api/labels/labelSelector'
import { everything, selectorFromSet, type Selector } from '../../../api/labels/selector'
import type { NodeInfo } from '../../framework/nodeInfo'
import type { PodInfo } from '../../framework/podInfo'
import { newStatus } from '../../framework/status'
import {
  maxNodeScore,
  type ClusterEventWithHint,
  type EnqueueExtensions,
  type FilterPlugin,
  type Handle,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types'
import { RequiredNodeAffinity } from '../helper/nodeAffinity'
import { doNotScheduleTaints, findMatchingUntoleratedTaint } from '../helper/taints'

/** The plugin's name. */
export const name = 'PodTopologySpread'
/** ErrReasonConstraintsNotMatch */
export const errReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints"
/** ErrReasonNodeLabelNotMatch */
export const errReasonNodeLabelNotMatch = `${errReasonConstraintsNotMatch} (missing required label)`

const hostname = 'kubernetes.io/hostname'

/** systemDefaultConstraints */
export const systemDefaultConstraints: readonly TopologySpreadConstraint[] = [
  { topologyKey: hostname, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

/** What the system defaults need to know about a pod's owners. */
export interface SpreadListers {
  /** Selectors of the Services in a namespace. */
  serviceSelectors(namespace: string): (Record<string, string> | undefined)[]
  /** A ReplicaSet's selector. */
  replicaSetSelector(namespace: string, name: string): LabelSelector | undefined
}

interface Constraint {
  maxSkew: number
  topologyKey: string
  selector: Selector
  minDomains: number
  nodeAffinityPolicy: string
  nodeTaintsPolicy: string
}

const preFilterStateKey = `PreFilter${name}`
const preScoreStateKey = `PreScore${name}`

/** countPodsMatchSelector: pods of the namespace, not terminating, that the selector matches. */
export function countPodsMatchSelector(
  pods: readonly PodInfo[],
  selector: Selector,
  namespace: string,
): number {
  if (selector.empty()) return 0
  let n = 0
  for (const p of pods) {
    if (p.namespace !== namespace || p.pod.metadata?.deletionTimestamp) continue
    if (selector.matches(p.pod.metadata?.labels)) n++
  }
  return n
}

/** filterTopologySpreadConstraints: those with the given action, selectors parsed (matchLabelKeys merged). */
function filterConstraints(
  cs: readonly TopologySpreadConstraint[],
  podLabels: Record<string, string> | undefined,
  action: string,
): Constraint[] {
  const out: Constraint[] = []
  for (const c of cs) {
    if (c.whenUnsatisfiable !== action) continue
    const parsed = selectorFromLabelSelector(c.labelSelector)
    let selector = parsed.ok ? parsed.selector : everything()
    if (c.matchLabelKeys?.length) {
      const set: Record<string, string> = {}
      for (const k of c.matchLabelKeys)
        if (podLabels && Object.hasOwn(podLabels, k)) set[k] = podLabels[k] as string
      if (Object.keys(set).length) selector = selectorFromSet(set).add(...selector.requirements())
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    })
  }
  return out
}

function labelsMatchConstraints(
  labels: Readonly<Record<string, string>>,
  cs: readonly Constraint[],
): boolean {
  for (const c of cs) if (!Object.hasOwn(labels, c.topologyKey)) return false
  return true
}

function matchNodeInclusionPolicies(
  c: Constraint,
  pod: Pod,
  node: NodeInfo,
  required: RequiredNodeAffinity,
): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.match(node)) return false
  if (
    c.nodeTaintsPolicy === 'Honor' &&
    findMatchingUntoleratedTaint(node.taints, pod.spec?.tolerations ?? [], doNotScheduleTaints)
  )
    return false
  return true
}

interface FilterState {
  constraints: Constraint[]
  /** "key\0value" → matching pods. */
  pairCount: Map<string, number>
  /** topology key → the smallest count over its domains. */
  minCount: Map<string, number>
  domains: Map<string, number>
}

interface ScoreState {
  constraints: Constraint[]
  ignored: Set<string>
  /** Per constraint: domain value → matching pods (zone-like keys only; hostname counts per node). */
  counts: Map<string, number>[]
  weights: number[]
}

/** New */
export function factory(
  handle: Pick<Handle, 'snapshot'>,
  listers?: SpreadListers,
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  /** helper.DefaultSelector: the merged selectors of the pod's Services and its controlling ReplicaSet. */
  function defaultSelector(pod: Pod): Selector {
    const ns = pod.metadata?.namespace ?? ''
    const labels = pod.metadata?.labels
    const set: Record<string, string> = {}
    for (const sel of listers?.serviceSelectors(ns) ?? []) {
      if (!sel) continue
      if (selectorFromSet(sel).matches(labels)) Object.assign(set, sel)
    }
    let selector = selectorFromSet(set)
    const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)
    if (owner && owner.kind === 'ReplicaSet' && owner.apiVersion === 'apps/v1') {
      const rs = listers?.replicaSetSelector(ns, owner.name)
      const parsed = rs ? selectorFromLabelSelector(rs) : undefined
      if (parsed?.ok) selector = selector.add(...parsed.selector.requirements())
    }
    return selector
  }

  function constraintsFor(
    pod: Pod,
    action: 'DoNotSchedule' | 'ScheduleAnyway',
  ): { constraints: Constraint[]; systemDefaulted: boolean } {
    const own = pod.spec?.topologySpreadConstraints ?? []
    if (own.length)
      return {
        constraints: filterConstraints(own, pod.metadata?.labels, action),
        systemDefaulted: false,
      }
    const cs = filterConstraints(systemDefaultConstraints, pod.metadata?.labels, action)
    if (cs.length === 0) return { constraints: [], systemDefaulted: true }
    const selector = defaultSelector(pod)
    if (selector.empty()) return { constraints: [], systemDefaulted: true }
    for (const c of cs) c.selector = selector
    return { constraints: cs, systemDefaulted: true }
  }

  return {
    name,
    preFilter(state, pi) {
      const { constraints } = constraintsFor(pi.pod, 'DoNotSchedule')
      if (constraints.length === 0) return { status: newStatus('Skip') }
      const required = new RequiredNodeAffinity(pi.pod)
      const s: FilterState = {
        constraints,
        pairCount: new Map(),
        minCount: new Map(),
        domains: new Map(),
      }
      for (const node of handle.snapshot().nodeInfoList) {
        if (!labelsMatchConstraints(node.labels, constraints)) continue
        for (const c of constraints) {
          if (!matchNodeInclusionPolicies(c, pi.pod, node, required)) continue
          const pair = `${c.topologyKey}\u0000${node.labels[c.topologyKey] ?? ''}`
          s.pairCount.set(
            pair,
            (s.pairCount.get(pair) ?? 0) +
              countPodsMatchSelector(node.pods, c.selector, pi.namespace),
          )
        }
      }
      for (const [pair, n] of s.pairCount) {
        const key = pair.slice(0, pair.indexOf('\u0000'))
        s.domains.set(key, (s.domains.get(key) ?? 0) + 1)
        s.minCount.set(key, Math.min(s.minCount.get(key) ?? Infinity, n))
      }
      state.write(preFilterStateKey, s)
      return { status: null }
    },
    filter(state, pi, node) {
      const s = state.read<FilterState>(preFilterStateKey)
      if (!s || s.constraints.length === 0) return null
      const podLabels = pi.pod.metadata?.labels
      for (const c of s.constraints) {
        if (!Object.hasOwn(node.labels, c.topologyKey))
          return newStatus('UnschedulableAndUnresolvable', errReasonNodeLabelNotMatch)
        const known = s.minCount.get(c.topologyKey)
        if (known === undefined) continue
        // With fewer eligible domains than minDomains, the global minimum counts as 0.
        const minMatch = (s.domains.get(c.topologyKey) ?? 0) < c.minDomains ? 0 : known
        const self = c.selector.matches(podLabels) ? 1 : 0
        const match =
          s.pairCount.get(`${c.topologyKey}\u0000${node.labels[c.topologyKey] ?? ''}`) ?? 0
        if (match + self - minMatch > c.maxSkew)
          return newStatus('Unschedulable', errReasonConstraintsNotMatch)
      }
      return null
    },
    preScore(state, pi, filtered) {
      const all = handle.snapshot().nodeInfoList
      if (all.length === 0) return newStatus('Skip')
      const { constraints, systemDefaulted } = constraintsFor(pi.pod, 'ScheduleAnyway')
      if (constraints.length === 0) return newStatus('Skip')
      // System defaults do not require every key: nodes without a zone label still spread by hostname.
      const requireAll = !systemDefaulted
      const s: ScoreState = {
        constraints,
        ignored: new Set(),
        counts: constraints.map(() => new Map()),
        weights: [],
      }
      const size = constraints.map(() => 0)
      // Only domains of candidate nodes that carry the key are ever read by Score.
      const readable = constraints.map(() => new Set<string>())
      for (const node of filtered) {
        if (requireAll && !labelsMatchConstraints(node.labels, constraints)) {
          s.ignored.add(node.name)
          continue
        }
        constraints.forEach((c, i) => {
          if (c.topologyKey === hostname) return
          const value = node.labels[c.topologyKey] ?? ''
          const m = s.counts[i] as Map<string, number>
          if (!m.has(value)) {
            m.set(value, 0)
            size[i] = (size[i] as number) + 1
          }
          if (Object.hasOwn(node.labels, c.topologyKey)) (readable[i] as Set<string>).add(value)
        })
      }
      s.weights = constraints.map((c, i) =>
        Math.log(
          (c.topologyKey === hostname ? filtered.length - s.ignored.size : (size[i] as number)) + 2,
        ),
      )
      if (readable.some((r) => r.size > 0)) {
        const required = new RequiredNodeAffinity(pi.pod)
        for (const node of all) {
          if (requireAll && !labelsMatchConstraints(node.labels, constraints)) continue
          constraints.forEach((c, i) => {
            const value = node.labels[c.topologyKey]
            if (value === undefined || !(readable[i] as Set<string>).has(value)) return
            if (!matchNodeInclusionPolicies(c, pi.pod, node, required)) return
            const m = s.counts[i] as Map<string, number>
            m.set(
              value,
              (m.get(value) ?? 0) + countPodsMatchSelector(node.pods, c.selector, pi.namespace),
            )
          })
        }
      }
      state.write(preScoreStateKey, s)
      return null
    },
    score(state, pi, node) {
      const s = state.read<ScoreState>(preScoreStateKey)
      if (!s || s.ignored.has(node.name)) return 0
      let score = 0
      s.constraints.forEach((c, i) => {
        if (!Object.hasOwn(node.labels, c.topologyKey)) return
        const cnt =
          c.topologyKey === hostname
            ? countPodsMatchSelector(node.pods, c.selector, pi.namespace)
            : ((s.counts[i] as Map<string, number>).get(node.labels[c.topologyKey] as string) ?? 0)
        // scoreForCount: maxSkew-1 waters down small differences between domains.
        score += cnt * (s.weights[i] as number) + (c.maxSkew - 1)
      })
      return Math.round(score)
    },
    normalizeScore(state, _pi, scores, nodes) {
      const s = state.read<ScoreState>(preScoreStateKey)
      if (!s) return
      // Ignored nodes score 0; the rest are mapped so the fewest matching pods score 100.
      let min = Infinity
      let max = 0
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has((nodes[i] as NodeInfo).name)) continue
        const v = scores[i] as number
        if (v < min) min = v
        if (v > max) max = v
      }
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has((nodes[i] as NodeInfo).name)) scores[i] = 0
        else if (max === 0) scores[i] = maxNodeScore
        else scores[i] = Math.trunc((maxNodeScore * (max + min - (scores[i] as number))) / max)
      }
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        { resource: 'Pod', actions: ['Add', 'Update', 'Delete'] },
        { resource: 'Node', actions: ['Add', 'Delete', 'UpdateNodeLabel', 'UpdateNodeTaint'] },
      ]
    },
  }
}
