/**
 * The framework runtime: the profile's plugins in order, run at each extension point with
 * upstream's rules (first failing filter wins, Skip drops a plugin for the cycle, scores are
 * normalized then weighted).
 * Mirrors pkg/scheduler/framework/runtime/framework.go
 */
import type { NodeInfo } from './nodeInfo'
import { NodeTable } from './nodeTable'
import type { PodInfo } from './podInfo'
import { isRejected, isSkip, newStatus, withPlugin, type Status } from './status'
import {
  maxNodeScore,
  type BindPlugin,
  type ClusterEventWithHint,
  type CycleState,
  type EnqueueExtensions,
  type FilterPlugin,
  type NodeToStatus,
  type Plugin,
  type PostFilterPlugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type QueueSortPlugin,
  type ScorePlugin,
} from './types'

/** A plugin of the profile with its score weight (only Score plugins use it). */
export interface ProfilePlugin {
  plugin: Plugin
  weight: number
}

/** The per-plugin scores of one cycle, node i in each array being nodes[i]. */
export interface ScoreResult {
  plugins: string[]
  weights: number[]
  /** What Score returned. */
  raw: Float64Array[]
  /** After NormalizeScore (the same array as raw when a plugin has none). */
  normalized: Float64Array[]
  /** Σ normalized × weight per node. */
  totals: Float64Array
  /** The pooled buffer all the arrays above are views of. */
  buffer: Float64Array
}

// A module-local copy: imported bindings can cost a call per read in some module loaders.
const maxScore = maxNodeScore

const has = <K extends string>(p: Plugin, method: K): p is Plugin & Record<K, unknown> =>
  typeof (p as unknown as Record<string, unknown>)[method] === 'function'

function asError(plugin: string, what: string, s: Status): Status {
  return {
    code: 'Error',
    reasons: [`running ${what} plugin "${plugin}": ${s.reasons.join(', ')}`],
    plugin,
  }
}

/** A framework built from a profile's plugins. */
export class Framework {
  readonly queueSort: QueueSortPlugin | undefined
  readonly preFilter: PreFilterPlugin[] = []
  readonly filter: FilterPlugin[] = []
  readonly postFilter: PostFilterPlugin[] = []
  readonly preScore: PreScorePlugin[] = []
  readonly score: { plugin: ScorePlugin; weight: number }[] = []
  readonly bind: BindPlugin[] = []
  /** The events each plugin registered, by plugin name. */
  readonly events = new Map<string, ClusterEventWithHint[]>()

  constructor(plugins: readonly ProfilePlugin[]) {
    let queueSort: QueueSortPlugin | undefined
    for (const { plugin, weight } of plugins) {
      if (has(plugin, 'less')) queueSort = plugin as QueueSortPlugin
      if (has(plugin, 'preFilter')) this.preFilter.push(plugin as PreFilterPlugin)
      if (has(plugin, 'filter')) this.filter.push(plugin as FilterPlugin)
      if (has(plugin, 'postFilter')) this.postFilter.push(plugin as PostFilterPlugin)
      if (has(plugin, 'preScore')) this.preScore.push(plugin as PreScorePlugin)
      if (has(plugin, 'score')) this.score.push({ plugin: plugin as ScorePlugin, weight })
      if (has(plugin, 'bind')) this.bind.push(plugin as BindPlugin)
      if (has(plugin, 'eventsToRegister'))
        this.events.set(plugin.name, (plugin as unknown as EnqueueExtensions).eventsToRegister())
    }
    this.queueSort = queueSort
  }

