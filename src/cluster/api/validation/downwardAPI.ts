/**
 * Downward API selectors (fieldRef and resourceFieldRef), shared by env and downwardAPI volumes.
 * Mirrors pkg/apis/core/validation/validation.go validateObjectFieldSelector and
 * validateContainerResourceFieldSelector
 */
import { invalid, notSupported, required, type FieldError, type FieldPath } from '../field'
import { isQualifiedName } from './names'
import { str, type Obj } from './objectMeta'
import { validateContainerResourceDivisor } from './resources'

/** The fieldRef paths an env var may read. */
export const validEnvDownwardAPIFieldPathExpressions = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]
/** The fieldRef paths a downwardAPI volume file may read. */
export const validVolumeDownwardAPIFieldPathExpressions = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
]

// Mirrors pkg/fieldpath/fieldpath.go SplitMaybeSubscriptedPath
function splitMaybeSubscriptedPath(fieldPath: string): [string, string, boolean] {
  if (!fieldPath.endsWith("']")) return [fieldPath, '', false]
  const s = fieldPath.slice(0, -2)
  const at = s.indexOf("['")
  if (at <= 0) return [fieldPath, '', false]
  return [s.slice(0, at), s.slice(at + 2), true]
}

// Mirrors pkg/apis/core/pods/helpers.go ConvertDownwardAPIFieldLabel
const convertibleFieldLabels = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
])
function convertDownwardAPIFieldLabel(
  version: string,
  label: string,
): { path: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` }
  const [path, , ok] = splitMaybeSubscriptedPath(label)
  if (ok) {
    return path === 'metadata.annotations' || path === 'metadata.labels'
      ? { path: label }
      : { error: `field label does not support subscript: ${label}` }
  }
  if (convertibleFieldLabels.has(label)) return { path: label }
  if (label === 'spec.host') return { path: 'spec.nodeName' }
  return { error: `field label not supported: ${label}` }
}

/** validateObjectFieldSelector: a convertible fieldPath among the allowed expressions. */
export function validateObjectFieldSelector(
  fs: Obj,
  expressions: readonly string[],
  fldPath: FieldPath,
): FieldError[] {
  const apiVersion = str(fs.apiVersion)
  const fieldPath = str(fs.fieldPath)
  if (apiVersion === '') return [required(fldPath.child('apiVersion'))]
  if (fieldPath === '') return [required(fldPath.child('fieldPath'))]
  const converted = convertDownwardAPIFieldLabel(apiVersion, fieldPath)
  if ('error' in converted) {
    return [
      invalid(
        fldPath.child('fieldPath'),
        fieldPath,
        `error converting fieldPath: ${converted.error}`,
      ),
    ]
  }
  const [path, subscript, ok] = splitMaybeSubscriptedPath(converted.path)
  if (ok) {
    if (path === 'metadata.annotations')
      return isQualifiedName(subscript.toLowerCase()).map((m) =>
        invalid(fldPath, subscript.toLowerCase(), m),
      )
    if (path === 'metadata.labels')
      return isQualifiedName(subscript).map((m) => invalid(fldPath, subscript, m))
    return [invalid(fldPath, path, 'does not support subscript')]
  }
  return expressions.includes(path)
    ? []
    : [notSupported(fldPath.child('fieldPath'), path, expressions)]
}

const validContainerResourceFieldPathExpressions = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
]

/** validateContainerResourceFieldSelector: a known resource and divisor (a volume also names the container). */
export function validateContainerResourceFieldSelector(
  fs: Obj,
  fldPath: FieldPath,
  volume: boolean,
): FieldError[] {
  const errs: FieldError[] = []
  const resource = str(fs.resource)
  if (volume && str(fs.containerName) === '') {
    errs.push(required(fldPath.child('containerName')))
  } else if (resource === '') {
    errs.push(required(fldPath.child('resource')))
  } else if (!validContainerResourceFieldPathExpressions.includes(resource)) {
    if (!resource.startsWith('requests.hugepages-') && !resource.startsWith('limits.hugepages-')) {
      errs.push(
        notSupported(
          fldPath.child('resource'),
          resource,
          validContainerResourceFieldPathExpressions,
        ),
      )
    }
  }
  errs.push(...validateContainerResourceDivisor(resource, fs.divisor, fldPath))
  return errs
}
