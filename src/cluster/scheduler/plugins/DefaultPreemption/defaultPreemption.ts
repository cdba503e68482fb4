/**
 * DefaultPreemption (PostFilter): when no node fits, look for nodes where evicting lower-priority
 * pods would make room. With every pod at priority 0 (no PriorityClass served) there are never
 * victims, and the message says so in upstream's words.
 * Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
 * pkg/scheduler/framework/preemption/preemption.go (Preempt, findCandidates, DryRunPreemption)
 */
import { formatTime } from '../../../clock'
import { fitErrorMessage } from '../../framework/fitError'
import type { NodeInfo } from '../../framework/nodeInfo'
import type { PodInfo } from '../../framework/podInfo'
import { message, newStatus, type Status } from '../../framework/status'
import {
  NodeToStatus,
  type CycleState,
  type Handle,
  type PostFilterPlugin,
} from '../../framework/types'

/** The plugin's name. */
export const name = 'DefaultPreemption'
/** The reasons preemption reports. */
export const reasons = {
  notEligible: 'not eligible due to preemptionPolicy=Never.',
  noVictims: 'No preemption victims found for incoming pod',
  notHelpful: 'Preemption is not helpful for scheduling',
} as const

interface Candidate {
  node: NodeInfo
  victims: PodInfo[]
}

// Mirrors pkg/api/v1/pod/util.go GetPodStartTime (an unstarted pod counts as starting now).
const startTime = (p: PodInfo): string => p.pod.status?.startTime ?? '\uffff'

/** MoreImportantPod: higher priority, then the one that started earlier. */
function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority
  const x = startTime(a)
  const y = startTime(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** New */
export function factory(handle: Handle): PostFilterPlugin {
  /** SelectVictimsOnNode: the fewest lower-priority pods whose eviction lets the pod fit. */
  function selectVictimsOnNode(
    state: CycleState,
    pi: PodInfo,
    node: NodeInfo,
  ): { victims: PodInfo[]; status: Status | null } {
    const lower = node.pods.filter((p) => p.priority < pi.priority)
    if (lower.length === 0)
      return { victims: [], status: newStatus('UnschedulableAndUnresolvable', reasons.noVictims) }
    const trial = node.clone()
    for (const v of lower) trial.removePod(v.uid)
    const s = handle.runFilterPlugins(state, pi, trial)
    if (s) return { victims: [], status: s }
    // Reprieve the most important pods first: keep each one that still leaves room.
    const victims: PodInfo[] = []
    for (const v of lower.sort(moreImportant)) {
      trial.addPod(v)
      if (handle.runFilterPlugins(state, pi, trial)) {
        trial.removePod(v.uid)
        victims.push(v)
      }
    }
    return { victims, status: null }
  }

  /** pickOneNodeForPreemption, by its first criteria: lowest top victim priority, lowest priority sum, fewest victims. */
  function pickOne(cs: Candidate[]): Candidate {
    const key = (c: Candidate): [number, number, number] => [
      Math.max(...c.victims.map((v) => v.priority)),
      c.victims.reduce((sum, v) => sum + v.priority + 2 ** 31, 0),
      c.victims.length,
    ]
    let best = cs[0] as Candidate
    for (const c of cs.slice(1)) {
      const [a, b] = [key(c), key(best)]
      if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))))
        best = c
    }
    return best
  }

  /** prepareCandidate: mark each victim with DisruptionTarget, delete it, and tell why. */
  function evict(pi: PodInfo, c: Candidate): void {
    const schedulerName = pi.pod.spec?.schedulerName ?? 'default-scheduler'
    for (const v of c.victims) {
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'PreemptionByScheduler',
        message: `${schedulerName}: preempting to accommodate a higher priority pod`,
        lastTransitionTime: formatTime(handle.now()),
      }
      handle.client.patch(
        'Pod',
        v.namespace,
        v.name,
        { status: { conditions: [condition] } },
        'strategic',
        'status',
      )
      handle.client.delete('Pod', v.namespace, v.name)
      handle.events.event(
        { apiVersion: 'v1', kind: 'Pod', metadata: v.pod.metadata },
        'Normal',
        'Preempted',
        `Preempted by pod ${pi.uid} on node ${c.node.name}`,
      )
    }
  }

  function preempt(
    state: CycleState,
    pi: PodInfo,
    m: NodeToStatus,
  ): { nominatedNodeName?: string; status: Status | null } {
    if (pi.pod.spec?.preemptionPolicy === 'Never')
      return { status: newStatus('Unschedulable', reasons.notEligible) }
    const all = handle.snapshot().nodeInfoList
    if (all.length === 0) return { status: { code: 'Error', reasons: ['no nodes available'] } }
    // Only nodes that failed with a resolvable status (Unschedulable) might be helped by evictions.
    const statuses = new NodeToStatus()
    const candidates: Candidate[] = []
    for (const node of all) {
      if (m.get(node.name).code !== 'Unschedulable') continue
      const r = selectVictimsOnNode(state, pi, node)
      if (r.status) statuses.set(node.name, r.status)
      else candidates.push({ node, victims: r.victims })
    }
    if (candidates.length === 0) {
      statuses.absentNodesStatus = newStatus('UnschedulableAndUnresolvable', reasons.notHelpful)
      const msg = fitErrorMessage(all.length, {
        nodeToStatus: statuses,
        unschedulablePlugins: new Set(),
        preFilterMsg: '',
        postFilterMsg: '',
      })
      return { nominatedNodeName: '', status: newStatus('Unschedulable', msg) }
    }
    const best = pickOne(candidates)
    evict(pi, best)
    return { nominatedNodeName: best.node.name, status: null }
  }

  return {
    name,
    postFilter(state, pi, m) {
      const r = preempt(state, pi, m)
      const msg = message(r.status)
      return r.status && msg
        ? { ...r, status: { ...r.status, reasons: [`preemption: ${msg}`] } }
        : r
    },
  }
}
