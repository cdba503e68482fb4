/**
 * DefaultTolerationSeconds: every pod tolerates node.kubernetes.io/not-ready and
 * node.kubernetes.io/unreachable NoExecute taints for 300 seconds unless it says otherwise.
 * Mirrors plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
import { isObject } from '../../util/json'
import type { Status } from '../../api/types'
import type { AdmissionAttributes, AdmissionPlugin } from './attributes'

/** The plugin's upstream name. */
export const defaultTolerationSecondsPluginName = 'DefaultTolerationSeconds'
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const defaultTolerationSeconds = 300
/** v1.TaintNodeNotReady */
export const taintNodeNotReady = 'node.kubernetes.io/not-ready'
/** v1.TaintNodeUnreachable */
export const taintNodeUnreachable = 'node.kubernetes.io/unreachable'

function tolerates(t: Record<string, unknown>, key: string): boolean {
  const keyMatches = t.key === key || t.key === undefined || t.key === null || t.key === ''
  const effectMatches =
    t.effect === 'NoExecute' || t.effect === undefined || t.effect === null || t.effect === ''
  return keyMatches && effectMatches
}

function admit(a: AdmissionAttributes): Status | undefined {
  if (a.resource !== 'pods' || a.group !== '' || a.subresource !== '' || !a.object) return undefined
  const pod = a.object
  if (!isObject(pod.spec)) pod.spec = {}
  const spec = pod.spec as Record<string, unknown>
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : []
  const given = tolerations.filter(isObject)
  const added: Record<string, unknown>[] = []
  for (const key of [taintNodeNotReady, taintNodeUnreachable]) {
    if (!given.some((t) => tolerates(t, key))) {
      added.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: defaultTolerationSeconds,
      })
    }
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added]
  return undefined
}

/** The DefaultTolerationSeconds admission plugin (pods, CREATE and UPDATE). */
export const defaultTolerationSecondsAdmission: AdmissionPlugin = {
  name: defaultTolerationSecondsPluginName,
  operations: ['CREATE', 'UPDATE'],
  admit,
}
