/**
 * Creating and deleting a controller's pods through the API, with the controller's events.
 * Mirrors pkg/controller/controller_utils.go (RealPodControl: GetPodFromTemplate,
 * getPodsPrefix, createPods, DeletePod)
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { OwnerReference } from 'kubernetes-types/meta/v1'
import type { KubeObject, Status, StoredObject } from '../../api/types'
import { deepCopy } from '../../util/json'
import type { Client } from '../runtime/apiClient'
import type { EventRecorder } from '../runtime/events'
import { hasStatusCause, isNotFound, namespaceTerminatingCause, statusText } from './errors'

/** Event reasons of pod control (FailedCreatePodReason and friends). */
export const reasons = {
  failedCreate: 'FailedCreate',
  successfulCreate: 'SuccessfulCreate',
  failedDelete: 'FailedDelete',
  successfulDelete: 'SuccessfulDelete',
} as const

/** getPodsPrefix: "<name>-", or the bare name when the dash would make it too long. */
export function podsPrefix(controllerName: string): string {
  // ValidatePodName(prefix, true) masks the trailing dash, so only the length can fail here.
  const prefix = `${controllerName}-`
  return prefix.length > 253 ? controllerName : prefix
}

/** GetPodFromTemplate: the pod a controller creates from its template. */
export function podFromTemplate(
  template: PodTemplateSpec | undefined,
  parentName: string,
  controllerRef: OwnerReference,
): KubeObject {
  const meta = template?.metadata ?? {}
  const metadata: Record<string, unknown> = { generateName: podsPrefix(parentName) }
  // Go's empty maps and slices are omitted when the pod is encoded (omitempty).
  if (meta.labels && Object.keys(meta.labels).length) metadata.labels = { ...meta.labels }
  if (meta.annotations && Object.keys(meta.annotations).length)
    metadata.annotations = { ...meta.annotations }
  metadata.ownerReferences = [controllerRef]
  if (meta.finalizers?.length) metadata.finalizers = [...meta.finalizers]
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: deepCopy(template?.spec ?? {}) }
}

/** The outcome of a create or delete: undefined on success, else the error text (and Status). */
export type PodControlError = { message: string; status?: Status } | undefined

/** Pod control for one controller: creates and deletes pods and records events on the owner. */
export interface PodControl {
  createPod(
    namespace: string,
    template: PodTemplateSpec | undefined,
    owner: StoredObject,
    controllerRef: OwnerReference,
  ): PodControlError
  deletePod(namespace: string, name: string, owner: StoredObject): PodControlError
}

/** Create pod control over a client and an event recorder. */
export function createPodControl(client: Client, recorder: EventRecorder): PodControl {
  return {
    createPod(namespace, template, owner, controllerRef) {
      const pod = podFromTemplate(template, owner.metadata.name, controllerRef)
      const labels = (pod.metadata as { labels?: Record<string, string> }).labels
      if (!labels || Object.keys(labels).length === 0)
        return { message: 'unable to create pods, no labels' }
      const res = client.create('Pod', namespace, pod)
      if (!res.ok) {
        // Only send an event if the namespace isn't terminating.
        if (!hasStatusCause(res.status, namespaceTerminatingCause))
          recorder.event(
            owner,
            'Warning',
            reasons.failedCreate,
            `Error creating: ${statusText(res.status)}`,
          )
        return { message: statusText(res.status), status: res.status }
      }
      recorder.event(
        owner,
        'Normal',
        reasons.successfulCreate,
        `Created pod: ${res.object.metadata.name}`,
      )
      return undefined
    },
    deletePod(namespace, name, owner) {
      const res = client.delete('Pod', namespace, name)
      if (!res.ok) {
        if (isNotFound(res.status)) return { message: statusText(res.status), status: res.status }
        recorder.event(
          owner,
          'Warning',
          reasons.failedDelete,
          `Error deleting: ${statusText(res.status)}`,
        )
        return { message: `unable to delete pods: ${statusText(res.status)}`, status: res.status }
      }
      recorder.event(owner, 'Normal', reasons.successfulDelete, `Deleted pod: ${name}`)
      return undefined
    },
  }
}
