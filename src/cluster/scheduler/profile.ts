/**
 * The default profile: the default plugins in upstream's MultiPoint order (which is the order
 * filters run in) with upstream's score weights. Plugins Kubeplay has no use for (volumes, ports,
 * images, inter-pod affinity) are left out.
 * Mirrors pkg/scheduler/apis/config/v1/default_plugins.go
 */
import type { ProfilePlugin } from './framework/runtime'
import type { Handle } from './framework/types'
import type { SpreadListers } from './plugins/PodTopologySpread/podTopologySpread'
import type { ResolvedOptions } from './options'
import * as DefaultBinder from './plugins/DefaultBinder/defaultBinder'
import * as DefaultPreemption from './plugins/DefaultPreemption/defaultPreemption'
import * as NodeAffinity from './plugins/NodeAffinity/nodeAffinity'
import * as NodeName from './plugins/NodeName/nodeName'
import * as NodeResourcesBalancedAllocation from './plugins/NodeResourcesBalancedAllocation/balancedAllocation'
import * as NodeResourcesFit from './plugins/NodeResourcesFit/nodeResourcesFit'
import * as NodeUnschedulable from './plugins/NodeUnschedulable/nodeUnschedulable'
import * as PodTopologySpread from './plugins/PodTopologySpread/podTopologySpread'
import * as PrioritySort from './plugins/PrioritySort/prioritySort'
import * as TaintToleration from './plugins/TaintToleration/taintToleration'

/** The default profile's plugins, in order, with their weights. */
export function defaultProfile(
  handle: Handle,
  o: ResolvedOptions,
  listers?: SpreadListers,
): ProfilePlugin[] {
  return [
    { plugin: PrioritySort.factory(), weight: 0 },
    { plugin: NodeUnschedulable.factory(), weight: 0 },
    { plugin: NodeName.factory(), weight: 0 },
    { plugin: TaintToleration.factory(), weight: 3 },
    { plugin: NodeAffinity.factory(), weight: 2 },
    { plugin: NodeResourcesFit.factory({ scoringStrategy: o.scoringStrategy }), weight: 1 },
    { plugin: PodTopologySpread.factory(handle, listers), weight: 2 },
    { plugin: DefaultPreemption.factory(handle), weight: 0 },
    { plugin: NodeResourcesBalancedAllocation.factory(), weight: 1 },
    { plugin: DefaultBinder.factory(handle), weight: 0 },
  ]
}
