/** The node lifecycle controller (node health, condition and cordon taints) and the taint eviction controller. */
export { startNodeLifecycleController, nodeLifecycleDefaults, nodeControllerComponent, type NodeLifecycleController, type NodeLifecycleOptions } from './nodeLifecycleController'
export { startTaintEvictionController, taintEvictionComponent, type TaintEvictionController } from './taintEviction'
