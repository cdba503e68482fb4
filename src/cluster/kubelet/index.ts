/** The kubelet: one per node, running the pods the scheduler binds there. */
export { startKubelet } from './kubelet'
export { clusterCIDR, podCIDRFor, nodeAddressFor, nodeObject } from './nodeObject'
export type {
  Kubelet,
  KubeletNode,
  KubeletOptions,
  LogResult,
  NodeUsage,
  PodUsage,
  ContainerUsage,
} from './types'
