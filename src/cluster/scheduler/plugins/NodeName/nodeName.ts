/**
 * NodeName: a pod that names a node (spec.nodeName) fits only that node.
 * Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import type { NodeInfo } from '../../framework/nodeInfo'
import { newStatus } from '../../framework/status'
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin } from '../../framework/types'

/** The plugin's name. */
export const name = 'NodeName'
/** ErrReason */
export const errReason = "node(s) didn't match the requested node name"

/** Fits: no node requested, or this one. */
export function fits(pod: Pod, nodeName: string): boolean {
  const want = pod.spec?.nodeName ?? ''
  return want === '' || want === nodeName
}

/** New */
export function factory(): FilterPlugin & EnqueueExtensions {
  return {
    name,
    filter(_state, pi, node: NodeInfo) {
      // Most pods name no node: answer without touching the node.
      if (!pi.pod.spec?.nodeName) return null
      return fits(pi.pod, node.name) ? null : newStatus('UnschedulableAndUnresolvable', errReason)
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        {
          resource: 'Node',
          actions: ['Add'],
          hint: (pod, _old, n) =>
            fits(pod, (n as Node | undefined)?.metadata?.name ?? '') ? 'Queue' : 'QueueSkip',
        },
      ]
    },
  }
}
