/** The simulated cluster's public entry: createCluster and the types its API speaks. */
export { createCluster } from './cluster'
export type { Cluster, ClusterOptions, NodeSpec } from './cluster'
export type { ApiRequest, ApiResponse } from './apiserver/request'
export type { WatchEvent, WatchHandler } from './apiserver/watch'
export type { KubeObject, StoredObject, Status, KubeList } from './api/types'
