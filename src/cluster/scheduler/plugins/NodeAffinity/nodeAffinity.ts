/**
 * NodeAffinity: Filter on the pod's nodeSelector and required node affinity; Score as the sum of
 * the weights of the preferred terms a node matches, normalized so the best node gets 100.
 * PreFilter narrows the nodes when every required term names nodes by metadata.name.
 * Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1'
import { newStatus } from '../../framework/status'
import {
  maxNodeScore,
  type ClusterEventWithHint,
  type EnqueueExtensions,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types'
import {
  PreferredSchedulingTerms,
  RequiredNodeAffinity,
  type NodeFacts,
} from '../helper/nodeAffinity'
import { defaultNormalizeScore } from '../helper/normalizeScore'

/** The plugin's name. */
export const name = 'NodeAffinity'
/** ErrReasonPod */
export const errReasonPod = "node(s) didn't match Pod's node affinity/selector"
/** errReasonEnforced (scheduler-added affinity; Kubeplay's profile adds none) */
export const errReasonEnforced = "node(s) didn't match scheduler-enforced node affinity"
/** errReasonConflict */
export const errReasonConflict = 'pod affinity terms conflict'

const preFilterStateKey = `PreFilter${name}`
const preScoreStateKey = `PreScore${name}`

const factsOf = (n: Node | undefined): NodeFacts => ({
  name: n?.metadata?.name ?? '',
  labels: n?.metadata?.labels ?? {},
})

/** New */
export function factory(): PreFilterPlugin &
  FilterPlugin &
  PreScorePlugin &
  ScorePlugin &
  EnqueueExtensions {
  return {
    name,
    preFilter(state, pi) {
      const spec = pi.pod.spec
      const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      if (!required && !spec?.nodeSelector) return { status: newStatus('Skip') }
      state.write(preFilterStateKey, new RequiredNodeAffinity(pi.pod))
      const terms = (required?.nodeSelectorTerms ?? []) as NodeSelectorTerm[]
      if (terms.length === 0) return { status: null }
      // Terms are ORed: the pod is confined to named nodes only if every term names some.
      let names: Set<string> | undefined
      for (const t of terms) {
        let termNames: Set<string> | undefined
        for (const r of (t.matchFields ?? []) as NodeSelectorRequirement[]) {
          if (r.key !== 'metadata.name' || r.operator !== 'In') continue
          const s = new Set(r.values ?? [])
          termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s
        }
        if (!termNames) return { status: null }
        names = new Set([...(names ?? []), ...termNames])
      }
      if (names && names.size === 0)
        return { status: newStatus('UnschedulableAndUnresolvable', errReasonConflict) }
      return { result: { nodeNames: names }, status: null }
    },
    filter(state, pi, node) {
      const required =
        state.read<RequiredNodeAffinity>(preFilterStateKey) ?? new RequiredNodeAffinity(pi.pod)
      return required.match(node) ? null : newStatus('UnschedulableAndUnresolvable', errReasonPod)
    },
    preScore(state, pi) {
      const preferred =
        pi.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution
      if (!preferred) return newStatus('Skip')
      state.write(preScoreStateKey, new PreferredSchedulingTerms(preferred))
      return null
    },
    score(state, _pi, node) {
      return state.read<PreferredSchedulingTerms>(preScoreStateKey)?.score(node) ?? 0
    },
    normalizeScore(_state, _pi, scores) {
      defaultNormalizeScore(maxNodeScore, false, scores)
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        {
          resource: 'Node',
          actions: ['Add', 'UpdateNodeLabel'],
          hint: (pod, oldObj, newObj) => {
            const required = new RequiredNodeAffinity(pod)
            if (!required.match(factsOf(newObj as Node | undefined))) return 'QueueSkip'
            if (oldObj === undefined) return 'Queue'
            return required.match(factsOf(oldObj as Node)) ? 'QueueSkip' : 'Queue'
          },
        },
      ]
    },
  }
}
