/**
 * One pod's placement: PreFilter, then Filter over nodes visited round-robin from where the last
 * cycle stopped until enough feasible nodes are found (percentageOfNodesToScore), then PreScore,
 * Score, NormalizeScore, and a reservoir-sampled pick among the top scores.
 * Mirrors pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
 * findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes, selectHost)
 */
import type { Random } from '../random'
import type { NodeInfo } from './framework/nodeInfo'
import type { PodInfo } from './framework/podInfo'
import type { Framework, ScoreResult } from './framework/runtime'
import type { Snapshot } from './framework/snapshot'
import { isRejected, message, newStatus, type Status } from './framework/status'
import { NodeToStatus, type CycleState, type Diagnosis } from './framework/types'

// Mirrors pkg/scheduler/schedule_one.go constants.
/** minFeasibleNodesToFind */
export const minFeasibleNodesToFind = 100
/** minFeasibleNodesPercentageToFind */
export const minFeasibleNodesPercentageToFind = 5

/** numFeasibleNodesToFind: all nodes below 100; else a percentage (adaptive when 0: 50 - nodes/125, at least 5), at least 100. */
export function numFeasibleNodesToFind(
  percentageOfNodesToScore: number,
  numAllNodes: number,
): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes
  let percentage = percentageOfNodesToScore
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125)
    if (percentage < minFeasibleNodesPercentageToFind) percentage = minFeasibleNodesPercentageToFind
  }
  const n = Math.trunc((numAllNodes * percentage) / 100)
  return n < minFeasibleNodesToFind ? minFeasibleNodesToFind : n
}

/** What the filter pass saw, kept compactly for the decision record. */
export interface FilterTrace {
  /** The nodes in the order they were visited from (the snapshot's, or PreFilter's narrowed set). */
  nodeNames: readonly string[]
  /** The index visiting started at. */
  start: number
  /** How many nodes were visited. */
  visited: number
  /** Per visited node (i-th from start): -1 passed, else an index into statuses; undefined when all passed. */
  statusOf: Int32Array | undefined
  /** The distinct failure statuses. */
  statuses: Status[]
}

/** The outcome of schedulePod. */
export type ScheduleResult =
  | {
      kind: 'scheduled'
      host: string
      feasible: NodeInfo[]
      scores: ScoreResult | undefined
      trace: FilterTrace
      numNodesToFind: number
    }
  | {
      kind: 'unschedulable'
      diagnosis: Diagnosis
      numAllNodes: number
      trace: FilterTrace | undefined
      numNodesToFind: number
      preFilterStatus: Status | null
      postFilter: { status: Status | null; nominatedNodeName?: string } | undefined
    }
  | { kind: 'noNodes' }
  | { kind: 'error'; status: Status; trace: FilterTrace | undefined }

/** The scheduling algorithm, with the round-robin position it keeps between cycles. */
export class Algorithm {
  /** nextStartNodeIndex */
  nextStartNodeIndex = 0
  private scratch = new Int32Array(0)
  private rowScratch = new Int32Array(0)

  constructor(
    private readonly fwk: Framework,
    private readonly percentageOfNodesToScore: number,
    private readonly random: Random,
    /** Where score buffers come from (the decision store's pool). */
    private readonly alloc?: (len: number) => Float64Array,
  ) {}

  /** schedulePod */
  schedulePod(state: CycleState, pi: PodInfo, snapshot: Snapshot): ScheduleResult {
    const allNodes = snapshot.nodeInfoList
    if (allNodes.length === 0) return { kind: 'noNodes' }
    const diagnosis: Diagnosis = {
      nodeToStatus: new NodeToStatus(),
      unschedulablePlugins: new Set(),
      preFilterMsg: '',
      postFilterMsg: '',
    }

    const pre = this.fwk.runPreFilterPlugins(state, pi, allNodes)
    for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p)
    if (pre.status) {
      if (!isRejected(pre.status)) return { kind: 'error', status: pre.status, trace: undefined }
      // Every node gets the PreFilter status, so preemption sees them all as unresolvable or not.
      diagnosis.nodeToStatus.absentNodesStatus = pre.status
      diagnosis.preFilterMsg = message(pre.status)
      if (pre.status.plugin) diagnosis.unschedulablePlugins.add(pre.status.plugin)
      return this.unschedulable(state, pi, diagnosis, allNodes.length, undefined, 0, pre.status)
    }

    let nodes: readonly NodeInfo[] = allNodes
    let nodeNames = snapshot.nodeNames()
    if (pre.result.nodeNames) {
      const narrowed: NodeInfo[] = []
      for (const name of pre.result.nodeNames) {
        const n = snapshot.get(name)
        if (n && n.node) narrowed.push(n)
      }
      nodes = narrowed
      nodeNames = narrowed.map((n) => n.name)
      diagnosis.nodeToStatus.absentNodesStatus = newStatus(
        'UnschedulableAndUnresolvable',
        `node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`,
      )
    }

