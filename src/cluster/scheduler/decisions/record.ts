/**
 * A scheduling decision as the scheduler keeps it: the outcome of one cycle for one pod and,
 * while it is recent or the pod is still pending, the cycle's detail (filter statuses per node,
 * per-plugin raw and normalized scores) by reference to what the cycle computed anyway.
 */
import type { ScoreResult } from '../framework/runtime'
import type { Status } from '../framework/status'
import type { FilterTrace } from '../schedulePod'

/** How a cycle ended. */
export type Outcome = 'Scheduled' | 'Unschedulable' | 'SchedulerError'

/** The cycle's detail; dropped when a decision is compacted. */
export interface DecisionDetail {
  /** Every node of the snapshot, in node-tree order. */
  allNodeNames: readonly string[]
  /** The filter pass; absent when PreFilter ended the cycle. */
  trace: FilterTrace | undefined
  /** A PreFilter rejection or error. */
  preFilterStatus: Status | null
  /** The nodes PreFilter narrowed the pod to, if it did. */
  preFilterNodeNames: readonly string[] | undefined
  skippedFilterPlugins: string[]
  skippedScorePlugins: string[]
  /** Scores of the feasible nodes in visiting order; absent when at most one node was feasible. */
  scores: ScoreResult | undefined
  postFilter: { plugin: string; message: string; nominatedNodeName?: string } | undefined
}

/** One decision. */
export interface DecisionRecord {
  /** "namespace/name" of the pod. */
  key: string
  namespace: string
  name: string
  uid: string
  /** Virtual time of the cycle (ms). */
  time: number
  attempt: number
  outcome: Outcome
  nodeName?: string
  /** The FailedScheduling message (or the error). */
  message?: string
  numAllNodes: number
  numNodesToFind: number
  evaluatedNodes: number
  feasibleNodes: number
  detail: DecisionDetail | undefined
}
