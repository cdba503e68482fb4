/**
 * Defaults of an apps/v1 DaemonSet.
 * Mirrors pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet (+ the pod template defaults).
 */
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { defaultPointer, defaultString, ensureChild } from './walk'

/** Default a DaemonSet in place. */
export function defaultDaemonSet(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  const updateStrategy = ensureChild(spec, 'updateStrategy')
  if (updateStrategy) {
    defaultString(updateStrategy, 'type', 'RollingUpdate')
    if (updateStrategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureChild(updateStrategy, 'rollingUpdate')
      if (rollingUpdate) {
        defaultPointer(rollingUpdate, 'maxUnavailable', 1)
        defaultPointer(rollingUpdate, 'maxSurge', 0)
      }
    }
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10)
  defaultPodTemplateSpec(ensureChild(spec, 'template'))
}
