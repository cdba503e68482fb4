/** The ReplicaSet controller and the pieces the Deployment controller shares with it. */
export {
  startReplicaSetController,
  replicaSetControllerName,
  defaultBurstReplicas,
  type ReplicaSetController,
  type ReplicaSetControllerOptions,
} from './replicaSetController'
