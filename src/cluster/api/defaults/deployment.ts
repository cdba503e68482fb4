/**
 * Defaults of an apps/v1 Deployment.
 * Mirrors pkg/apis/apps/v1/defaults.go SetDefaults_Deployment (+ the pod template defaults).
 */
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { defaultPointer, defaultString, ensureChild } from './walk'

/** Default a Deployment in place. */
export function defaultDeployment(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultPointer(spec, 'replicas', 1)
  const strategy = ensureChild(spec, 'strategy')
  if (strategy) {
    defaultString(strategy, 'type', 'RollingUpdate')
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureChild(strategy, 'rollingUpdate')
      if (rollingUpdate) {
        defaultPointer(rollingUpdate, 'maxUnavailable', '25%')
        defaultPointer(rollingUpdate, 'maxSurge', '25%')
      }
    }
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10)
  defaultPointer(spec, 'progressDeadlineSeconds', 600)
  defaultPodTemplateSpec(ensureChild(spec, 'template'))
}
