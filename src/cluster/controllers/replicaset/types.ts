/**
 * The object shapes the ReplicaSet and Deployment controllers read from their informers:
 * kubernetes-types shapes whose metadata the store always fills in.
 */
import type {
  Deployment as DeploymentType,
  ReplicaSet as ReplicaSetType,
} from 'kubernetes-types/apps/v1'
import type { Pod as PodType } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'

/** A stored ReplicaSet. */
export type ReplicaSet = ReplicaSetType & StoredObject

/** A stored Pod. */
export type Pod = PodType & StoredObject

/** A stored Deployment. */
export type Deployment = DeploymentType & StoredObject

/** apps/v1, the group/version of ReplicaSets and Deployments and of their controller references. */
export const appsV1 = 'apps/v1'
