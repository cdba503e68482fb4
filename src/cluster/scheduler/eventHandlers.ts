/**
 * The scheduler's informer handlers: unassigned pods of this scheduler go to the queue, assigned
 * ones to the cache; node changes update the cache and, when they may help, move unschedulable
 * pods back (node added; allocatable, labels or taints changed; a node made schedulable; a bound
 * pod deleted or terminated). Terminated pods count as deleted: the scheduler's pod informer
 * upstream lists only non-terminal pods.
 * Mirrors pkg/scheduler/eventhandlers.go and pkg/scheduler/framework/events.go (NodeSchedulingPropertiesChange)
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../api/types'
import type { Informer } from '../controllers/runtime/informer'
import type { DecisionStore } from './decisions/store'
import type { SchedulerCache } from './framework/cache'
import { newPodInfo } from './framework/podInfo'
import type { SchedulingQueue } from './framework/queue/schedulingQueue'
import type { ActionType, ClusterEvent } from './framework/types'

/** The profile's scheduler name. */
export const schedulerName = 'default-scheduler'

const terminal = (p: Pod): boolean =>
  p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
/** assignedPod: bound to a node. */
const assigned = (p: Pod): boolean => !!p.spec?.nodeName
/** responsibleForPod: this profile's pods (schedulerName is defaulted by the API server). */
const responsible = (p: Pod): boolean => (p.spec?.schedulerName ?? schedulerName) === schedulerName
const keyOf = (p: Pod): string => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`

const assignedPodDelete: ClusterEvent = {
  resource: 'Pod',
  actions: new Set<ActionType>(['Delete']),
  label: 'AssignedPodDelete',
}
const nodeAdd: ClusterEvent = {
  resource: 'Node',
  actions: new Set<ActionType>(['Add']),
  label: 'NodeAdd',
}
const nodeDelete: ClusterEvent = {
  resource: 'Node',
  actions: new Set<ActionType>(['Delete']),
  label: 'NodeDelete',
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** NodeSchedulingPropertiesChange: what a node update amounts to for scheduling. */
export function nodeSchedulingPropertiesChange(newNode: Node, oldNode: Node): Set<ActionType> {
  const actions = new Set<ActionType>()
  // Only a node becoming schedulable can help (extractNodeSpecUnschedulableChange).
  if (
    !!newNode.spec?.unschedulable !== !!oldNode.spec?.unschedulable &&
    !newNode.spec?.unschedulable
  )
    actions.add('UpdateNodeTaint')
  if (!same(newNode.status?.allocatable, oldNode.status?.allocatable))
    actions.add('UpdateNodeAllocatable')
  if (!same(newNode.metadata?.labels, oldNode.metadata?.labels)) actions.add('UpdateNodeLabel')
  if (!same(newNode.spec?.taints, oldNode.spec?.taints)) actions.add('UpdateNodeTaint')
  const conditions = (n: Node): string =>
    (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',')
  if (conditions(newNode) !== conditions(oldNode)) actions.add('UpdateNodeCondition')
  return actions
}

/** Wire the informers to the cache, the queue and the decision store. */
export function addAllEventHandlers(
  pods: Informer<StoredObject>,
  nodes: Informer<StoredObject>,
  cache: SchedulerCache,
  queue: SchedulingQueue,
  decisions: DecisionStore,
  active: () => boolean,
): void {
  const pending = (p: Pod): boolean =>
    !assigned(p) && !terminal(p) && responsible(p) && !p.metadata?.deletionTimestamp

  function podGone(p: Pod): void {
    const uid = p.metadata?.uid ?? ''
    if (cache.podNode(uid) !== undefined) {
      cache.removePod(uid)
      queue.moveAllToActiveOrBackoffQueue(assignedPodDelete, p, undefined)
    }
  }

  pods.addHandlers({
    add(obj) {
      if (!active()) return
      const p = obj as Pod
      if (terminal(p)) return
      if (assigned(p)) cache.addPod(newPodInfo(p), p.spec?.nodeName as string)
      else if (pending(p)) queue.add(p)
    },
    update(oldObj, newObj) {
      if (!active()) return
      const o = oldObj as Pod
      const n = newObj as Pod
      if (o.metadata?.resourceVersion === n.metadata?.resourceVersion) return
      if (assigned(n) && !terminal(n)) {
        if (!assigned(o)) {
          queue.delete(keyOf(n))
          decisions.podAssigned(keyOf(n))
        }
        cache.updatePod(n, n.spec?.nodeName as string)
        return
      }
      if (assigned(n)) {
        // Succeeded or Failed: its requests no longer count, as if deleted.
        podGone(o)
        return
      }
      if (!pending(n)) {
        queue.delete(keyOf(n))
        return
      }
      if (!cache.isAssumedPod(n.metadata?.uid ?? '')) queue.update(o, n)
    },
    delete(obj) {
      if (!active()) return
      const p = obj as Pod
      podGone(p)
      if (!assigned(p)) queue.delete(keyOf(p))
      decisions.podDeleted(keyOf(p), p.metadata?.uid ?? '')
    },
  })

  nodes.addHandlers({
    add(obj) {
      if (!active()) return
      cache.setNode(obj as Node)
      queue.moveAllToActiveOrBackoffQueue(nodeAdd, undefined, obj as Node)
    },
    update(oldObj, newObj) {
      if (!active()) return
      const o = oldObj as Node
      const n = newObj as Node
      const actions = nodeSchedulingPropertiesChange(n, o)
      // Cordoning is no event (it cannot help a pending pod) but the NodeInfo must still see it.
      cache.setNode(n, actions.size > 0 || !!n.spec?.unschedulable !== !!o.spec?.unschedulable)
      if (actions.size)
        queue.moveAllToActiveOrBackoffQueue(
          { resource: 'Node', actions, label: 'NodeUpdate' },
          o,
          n,
        )
    },
    delete(obj) {
      if (!active()) return
      cache.removeNode((obj as Node).metadata?.name ?? '')
      queue.moveAllToActiveOrBackoffQueue(nodeDelete, obj as Node, undefined)
    },
  })
}
