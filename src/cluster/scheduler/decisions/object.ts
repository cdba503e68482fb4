/**
 * A decision as the API serves it: a SchedulingDecision object of scheduling.kubeplay.dev/v1alpha1,
 * built only when a client asks (the scheduler keeps arrays, not objects, per node).
 */
import { formatMicroTime, formatTime } from '../../clock'
import type { Status } from '../framework/status'
import type { DecisionRecord } from './record'

/** The API group and version decisions are served under. */
export const group = 'scheduling.kubeplay.dev'
/** The version. */
export const version = 'v1alpha1'
/** apiVersion of the objects. */
export const apiVersion = `${group}/${version}`

/** A node's filter result in the served object. */
export type FilterResult =
  { passed: true } | { passed: false; plugin: string; code: string; reasons: string[] }

/** One node's line in the served object. */
export interface NodeDecision {
  name: string
  filter: FilterResult
  scores?: { plugin: string; raw: number; normalized: number; weight: number; weighted: number }[]
  totalScore?: number
}

const statusJson = (s: Status): FilterResult => ({
  passed: false,
  plugin: s.plugin ?? '',
  code: s.code,
  reasons: [...s.reasons],
})

/** The nodes visited, in order, with filter results and scores. */
function nodesOf(r: DecisionRecord): { nodes: NodeDecision[]; notEvaluated: string[] } {
  const d = r.detail
  const t = d?.trace
  if (!d || !t) return { nodes: [], notEvaluated: [] }
  const nodes: NodeDecision[] = []
  const n = t.nodeNames.length
  let feasibleIndex = 0
  const visited = new Set<string>()
  for (let i = 0; i < t.visited; i++) {
    const name = t.nodeNames[(t.start + i) % n] as string
    visited.add(name)
    const si = t.statusOf ? (t.statusOf[i] as number) : -1
    if (si >= 0) {
      nodes.push({ name, filter: statusJson(t.statuses[si] as Status) })
      continue
    }
    const line: NodeDecision = { name, filter: { passed: true } }
    const s = d.scores
    if (s) {
      const j = feasibleIndex
      line.scores = s.plugins.map((plugin, k) => {
        const normalized = (s.normalized[k] as Float64Array)[j] as number
        const weight = s.weights[k] as number
        return {
          plugin,
          raw: (s.raw[k] as Float64Array)[j] as number,
          normalized,
          weight,
          weighted: normalized * weight,
        }
      })
      line.totalScore = s.totals[j] as number
    }
    feasibleIndex++
    nodes.push(line)
  }
  // Nodes PreFilter excluded are not "not evaluated": they are listed under preFilter.
  const candidates = d.preFilterNodeNames ?? d.allNodeNames
  const notEvaluated = candidates.filter((name) => !visited.has(name))
  return { nodes, notEvaluated }
}

/** The SchedulingDecision object. */
export function decisionObject(r: DecisionRecord): Record<string, unknown> {
  const obj: Record<string, unknown> = {
    apiVersion,
    kind: 'SchedulingDecision',
    metadata: {
      name: r.name,
      namespace: r.namespace,
      uid: r.uid,
      creationTimestamp: formatTime(r.time),
    },
    schedulerName: 'default-scheduler',
    time: formatMicroTime(r.time),
    attempt: r.attempt,
    outcome: r.outcome,
  }
  if (r.nodeName) obj.nodeName = r.nodeName
  if (r.message) obj.message = r.message
  obj.numAllNodes = r.numAllNodes
  obj.numNodesToFind = r.numNodesToFind
  obj.evaluatedNodes = r.evaluatedNodes
  obj.feasibleNodes = r.feasibleNodes
  const d = r.detail
  obj.detail = d ? 'Full' : 'Summary'
  if (!d) return obj
  const preFilter: Record<string, unknown> = { skippedPlugins: d.skippedFilterPlugins }
  if (d.preFilterStatus) preFilter.status = statusJson(d.preFilterStatus)
  if (d.preFilterNodeNames) preFilter.nodeNames = [...d.preFilterNodeNames]
  obj.preFilter = preFilter
  obj.preScore = { skippedPlugins: d.skippedScorePlugins }
  const { nodes, notEvaluated } = nodesOf(r)
  obj.nodes = nodes
  obj.notEvaluated = notEvaluated
  if (d.postFilter) obj.postFilter = { ...d.postFilter }
  return obj
}
