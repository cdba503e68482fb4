/**
 * ServiceAccount: pods run as a service account ("default" unless named), which must exist;
 * its API token is mounted as the projected kube-api-access-<random> volume in every container,
 * and its imagePullSecrets are copied to pods that name none.
 * Mirrors plugin/pkg/admission/serviceaccount/admission.go (1.32)
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1'
import { isObject } from '../../util/json'
import type { Status } from '../../api/types'
import {
  admissionForbidden,
  lookupServiceAccount,
  type AdmissionAttributes,
  type AdmissionContext,
  type AdmissionPlugin,
} from './attributes'

/** The plugin's upstream name. */
export const serviceAccountPluginName = 'ServiceAccount'
/** The service account of pods that name none. */
export const defaultServiceAccountName = 'default'
/** The prefix of the token volume's generated name. */
export const serviceAccountVolumeName = 'kube-api-access'
/** Where the token, CA bundle and namespace are mounted. */
export const defaultAPITokenMountPath = '/var/run/secrets/kubernetes.io/serviceaccount'
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds. */
export const warnOnlyBoundTokenExpirationSeconds = 3607
/** The annotation that marks a mirror (static) pod. */
export const mirrorPodAnnotationKey = 'kubernetes.io/config.mirror'

// names.SimpleNameGenerator: base + 5 random characters.
const randomLength = 5

type Obj = Record<string, unknown>

/** The projected volume source of the API token (TokenVolumeSource upstream), defaults spelled out. */
export function tokenVolumeSource(): Obj {
  return {
    // Set explicitly upstream because admission runs after defaulting (kubernetes#104464).
    defaultMode: 420,
    sources: [
      {
        serviceAccountToken: {
          expirationSeconds: warnOnlyBoundTokenExpirationSeconds,
          path: 'token',
        },
      },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [
            { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
          ],
        },
      },
    ],
  }
}

function objects(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObject) : []
}

// Mirrors shouldAutomount: the pod's choice, then the service account's, then true.
function shouldAutomount(sa: ServiceAccount, spec: Obj): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean')
    return spec.automountServiceAccountToken
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken
  return true
}

// Mirrors mountServiceAccountToken
function mountServiceAccountToken(spec: Obj, ctx: AdmissionContext): void {
  const volumes = objects(spec.volumes)
  const existing = volumes.find(
    (v) => typeof v.name === 'string' && v.name.startsWith(serviceAccountVolumeName + '-'),
  )
  const tokenVolumeName =
    typeof existing?.name === 'string'
      ? existing.name
      : `${serviceAccountVolumeName}-${ctx.random.string(randomLength)}`
  let needsTokenVolume = false
  for (const list of ['initContainers', 'containers']) {
    for (const c of objects(spec[list])) {
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : []
      // An existing mount at the token path prevents mounting the API token there.
      if (mounts.some((m) => isObject(m) && m.mountPath === defaultAPITokenMountPath)) continue
      c.volumeMounts = [
        ...mounts,
        { name: tokenVolumeName, readOnly: true, mountPath: defaultAPITokenMountPath },
      ]
      needsTokenVolume = true
    }
  }
  if (!existing && needsTokenVolume) {
    spec.volumes = [
      ...(Array.isArray(spec.volumes) ? spec.volumes : []),
      { name: tokenVolumeName, projected: tokenVolumeSource() },
    ]
  }
}

function admit(a: AdmissionAttributes, ctx: AdmissionContext): Status | undefined {
  if (a.resource !== 'pods' || a.group !== '' || a.subresource !== '' || !a.object) return undefined
  const pod = a.object
  const annotations = pod.metadata?.annotations
  // Mirror pods are the kubelet's; they are left untouched (their restrictions are validation's).
  if (annotations && mirrorPodAnnotationKey in annotations) return undefined
  if (!isObject(pod.spec)) pod.spec = {}
  const spec = pod.spec as Obj
  if (typeof spec.serviceAccountName !== 'string' || spec.serviceAccountName === '') {
    spec.serviceAccountName = defaultServiceAccountName
  }
  const saName = spec.serviceAccountName as string
  // The deprecated field is written back equal to serviceAccountName (v1 conversion).
  spec.serviceAccount = saName
  const sa = lookupServiceAccount(ctx, a.namespace, saName)
  if (!sa) {
    return admissionForbidden(
      a,
      `error looking up service account ${a.namespace}/${saName}: serviceaccount "${saName}" not found`,
    )
  }
  if (shouldAutomount(sa, spec)) mountServiceAccountToken(spec, ctx)
  const pullSecrets = Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []
  if (pullSecrets.length === 0 && sa.imagePullSecrets && sa.imagePullSecrets.length > 0) {
    spec.imagePullSecrets = sa.imagePullSecrets.map((s) => ({ name: s.name ?? '' }))
  }
  return undefined
}

/** The ServiceAccount admission plugin (pods, CREATE only). */
export const serviceAccountAdmission: AdmissionPlugin = {
  name: serviceAccountPluginName,
  operations: ['CREATE'],
  admit,
}
