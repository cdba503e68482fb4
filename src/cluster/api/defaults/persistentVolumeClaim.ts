/**
 * Defaults of a PersistentVolumeClaim.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim and
 * SetDefaults_PersistentVolumeClaimSpec.
 */
import type { KubeObject } from '../types'
import { defaultPersistentVolumeClaimSpec } from './volume'
import { defaultString, ensureChild } from './walk'

/** Default a PersistentVolumeClaim in place (status.phase Pending, volumeMode Filesystem). */
export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const status = ensureChild(obj, 'status')
  if (status) defaultString(status, 'phase', 'Pending')
  const spec = ensureChild(obj, 'spec')
  if (spec) defaultPersistentVolumeClaimSpec(spec)
}