  /** RunPreFilterPlugins: the merged node set, the first rejection, and the plugins that narrowed the nodes. */
  runPreFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
  ): { result: PreFilterResult; status: Status | null; pluginsWithNodes: string[] } {
    let names: Set<string> | undefined
    let returnStatus: Status | null = null
    const pluginsWithNodes: string[] = []
    for (const pl of this.preFilter) {
      const { result, status } = pl.preFilter(state, pod, nodes)
      if (isSkip(status)) {
        state.skipFilterPlugins.add(pl.name)
        continue
      }
      if (status) {
        const s = withPlugin(status, pl.name)
        // UnschedulableAndUnresolvable ends PreFilter at once; Unschedulable lets the others run.
        if (s.code === 'UnschedulableAndUnresolvable')
          return { result: { nodeNames: names }, status: s, pluginsWithNodes }
        if (s.code === 'Unschedulable') {
          returnStatus = s
          continue
        }
        return {
          result: { nodeNames: names },
          status: asError(pl.name, 'PreFilter', s),
          pluginsWithNodes,
        }
      }
      if (result?.nodeNames) {
        pluginsWithNodes.push(pl.name)
        names = names
          ? new Set([...names].filter((n) => result.nodeNames?.has(n)))
          : new Set(result.nodeNames)
        if (names.size === 0) {
          const msg =
            pluginsWithNodes.length === 1
              ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
              : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`
          return {
            result: { nodeNames: names },
            status: newStatus('UnschedulableAndUnresolvable', msg),
            pluginsWithNodes,
          }
        }
      }
    }
    return { result: { nodeNames: names }, status: returnStatus, pluginsWithNodes }
  }

  /** RunFilterPlugins: null when every filter passes, else the first failure. */
  runFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    node: NodeInfo,
    t: NodeTable,
    row: number,
  ): Status | null {
    let filters = state.activeFilters
    if (!filters) {
      // PreFilter's skips are fixed for the cycle: drop those plugins once, not per node.
      const skip = state.skipFilterPlugins
      filters = state.activeFilters = this.filter.filter((pl) => !skip.has(pl.name))
    }
    for (let k = 0; k < filters.length; k++) {
      const pl = filters[k] as FilterPlugin
      const s = pl.filter(state, pod, node, t, row)
      if (s !== null) return isRejected(s) ? withPlugin(s, pl.name) : asError(pl.name, 'Filter', s)
    }
    return null
  }

  /** RunFilterPlugins on a node outside the snapshot (a copy with pods removed, for preemption). */
  runFilterPluginsOnCopy(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    return this.runFilterPlugins(state, pod, node, NodeTable.of(node), 0)
  }

  /** RunPostFilterPlugins */
  runPostFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    m: NodeToStatus,
  ): { status: Status | null; nominatedNodeName?: string } {
    const reasons: string[] = []
    let rejector = ''
    let nominated: string | undefined
    for (const pl of this.postFilter) {
      const r = pl.postFilter(state, pod, m)
      if (r.status === null) return r
      if (r.status.code === 'UnschedulableAndUnresolvable')
        return { ...r, status: withPlugin(r.status, pl.name) }
      if (!isRejected(r.status))
        return { status: withPlugin({ code: 'Error', reasons: r.status.reasons }, pl.name) }
      if (r.nominatedNodeName !== undefined) nominated = r.nominatedNodeName
      reasons.push(...r.status.reasons)
      if (!rejector) rejector = pl.name
    }
    return {
      status: { code: 'Unschedulable', reasons, plugin: rejector },
      nominatedNodeName: nominated,
    }
  }

  /** RunPreScorePlugins: records which Score plugins to skip. */
  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    for (const pl of this.preScore) {
      const s = pl.preScore(state, pod, nodes)
      if (isSkip(s)) {
        state.skipScorePlugins.add(pl.name)
        continue
      }
      if (s) return asError(pl.name, 'PreScore', s)
    }
    return null
  }

  /** RunScorePlugins: raw scores, normalized scores and weighted totals for the feasible nodes. */
  runScorePlugins(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
    t: NodeTable,
    rows: Int32Array,
    alloc: (len: number) => Float64Array = (len) => new Float64Array(len),
  ): { result: ScoreResult; status: Status | null } {
    const n = nodes.length
    const active = this.score.filter(({ plugin }) => !state.skipScorePlugins.has(plugin.name))
    const normalizing = active.filter(({ plugin }) => plugin.normalizeScore).length
    // One buffer for the cycle's totals, raw and normalized scores: one allocation, not one per plugin.
    const buffer = alloc(n * (1 + active.length + normalizing))
    let offset = n
    const take = (): Float64Array => buffer.subarray(offset, (offset += n))
    const result: ScoreResult = {
      plugins: [],
      weights: [],
      raw: [],
      normalized: [],
      totals: buffer.subarray(0, n),
      buffer,
    }
    result.totals.fill(0)
    for (const { plugin, weight } of active) {
      const raw = take()
      for (let i = 0; i < n; i++)
        raw[i] = plugin.score(state, pod, nodes[i] as NodeInfo, t, rows[i] as number)
      let normalized = raw
      if (plugin.normalizeScore) {
        normalized = take()
        normalized.set(raw)
        plugin.normalizeScore(state, pod, normalized, nodes)
      }
      const totals = result.totals
      for (let i = 0; i < n; i++) {
        const s = normalized[i] as number
        if (s > maxScore || s < 0) {
          const msg = `plugin "${plugin.name}" returns an invalid score ${s}, it should in the range of [0, ${maxNodeScore}] after normalizing`
          return { result, status: { code: 'Error', reasons: [msg], plugin: plugin.name } }
        }
        totals[i] = (totals[i] as number) + s * weight
      }
      result.plugins.push(plugin.name)
      result.weights.push(weight)
      result.raw.push(raw)
      result.normalized.push(normalized)
    }
    return { result, status: null }
  }

  /** RunBindPlugins: the first binder that does not Skip decides. */
  runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    let status: Status | null = newStatus('Skip')
    for (const pl of this.bind) {
      status = pl.bind(state, pod, nodeName)
      if (isSkip(status)) continue
      if (status === null) return null
      return isRejected(status) ? withPlugin(status, pl.name) : asError(pl.name, 'Bind', status)
    }
    return status
  }
}
