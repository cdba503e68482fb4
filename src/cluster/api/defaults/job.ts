/**
 * Defaults of a batch/v1 Job.
 * Mirrors pkg/apis/batch/v1/defaults.go SetDefaults_Job as of 1.32 (JobPodReplacementPolicy is
 * on by default since 1.29) and SetDefaults_PodFailurePolicyOnPodConditionsPattern.
 */
import { isObject } from '../../util/json'
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { child, defaultPointer, defaultString, ensureChild, isNil, items } from './walk'

/** Default a Job in place. */
export function defaultJob(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  if (isNil(spec.completions) && isNil(spec.parallelism)) {
    spec.completions = 1
    spec.parallelism = 1
  }
  defaultPointer(spec, 'parallelism', 1)
  defaultPointer(spec, 'backoffLimit', 6)
  const template = child(spec, 'template')
  const templateMeta = template && child(template, 'metadata')
  const labels = templateMeta && child(templateMeta, 'labels')
  const meta = obj.metadata ?? {}
  if (labels && (!isObject(meta.labels) || Object.keys(meta.labels).length === 0)) {
    meta.labels = { ...(labels as Record<string, string>) }
    obj.metadata = meta
  }
  defaultPointer(spec, 'completionMode', 'NonIndexed')
  defaultPointer(spec, 'suspend', false)
  const podFailurePolicy = child(spec, 'podFailurePolicy')
  defaultPointer(spec, 'podReplacementPolicy', podFailurePolicy ? 'Failed' : 'TerminatingOrFailed')
  if (podFailurePolicy) {
    for (const rule of items(podFailurePolicy, 'rules')) {
      for (const pattern of items(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True')
    }
  }
  defaultPodTemplateSpec(ensureChild(spec, 'template'))
}
