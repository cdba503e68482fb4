/**
 * Defaults of a batch/v1 CronJob. The job template gets the pod template defaults only:
 * SetDefaults_Job is not applied to a JobTemplateSpec.
 * Mirrors pkg/apis/batch/v1/defaults.go SetDefaults_CronJob and zz_generated.defaults.go.
 */
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { defaultPointer, defaultString, ensureChild } from './walk'

/** Default a CronJob in place. */
export function defaultCronJob(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultString(spec, 'concurrencyPolicy', 'Allow')
  defaultPointer(spec, 'suspend', false)
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3)
  defaultPointer(spec, 'failedJobsHistoryLimit', 1)
  const jobTemplate = ensureChild(spec, 'jobTemplate')
  if (!jobTemplate) return
  const metadata = ensureChild(jobTemplate, 'metadata')
  if (metadata && !('creationTimestamp' in metadata)) metadata.creationTimestamp = null
  const jobSpec = ensureChild(jobTemplate, 'spec')
  if (jobSpec) defaultPodTemplateSpec(ensureChild(jobSpec, 'template'))
}
