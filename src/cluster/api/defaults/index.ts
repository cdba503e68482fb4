/**
 * API defaulting: what the API server fills in on decode, before admission and validation.
 * One file per kind, each mirroring the upstream SetDefaults_* functions as the generated
 * zz_generated.defaults.go calls them (Kubernetes 1.32).
 */
import type { KubeObject } from '../types'
import { defaultDeployment } from './deployment'
import { defaultEndpoints } from './endpoints'
import { defaultHorizontalPodAutoscaler } from './horizontalPodAutoscaler'
import { defaultNamespace } from './namespace'
import { defaultNode } from './node'
import { defaultPod } from './pod'
import { defaultReplicaSet } from './replicaSet'
import { defaultSecret } from './secret'
import { defaultService } from './service'

export { addNamespaceFinalizerOnCreate, labelMetadataName } from './namespace'
export { defaultImagePullPolicy, imageTag, parseImageReference } from './imageReference'
export { defaultPodSpec, defaultPodTemplateSpec } from './podSpec'

/** A defaulting function: mutates the object it is given. */
export type Defaulter = (obj: KubeObject) => void

const none: Defaulter = () => {}

/**
 * The defaulter of each kind the API server serves (apiserver/resources.ts). Kinds listed with
 * `none` have no defaults upstream (ConfigMap's SetDefaults_ConfigMap makes an empty data map,
 * which serializes to nothing); Binding has none either and, like any unlisted kind, is left alone.
 */
export const defaulters: Readonly<Record<string, Defaulter>> = {
  ConfigMap: none,
  Deployment: defaultDeployment,
  Endpoints: defaultEndpoints,
  Event: none,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  Ingress: none,
  Lease: none,
  Namespace: defaultNamespace,
  Node: defaultNode,
  Pod: defaultPod,
  ReplicaSet: defaultReplicaSet,
  Secret: defaultSecret,
  Service: defaultService,
  ServiceAccount: none,
}

/** Apply the API server's defaults for kind to obj, in place (the caller passes its own copy). */
export function applyDefaults(kind: string, obj: KubeObject): void {
  const defaulter = Object.prototype.hasOwnProperty.call(defaulters, kind)
    ? defaulters[kind]
    : undefined
  defaulter?.(obj)
}
