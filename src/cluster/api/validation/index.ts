/**
 * The registry of validators: which create, update and status-update checks the API
 * server runs for each kind, after defaulting, as the kind's REST strategy would.
 * Mirrors the Validate / ValidateUpdate methods of pkg/registry/<group>/<resource>/strategy.go
 */
import type { Pod } from 'kubernetes-types/core/v1'
import type { FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateConfigMap, validateConfigMapUpdate } from './configMap'
import {
  validateDeployment,
  validateDeploymentStatusUpdate,
  validateDeploymentUpdate,
} from './deployment'
import { validateEndpoints, validateEndpointsUpdate } from './endpoints'
import { validateEvent, validateEventUpdate } from './event'
import {
  validateHorizontalPodAutoscaler,
  validateHorizontalPodAutoscalerStatusUpdate,
  validateHorizontalPodAutoscalerUpdate,
} from './horizontalPodAutoscaler'
import { validateIngress, validateIngressStatusUpdate, validateIngressUpdate } from './ingress'
import { validateLease, validateLeaseUpdate } from './lease'
import {
  validateNamespace,
  validateNamespaceFinalizeUpdate,
  validateNamespaceStatusUpdate,
  validateNamespaceUpdate,
} from './namespace'
import { validateNode, validateNodeStatusUpdate, validateNodeUpdate } from './node'
import { validatePod } from './pod'
import { validatePodStatusUpdate } from './podStatusUpdate'
import { validatePodUpdate } from './podUpdate'
import {
  validateReplicaSet,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
} from './replicaSet'
import { validateSecret, validateSecretUpdate } from './secret'
import { validateService, validateServiceStatusUpdate, validateServiceUpdate } from './service'
import { validateServiceAccount, validateServiceAccountUpdate } from './serviceAccount'

/** A kind's validation: create, update of the main resource, and the subresources it has. */
export interface KindValidator {
  /** The strategy's Validate: a new object. */
  validate(obj: KubeObject): FieldError[]
  /** The strategy's ValidateUpdate: a PUT or PATCH of the main resource. */
  validateUpdate(newObj: KubeObject, oldObj: KubeObject): FieldError[]
  /** The status strategy's ValidateUpdate, for kinds with a /status subresource. */
  validateStatusUpdate?(newObj: KubeObject, oldObj: KubeObject): FieldError[]
  /** The finalize strategy's ValidateUpdate (Namespace's /finalize subresource). */
  validateFinalizeUpdate?(newObj: KubeObject, oldObj: KubeObject): FieldError[]
}

// Pods arrive as KubeObject; the pod validators read them through kubernetes-types' Pod and check
// every field defensively.
const asPod = (o: KubeObject): Pod => o as Pod

const validators: Record<string, KindValidator> = {
  Namespace: {
    validate: validateNamespace,
    validateUpdate: validateNamespaceUpdate,
    validateStatusUpdate: validateNamespaceStatusUpdate,
    validateFinalizeUpdate: validateNamespaceFinalizeUpdate,
  },
  Node: {
    validate: validateNode,
    validateUpdate: validateNodeUpdate,
    validateStatusUpdate: validateNodeStatusUpdate,
  },
  Pod: {
    validate: (o) => validatePod(asPod(o)),
    validateUpdate: (n, o) => validatePodUpdate(asPod(n), asPod(o)),
    validateStatusUpdate: (n, o) => validatePodStatusUpdate(asPod(n), asPod(o)),
  },
  Service: {
    validate: validateService,
    validateUpdate: validateServiceUpdate,
    validateStatusUpdate: validateServiceStatusUpdate,
  },
  Endpoints: { validate: validateEndpoints, validateUpdate: validateEndpointsUpdate },
  ConfigMap: { validate: validateConfigMap, validateUpdate: validateConfigMapUpdate },
  Secret: { validate: validateSecret, validateUpdate: validateSecretUpdate },
  Event: { validate: validateEvent, validateUpdate: validateEventUpdate },
  ServiceAccount: {
    validate: validateServiceAccount,
    validateUpdate: validateServiceAccountUpdate,
  },
  ReplicaSet: {
    validate: validateReplicaSet,
    validateUpdate: validateReplicaSetUpdate,
    validateStatusUpdate: validateReplicaSetStatusUpdate,
  },
  Deployment: {
    validate: validateDeployment,
    validateUpdate: validateDeploymentUpdate,
    validateStatusUpdate: validateDeploymentStatusUpdate,
  },
  HorizontalPodAutoscaler: {
    validate: validateHorizontalPodAutoscaler,
    validateUpdate: validateHorizontalPodAutoscalerUpdate,
    validateStatusUpdate: validateHorizontalPodAutoscalerStatusUpdate,
  },
  Ingress: {
    validate: validateIngress,
    validateUpdate: validateIngressUpdate,
    validateStatusUpdate: validateIngressStatusUpdate,
  },
  Lease: { validate: validateLease, validateUpdate: validateLeaseUpdate },
}

/** The validator for a kind, or undefined for kinds served without validation. */
export function validatorFor(kind: string): KindValidator | undefined {
  return Object.prototype.hasOwnProperty.call(validators, kind) ? validators[kind] : undefined
}
