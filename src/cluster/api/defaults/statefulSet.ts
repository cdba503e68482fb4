/**
 * Defaults of an apps/v1 StatefulSet.
 * Mirrors pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on
 * by default since 1.27) and zz_generated.defaults.go for the templates.
 */
import type { KubeObject } from '../types'
import { defaultPersistentVolumeClaim } from './persistentVolumeClaim'
import { defaultPodTemplateSpec } from './podSpec'
import { child, defaultPointer, defaultString, ensureChild, isEmptyString, items } from './walk'

/** Default a StatefulSet in place. */
export function defaultStatefulSet(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultString(spec, 'podManagementPolicy', 'OrderedReady')
  const updateStrategy = ensureChild(spec, 'updateStrategy')
  if (updateStrategy) {
    if (isEmptyString(updateStrategy.type)) {
      updateStrategy.type = 'RollingUpdate'
      ensureChild(updateStrategy, 'rollingUpdate')
    }
    const rollingUpdate =
      updateStrategy.type === 'RollingUpdate' ? child(updateStrategy, 'rollingUpdate') : undefined
    if (rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0)
  }
  const retention = ensureChild(spec, 'persistentVolumeClaimRetentionPolicy')
  if (retention) {
    defaultString(retention, 'whenDeleted', 'Retain')
    defaultString(retention, 'whenScaled', 'Retain')
  }
  defaultPointer(spec, 'replicas', 1)
  defaultPointer(spec, 'revisionHistoryLimit', 10)
  defaultPodTemplateSpec(ensureChild(spec, 'template'))
  // Each claim template is defaulted as a whole PersistentVolumeClaim, status.phase included.
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    const metadata = ensureChild(claim, 'metadata')
    if (metadata && !('creationTimestamp' in metadata)) metadata.creationTimestamp = null
    defaultPersistentVolumeClaim(claim)
  }
}
