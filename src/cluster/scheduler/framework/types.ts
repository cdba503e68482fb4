/**
 * The framework's extension points and what they pass around: the per-cycle state, plugin
 * interfaces, cluster events for requeueing, and the handle plugins reach the snapshot through.
 * Mirrors pkg/scheduler/framework/interface.go and cycle_state.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import type { Client } from '../../controllers/runtime/apiClient'
import type { EventRecorder } from '../../controllers/runtime/events'
import type { NodeInfo } from './nodeInfo'
import type { NodeTable } from './nodeTable'
import type { PodInfo } from './podInfo'
import type { Snapshot } from './snapshot'
import type { Status } from './status'

/** MaxNodeScore: scores are normalized to 0..100. */
export const maxNodeScore = 100

/** CycleState: data plugins share within one scheduling cycle, keyed by plugin. */
export class CycleState {
  private data = new Map<string, unknown>()
  /** Filter plugins whose PreFilter returned Skip. */
  skipFilterPlugins = new Set<string>()
  /** Score plugins whose PreScore returned Skip. */
  skipScorePlugins = new Set<string>()
  /** The Filter plugins left to run after PreFilter's skips (set by the framework). */
  activeFilters: FilterPlugin[] | undefined
  write(key: string, value: unknown): void {
    this.data.set(key, value)
  }
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined
  }
}

/** What plugins may use beyond the pod and node (framework.Handle). */
export interface Handle {
  /** The current cycle's snapshot. */
  snapshot(): Snapshot
  client: Client
  /** Virtual time now (ms). */
  now(): number
  /** The scheduler's event recorder (component default-scheduler). */
  events: EventRecorder
  /** RunFilterPlugins of the profile on a node copy, for preemption's dry runs. */
  runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null
}

/** Every plugin has its upstream name. */
export interface Plugin {
  name: string
}

/** PreFilterResult: a set of node names the pod may go to; undefined means all nodes. */
export interface PreFilterResult {
  nodeNames: Set<string> | undefined
}

/** PreFilter: runs once per cycle; may reject, skip its Filter, or narrow the nodes. */
export interface PreFilterPlugin extends Plugin {
  preFilter(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
  ): { result?: PreFilterResult; status: Status | null }
}

/**
 * Filter: may the pod run on this node? null is success. The node's hot numbers are row `i` of
 * table `t` (the snapshot's, or a one-row table for a copy).
 */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo, t: NodeTable, i: number): Status | null
}

/** PostFilter: runs when no node fits (preemption). */
export interface PostFilterPlugin extends Plugin {
  postFilter(
    state: CycleState,
    pod: PodInfo,
    statuses: NodeToStatus,
  ): { nominatedNodeName?: string; status: Status | null }
}

/** PreScore: runs once before scoring; Skip means its Score is not run. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null
}

/** Score: a raw score per feasible node, then optionally normalized over all of them in place. */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo, t: NodeTable, i: number): number
  normalizeScore?(
    state: CycleState,
    pod: PodInfo,
    scores: Float64Array,
    nodes: readonly NodeInfo[],
  ): void
}

/** Bind: write the decision to the API; Skip passes to the next binder. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string): Status | null
}

/** QueueSort: which pending pod goes first. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean
}

/** The kinds of change a plugin may register interest in (ActionType bits). */
export type ActionType =
  | 'Add'
  | 'Delete'
  | 'UpdateNodeAllocatable'
  | 'UpdateNodeLabel'
  | 'UpdateNodeTaint'
  | 'UpdateNodeCondition'
  | 'Update'

/** A cluster change: a resource and what happened to it, with the objects involved. */
export interface ClusterEvent {
  resource: 'Pod' | 'Node' | 'WildCard'
  /** Every action the change amounts to (a node update may be several at once). */
  actions: ReadonlySet<ActionType>
  /** The upstream label for logs and decisions, e.g. "NodeAdd", "AssignedPodDelete". */
  label: string
}

/** QueueingHint: whether an event may make a pod schedulable again. */
export type QueueingHint = 'Queue' | 'QueueSkip'

/** An event a plugin registers with its hint, for pods it rejected. */
export interface ClusterEventWithHint {
  resource: 'Pod' | 'Node'
  actions: readonly ActionType[]
  hint?(pod: Pod, oldObj: Node | Pod | undefined, newObj: Node | Pod | undefined): QueueingHint
}

/** EnqueueExtensions: the events after which a pod this plugin rejected is worth retrying. */
export interface EnqueueExtensions {
  eventsToRegister(): ClusterEventWithHint[]
}

/** QueuedPodInfo: a pending pod with its queue bookkeeping. */
export interface QueuedPodInfo {
  pi: PodInfo
  /** When it was last added to the queue (virtual ms). */
  timestamp: number
  /** When it was first added, for the decision record. */
  initialAttemptTimestamp: number
  /** Scheduling attempts so far. */
  attempts: number
  /** The plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>
  /** Insertion order, so pods added at the same virtual instant keep their order. */
  seq: number
}

/** NodeToStatus: the failing nodes' statuses, and the status of nodes absent from it. */
export class NodeToStatus {
  private map = new Map<string, Status>()
  absentNodesStatus: Status = { code: 'UnschedulableAndUnresolvable', reasons: [] }
  set(node: string, s: Status): void {
    this.map.set(node, s)
  }
  get(node: string): Status {
    return this.map.get(node) ?? this.absentNodesStatus
  }
  has(node: string): boolean {
    return this.map.has(node)
  }
  len(): number {
    return this.map.size
  }
  entries(): IterableIterator<[string, Status]> {
    return this.map.entries()
  }
}

/** Diagnosis: why a pod fit nowhere. */
export interface Diagnosis {
  nodeToStatus: NodeToStatus
  unschedulablePlugins: Set<string>
  preFilterMsg: string
  postFilterMsg: string
}
