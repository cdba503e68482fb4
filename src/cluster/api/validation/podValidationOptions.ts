/**
 * PodValidationOptions: what differs between validating a Pod and a PodSpec in a template.
 * Mirrors pkg/apis/core/validation/validation.go PodValidationOptions
 */

/** PodValidationOptions: what differs between a Pod and a PodSpec embedded in a template. */
export interface PodValidationOptions {
  /** The spec belongs to a Pod (hostNetwork pods must then have hostPort == containerPort). */
  resourceIsPod: boolean
  /** Skip label-value checks in pod (anti-)affinity selectors (updates of old objects). */
  allowInvalidLabelValueInSelector: boolean
}

/** The options for a PodSpec inside a template (Deployment, ReplicaSet, PodTemplate). */
export const templateOptions: PodValidationOptions = {
  resourceIsPod: false,
  allowInvalidLabelValueInSelector: false,
}

/** The options for a Pod's own spec. */
export const podOptions: PodValidationOptions = {
  resourceIsPod: true,
  allowInvalidLabelValueInSelector: false,
}