    const numNodesToFind = numFeasibleNodesToFind(this.percentageOfNodesToScore, nodes.length)
    const { feasible, rows, trace } = this.findNodesThatPassFilters(
      state,
      pi,
      diagnosis,
      snapshot,
      nodes,
      nodeNames,
      numNodesToFind,
    )
    // Always advance, so every node gets its turn across pods.
    this.nextStartNodeIndex = (this.nextStartNodeIndex + trace.visited) % allNodes.length
    if (trace.statuses.some((s) => s.code === 'Error')) {
      const err = trace.statuses.find((s) => s.code === 'Error') as Status
      return { kind: 'error', status: err, trace }
    }
    if (feasible.length === 0)
      return this.unschedulable(state, pi, diagnosis, allNodes.length, trace, numNodesToFind, null)
    if (feasible.length === 1)
      return {
        kind: 'scheduled',
        host: (feasible[0] as NodeInfo).name,
        feasible,
        scores: undefined,
        trace,
        numNodesToFind,
      }

    const preScore = this.fwk.runPreScorePlugins(state, pi, feasible)
    if (preScore) return { kind: 'error', status: preScore, trace }
    const scored = this.fwk.runScorePlugins(state, pi, feasible, snapshot.table, rows, this.alloc)
    if (scored.status) return { kind: 'error', status: scored.status, trace }
    const host = (feasible[this.selectHost(scored.result.totals)] as NodeInfo).name
    return { kind: 'scheduled', host, feasible, scores: scored.result, trace, numNodesToFind }
  }

  private unschedulable(
    state: CycleState,
    pi: PodInfo,
    diagnosis: Diagnosis,
    numAllNodes: number,
    trace: FilterTrace | undefined,
    numNodesToFind: number,
    preFilterStatus: Status | null,
  ): ScheduleResult {
    let postFilter: { status: Status | null; nominatedNodeName?: string } | undefined
    if (this.fwk.postFilter.length) {
      postFilter = this.fwk.runPostFilterPlugins(state, pi, diagnosis.nodeToStatus)
      diagnosis.postFilterMsg = message(postFilter.status)
    }
    return {
      kind: 'unschedulable',
      diagnosis,
      numAllNodes,
      trace,
      numNodesToFind,
      preFilterStatus,
      postFilter,
    }
  }

  /** findNodesThatPassFilters: visit from nextStartNodeIndex until numNodesToFind nodes pass. */
  private findNodesThatPassFilters(
    state: CycleState,
    pi: PodInfo,
    diagnosis: Diagnosis,
    snapshot: Snapshot,
    nodes: readonly NodeInfo[],
    nodeNames: readonly string[],
    numNodesToFind: number,
  ): { feasible: NodeInfo[]; rows: Int32Array; trace: FilterTrace } {
    const n = nodes.length
    if (this.scratch.length < n) {
      this.scratch = new Int32Array(n)
      this.rowScratch = new Int32Array(n)
    }
    const statusOf = this.scratch
    const rows = this.rowScratch
    const table = snapshot.table
    // Visiting the snapshot's own list, position k is table row k; a narrowed list carries rows on its nodes.
    const narrowed = nodes !== snapshot.nodeInfoList
    const statuses: Status[] = []
    let interned: Map<string, number> | undefined
    const feasible: NodeInfo[] = []
    const start = n === 0 ? 0 : this.nextStartNodeIndex % n
    let i = 0
    for (; i < n && feasible.length < numNodesToFind; i++) {
      const k = (start + i) % n
      const node = nodes[k] as NodeInfo
      const row = narrowed ? node.idx : k
      const s = this.fwk.runFilterPlugins(state, pi, node, table, row)
      if (s === null) {
        rows[feasible.length] = row
        feasible.push(node)
        statusOf[i] = -1
        continue
      }
      diagnosis.nodeToStatus.set(node.name, s)
      if (s.plugin && isRejected(s)) diagnosis.unschedulablePlugins.add(s.plugin)
      // Nodes failing alike share one status in the record: an unschedulable pod fails on every node.
      const key = `${s.plugin ?? ''}\u0000${s.code}\u0000${s.reasons.join('\u0000')}`
      interned ??= new Map()
      let idx = interned.get(key)
      if (idx === undefined) {
        idx = statuses.length
        statuses.push(s)
        interned.set(key, idx)
      }
      statusOf[i] = idx
    }
    // Rows stay in the scratch array (read only for this cycle's scores); statuses are kept only when some node failed.
    return {
      feasible,
      rows,
      trace: {
        nodeNames,
        start,
        visited: i,
        statusOf: statuses.length ? statusOf.slice(0, i) : undefined,
        statuses,
      },
    }
  }

  /** selectHost: the highest total, ties broken by reservoir sampling with the seeded stream. */
  selectHost(totals: Float64Array): number {
    let best = 0
    let count = 1
    for (let i = 1; i < totals.length; i++) {
      const t = totals[i] as number
      const b = totals[best] as number
      if (t > b) {
        best = i
        count = 1
      } else if (t === b) {
        count++
        if (this.random.intn(count) === 0) best = i
      }
    }
    return best
  }
}
