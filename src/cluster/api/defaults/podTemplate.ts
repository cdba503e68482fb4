/**
 * Defaults of a PodTemplate object.
 * Mirrors pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_PodTemplate
 */
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'

/** Default a PodTemplate in place. */
export function defaultPodTemplate(obj: KubeObject): void {
  if (obj.template === undefined || obj.template === null) obj.template = {}
  defaultPodTemplateSpec(obj.template)
}
