/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
 * node.kubernetes.io/unschedulable:NoSchedule taint.
 * Mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go
 */
import type { Node, Toleration } from 'kubernetes-types/core/v1'
import { flagUnschedulable as unschedulableFlag } from '../../framework/nodeTable'
import { newStatus } from '../../framework/status'
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin } from '../../framework/types'
import { tolerationsTolerateTaint } from '../helper/taints'

/** The plugin's name. */
export const name = 'NodeUnschedulable'
/** ErrReasonUnknownCondition */
export const errReasonUnknownCondition = 'node(s) had unknown conditions'
/** ErrReasonUnschedulable */
export const errReasonUnschedulable = 'node(s) were unschedulable'

// A module-local copy: imported bindings can cost a call per read in some module loaders.
const flagUnschedulable = unschedulableFlag

const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

/** New */
export function factory(): FilterPlugin & EnqueueExtensions {
  return {
    name,
    filter(_state, pi, _node, t, i) {
      if (((t.flags[i] as number) & flagUnschedulable) === 0) return null
      // A pod that tolerates the unschedulable taint tolerates spec.unschedulable too.
      const tolerations = (pi.pod.spec?.tolerations ?? []) as Toleration[]
      return tolerationsTolerateTaint(tolerations, unschedulableTaint)
        ? null
        : newStatus('UnschedulableAndUnresolvable', errReasonUnschedulable)
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        {
          resource: 'Node',
          actions: ['Add', 'UpdateNodeTaint'],
          hint: (_pod, oldObj, newObj) => {
            const was = (oldObj as Node | undefined)?.spec?.unschedulable === true
            const is = (newObj as Node | undefined)?.spec?.unschedulable === true
            return !is && (oldObj === undefined || was) ? 'Queue' : 'QueueSkip'
          },
        },
      ]
    },
  }
}
