/**
 * Defaults of a PersistentVolume.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume (+ SetDefaults_HostPathVolumeSource).
 */
import type { KubeObject } from '../types'
import { defaultHostPath } from './volume'
import { child, defaultPointer, defaultString, ensureChild } from './walk'

/** Default a PersistentVolume in place. */
export function defaultPersistentVolume(obj: KubeObject): void {
  const status = ensureChild(obj, 'status')
  if (status) defaultString(status, 'phase', 'Pending')
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain')
  defaultPointer(spec, 'volumeMode', 'Filesystem')
  const hostPath = child(spec, 'hostPath')
  if (hostPath) defaultHostPath(hostPath)
}
