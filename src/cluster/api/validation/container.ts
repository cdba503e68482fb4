/**
 * Container validation (names, images, ports, env, mounts, pull policy, security context)
 * and the pod volumes that mounts refer to.
 * Mirrors pkg/apis/core/validation/validation.go validateContainers, validateInitContainers,
 * validateContainerCommon, ValidateVolumes and their helpers
 */
import {
  duplicate,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import {
  isConfigMapKey,
  isDNS1123Label,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  nameIsDNSSubdomain,
} from './names'
import {
  bool,
  list,
  num,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  str,
  strList,
  type Obj,
} from './objectMeta'
import {
  validateLifecycle,
  validateLivenessProbe,
  validateReadinessProbe,
  validateStartupProbe,
} from './probe'
import {
  validateContainerResourceDivisor,
  validateContainerResourceRequirements,
  validateNonnegativeQuantityString,
} from './resources'

/** Valid volumes by name: what volumeMounts may refer to (invalid volumes are left out, as upstream). */
export type VolumeSources = Map<string, Obj>

// ---- paths ----

/** validatePathNoBacksteps: no '..' path element. */
export function validatePathNoBacksteps(targetPath: string, fldPath: FieldPath): FieldError[] {
  return targetPath.replace(/\\/g, '/').split('/').includes('..')
    ? [invalid(fldPath, targetPath, "must not contain '..'")]
    : []
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(targetPath: string, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (targetPath.startsWith('/')) errs.push(invalid(fldPath, targetPath, 'must be a relative path'))
  errs.push(...validatePathNoBacksteps(targetPath, fldPath))
  return errs
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with '..'. */
export function validateLocalNonReservedPath(targetPath: string, fldPath: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(targetPath, fldPath)
  // The '..' element check already caught "../x".
  if (targetPath.startsWith('..') && !targetPath.startsWith('../')) {
    errs.push(invalid(fldPath, targetPath, "must not start with '..'"))
  }
  return errs
}

// ---- downward API selectors (shared by env and downwardAPI volumes) ----

const validEnvDownwardAPIFieldPathExpressions = [
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
const validVolumeDownwardAPIFieldPathExpressions = [
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

function validateObjectFieldSelector(
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

function validateContainerResourceFieldSelector(
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

// ---- volumes ----

const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive'

function validateMode(mode: unknown, fldPath: FieldPath): FieldError[] {
  const m = optNum(mode)
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(fldPath, m, fileModeErrorMsg)] : []
}

function validateKeyToPath(kp: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (str(kp.key) === '') errs.push(required(fldPath.child('key')))
  if (str(kp.path) === '') errs.push(required(fldPath.child('path')))
  errs.push(...validateLocalNonReservedPath(str(kp.path), fldPath.child('path')))
  errs.push(...validateMode(kp.mode, fldPath.child('mode')))
  return errs
}

function validateItems(items: unknown, fldPath: FieldPath): FieldError[] {
  return list(items).flatMap((kp, i) => validateKeyToPath(obj(kp), fldPath.index(i)))
}

function validateDownwardAPIVolumeFile(file: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const path = str(file.path)
  if (path === '') errs.push(required(fldPath.child('path')))
  errs.push(...validateLocalNonReservedPath(path, fldPath.child('path')))
  const fieldRef = optObj(file.fieldRef)
  const resourceFieldRef = optObj(file.resourceFieldRef)
  if (fieldRef) {
    errs.push(
      ...validateObjectFieldSelector(
        fieldRef,
        validVolumeDownwardAPIFieldPathExpressions,
        fldPath.child('fieldRef'),
      ),
    )
    if (resourceFieldRef) {
      errs.push(
        invalid(
          fldPath,
          'resource',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      )
    }
  } else if (resourceFieldRef) {
    errs.push(
      ...validateContainerResourceFieldSelector(
        resourceFieldRef,
        fldPath.child('resourceFieldRef'),
        true,
      ),
    )
  } else {
    errs.push(required(fldPath, 'one of fieldRef and resourceFieldRef is required'))
  }
  errs.push(...validateMode(file.mode, fldPath.child('mode')))
  return errs
}

// sets.List order: sorted, the unset type first.
const supportedHostPathTypes = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
]

function validateHostPath(hp: Obj, fldPath: FieldPath): FieldError[] {
  const path = str(hp.path)
  if (path === '') return [required(fldPath.child('path'))]
  const errs = validatePathNoBacksteps(path, fldPath.child('path'))
  const type = optStr(hp.type)
  if (type !== undefined && !supportedHostPathTypes.includes(type)) {
    errs.push(notSupported(fldPath.child('type'), type, supportedHostPathTypes))
  }
  return errs
}

function validateProjected(projection: Obj, fldPath: FieldPath): FieldError[] {
  const errs = validateMode(projection.defaultMode, fldPath.child('defaultMode'))
  const allPaths = new Set<string>()
  // Upstream reports a repeated path on the projected volume itself, with the source's name as value.
  const notePath = (p: string, value: string): void => {
    if (p === '') return
    if (allPaths.has(p)) errs.push(invalid(fldPath, value, 'conflicting duplicate paths'))
    else allPaths.add(p)
  }
  list(projection.sources).forEach((raw, i) => {
    const source = obj(raw)
    const srcPath = fldPath.child('sources').index(i)
    let numSources = 0
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = optObj(source[kind])
      if (!ref) continue
      numSources++
      const projPath = srcPath.child(kind)
      if (str(ref.name) === '') errs.push(required(projPath.child('name')))
      list(ref.items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(obj(kp), projPath.child('items').index(j)))
        notePath(str(obj(kp).path), str(ref.name))
      })
    }
    const dapi = optObj(source.downwardAPI)
    if (dapi) {
      numSources++
      for (const file of list(dapi.items)) {
        errs.push(...validateDownwardAPIVolumeFile(obj(file), srcPath.child('downwardAPI')))
        notePath(str(obj(file).path), str(obj(file).path))
      }
    }
    const sat = optObj(source.serviceAccountToken)
    if (sat) {
      numSources++
      const projPath = srcPath.child('serviceAccountToken')
      const exp = num(sat.expirationSeconds)
      if (exp < 10 * 60) {
        errs.push(
          invalid(
            projPath.child('expirationSeconds'),
            exp,
            'may not specify a duration less than 10 minutes',
          ),
        )
      }
      if (exp > 2 ** 32) {
        errs.push(
          invalid(
            projPath.child('expirationSeconds'),
            exp,
            'may not specify a duration larger than 2^32 seconds',
          ),
        )
      }
      // Upstream reports the token path on the projected volume's path, not the source's.
      if (str(sat.path) === '') errs.push(required(fldPath.child('path')))
      else errs.push(...validateLocalNonReservedPath(str(sat.path), fldPath.child('path')))
    }
    if (optObj(source.clusterTrustBundle)) numSources++
    if (numSources > 1)
      errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'))
  })
  return errs
}

type SourceValidator = (src: Obj, fldPath: FieldPath) => FieldError[]
const noChecks: SourceValidator = () => []

// Upstream's order of volume sources and the path each reports "more than 1 volume type" on
// (two typos kept: cephFS and downwarAPI). Only the common sources are validated in depth.
const volumeSources: [key: string, forbiddenPath: string, validate: SourceValidator][] = [
  [
    'emptyDir',
    'emptyDir',
    (s, p) =>
      s.sizeLimit !== undefined && validateNonnegativeQuantityString(s.sizeLimit, p).length > 0
        ? [forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')]
        : [],
  ],
  ['hostPath', 'hostPath', validateHostPath],
  ['gitRepo', 'gitRepo', noChecks],
  ['gcePersistentDisk', 'gcePersistentDisk', noChecks],
  ['awsElasticBlockStore', 'awsElasticBlockStore', noChecks],
  [
    'secret',
    'secret',
    (s, p) => [
      ...(str(s.secretName) === '' ? [required(p.child('secretName'))] : []),
      ...validateMode(s.defaultMode, p.child('defaultMode')),
      ...validateItems(s.items, p.child('items')),
    ],
  ],
  ['nfs', 'nfs', noChecks],
  ['iscsi', 'iscsi', noChecks],
  ['glusterfs', 'glusterfs', noChecks],
  ['flocker', 'flocker', noChecks],
  [
    'persistentVolumeClaim',
    'persistentVolumeClaim',
    (s, p) => (str(s.claimName) === '' ? [required(p.child('claimName'))] : []),
  ],
  ['rbd', 'rbd', noChecks],
  ['cinder', 'cinder', noChecks],
  ['cephfs', 'cephFS', noChecks],
  ['quobyte', 'quobyte', noChecks],
  [
    'downwardAPI',
    'downwarAPI',
    (s, p) => [
      ...validateMode(s.defaultMode, p.child('defaultMode')),
      ...list(s.items).flatMap((f) => validateDownwardAPIVolumeFile(obj(f), p)),
    ],
  ],
  ['fc', 'fc', noChecks],
  ['flexVolume', 'flexVolume', noChecks],
  [
    'configMap',
    'configMap',
    (s, p) => [
      ...(str(s.name) === '' ? [required(p.child('name'))] : []),
      ...validateMode(s.defaultMode, p.child('defaultMode')),
      ...validateItems(s.items, p.child('items')),
    ],
  ],
  ['azureFile', 'azureFile', noChecks],
  ['vsphereVolume', 'vsphereVolume', noChecks],
  ['photonPersistentDisk', 'photonPersistentDisk', noChecks],
  ['portworxVolume', 'portworxVolume', noChecks],
  ['azureDisk', 'azureDisk', noChecks],
  ['storageos', 'storageos', noChecks],
  ['projected', 'projected', validateProjected],
  ['scaleIO', 'scaleIO', noChecks],
  ['csi', 'csi', noChecks],
  ['ephemeral', 'ephemeral', noChecks],
  ['image', 'image', noChecks],
]

function validateVolumeSource(vol: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let numVolumes = 0
  for (const [key, forbiddenPath, validate] of volumeSources) {
    const src = optObj(vol[key])
    if (!src) continue
    if (numVolumes > 0) {
      errs.push(forbidden(fldPath.child(forbiddenPath), 'may not specify more than 1 volume type'))
    } else {
      numVolumes++
      errs.push(...validate(src, fldPath.child(key)))
    }
  }
  if (numVolumes === 0) errs.push(required(fldPath, 'must specify a volume type'))
  return errs
}

/** ValidateVolumes: each volume named (DNS-1123 label, unique) with exactly one valid source. */
export function validateVolumes(
  volumes: unknown,
  fldPath: FieldPath,
): { vols: VolumeSources; errs: FieldError[] } {
  const errs: FieldError[] = []
  const vols: VolumeSources = new Map()
  list(volumes).forEach((raw, i) => {
    const vol = obj(raw)
    const idxPath = fldPath.index(i)
    const namePath = idxPath.child('name')
    const name = str(vol.name)
    const el = validateVolumeSource(vol, idxPath)
    if (name === '') el.push(required(namePath))
    else el.push(...isDNS1123Label(name).map((m) => invalid(namePath, name, m)))
    if (vols.has(name)) el.push(duplicate(namePath, name))
    if (el.length === 0) vols.set(name, vol)
    else errs.push(...el)
  })
  return { vols, errs }
}

// ---- container pieces ----

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP']

/** validateContainerPorts: IANA port names unique per container, ports in range, a known protocol. */
export function validateContainerPorts(ports: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const allNames = new Set<string>()
  list(ports).forEach((raw, i) => {
    const port = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(port.name)
    if (name !== '') {
      const msgs = isValidPortName(name)
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(idxPath.child('name'), name, m)))
      else if (allNames.has(name)) errs.push(duplicate(idxPath.child('name'), name))
      else allNames.add(name)
    }
    const containerPort = num(port.containerPort)
    if (containerPort === 0) errs.push(required(idxPath.child('containerPort')))
    else
      errs.push(
        ...isValidPortNum(containerPort).map((m) =>
          invalid(idxPath.child('containerPort'), containerPort, m),
        ),
      )
    const hostPort = num(port.hostPort)
    if (hostPort !== 0)
      errs.push(
        ...isValidPortNum(hostPort).map((m) => invalid(idxPath.child('hostPort'), hostPort, m)),
      )
    const protocol = str(port.protocol)
    if (protocol === '') errs.push(required(idxPath.child('protocol')))
    else if (!supportedPortProtocols.includes(protocol)) {
      errs.push(notSupported(idxPath.child('protocol'), protocol, supportedPortProtocols))
    }
  })
  return errs
}

function validateKeySelector(s: Obj, fldPath: FieldPath): FieldError[] {
  const name = str(s.name)
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalid(fldPath.child('name'), name, m))
  const key = str(s.key)
  if (key === '') errs.push(required(fldPath.child('key')))
  else errs.push(...isConfigMapKey(key).map((m) => invalid(fldPath.child('key'), key, m)))
  return errs
}

function validateEnvVarValueFrom(ev: Obj, fldPath: FieldPath): FieldError[] {
  const from = optObj(ev.valueFrom)
  if (!from) return []
  const errs: FieldError[] = []
  let numSources = 0
  const fieldRef = optObj(from.fieldRef)
  if (fieldRef) {
    numSources++
    errs.push(
      ...validateObjectFieldSelector(
        fieldRef,
        validEnvDownwardAPIFieldPathExpressions,
        fldPath.child('fieldRef'),
      ),
    )
  }
  const resourceFieldRef = optObj(from.resourceFieldRef)
  if (resourceFieldRef) {
    numSources++
    errs.push(
      ...validateContainerResourceFieldSelector(
        resourceFieldRef,
        fldPath.child('resourceFieldRef'),
        false,
      ),
    )
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef']) {
    const ref = optObj(from[kind])
    if (!ref) continue
    numSources++
    errs.push(...validateKeySelector(ref, fldPath.child(kind)))
  }
  if (numSources === 0) {
    errs.push(
      invalid(
        fldPath,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    )
  } else if (str(ev.value) !== '') {
    errs.push(invalid(fldPath, '', 'may not be specified when `value` is not empty'))
  } else if (numSources > 1) {
    errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  }
  return errs
}

/** ValidateEnv: names required and printable (RelaxedEnvironmentVariableValidation), valueFrom well formed. */
export function validateEnv(vars: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(vars).forEach((raw, i) => {
    const ev = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(ev.name)
    if (name === '') errs.push(required(idxPath.child('name')))
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(idxPath.child('name'), name, m)))
    errs.push(...validateEnvVarValueFrom(ev, idxPath.child('valueFrom')))
  })
  return errs
}

/** ValidateEnvFrom: one of configMapRef or secretRef, with a valid name and prefix. */
export function validateEnvFrom(vars: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(vars).forEach((raw, i) => {
    const ev = obj(raw)
    const idxPath = fldPath.index(i)
    const prefix = str(ev.prefix)
    if (prefix !== '')
      errs.push(
        ...isRelaxedEnvVarName(prefix).map((m) => invalid(idxPath.child('prefix'), prefix, m)),
      )
    let numSources = 0
    for (const kind of ['configMapRef', 'secretRef']) {
      const ref = optObj(ev[kind])
      if (!ref) continue
      numSources++
      const name = str(ref.name)
      if (name === '') errs.push(required(idxPath.child(kind, 'name')))
      else
        errs.push(
          ...nameIsDNSSubdomain(name, true).map((m) =>
            invalid(idxPath.child(kind, 'name'), name, m),
          ),
        )
    }
    // Upstream reports these on envFrom itself, not the item.
    if (numSources === 0)
      errs.push(invalid(fldPath, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (numSources > 1)
      errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  })
  return errs
}

const supportedMountPropagations = ['Bidirectional', 'HostToContainer', 'None']
const supportedRecursiveReadOnly = ['Disabled', 'Enabled', 'IfPossible']

function isPrivileged(ctr: Obj): boolean {
  return bool(obj(ctr.securityContext).privileged)
}

/** ValidateVolumeMounts: each mount names a valid volume and a unique mountPath. */
export function validateVolumeMounts(
  mounts: unknown,
  devices: Map<string, string>,
  vols: VolumeSources,
  ctr: Obj,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const mountpoints = new Set<string>()
  list(mounts).forEach((raw, i) => {
    const mnt = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(mnt.name)
    const mountPath = str(mnt.mountPath)
    if (name === '') errs.push(required(idxPath.child('name')))
    if (!vols.has(name)) errs.push(notFound(idxPath.child('name'), name))
    if (mountPath === '') errs.push(required(idxPath.child('mountPath')))
    if (mountpoints.has(mountPath))
      errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must be unique'))
    mountpoints.add(mountPath)
    if (devices.has(name))
      errs.push(invalid(idxPath.child('name'), name, 'must not already exist in volumeDevices'))
    if ([...devices.values()].includes(mountPath)) {
      errs.push(
        invalid(
          idxPath.child('mountPath'),
          mountPath,
          'must not already exist as a path in volumeDevices',
        ),
      )
    }
    const subPath = str(mnt.subPath)
    const subPathExpr = str(mnt.subPathExpr)
    if (vols.get(name)?.image !== undefined) {
      if (subPath !== '')
        errs.push(invalid(idxPath.child('subPath'), subPath, 'not allowed in image volume sources'))
      if (subPathExpr !== '')
        errs.push(
          invalid(idxPath.child('subPathExpr'), subPathExpr, 'not allowed in image volume sources'),
        )
    }
    // Upstream reports subPath problems on volumeMounts.subPath, without the index.
    if (subPath !== '') errs.push(...validateLocalDescendingPath(subPath, fldPath.child('subPath')))
    if (subPathExpr !== '') {
      if (subPath !== '') {
        errs.push(
          invalid(
            idxPath.child('subPathExpr'),
            subPathExpr,
            'subPathExpr and subPath are mutually exclusive',
          ),
        )
      }
      errs.push(...validateLocalDescendingPath(subPathExpr, fldPath.child('subPathExpr')))
    }
    const propagation = optStr(mnt.mountPropagation)
    if (propagation !== undefined) {
      const p = fldPath.child('mountPropagation')
      if (!supportedMountPropagations.includes(propagation))
        errs.push(notSupported(p, propagation, supportedMountPropagations))
      if (propagation === 'Bidirectional' && !isPrivileged(ctr)) {
        errs.push(
          forbidden(
            p,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        )
      }
    }
    const rro = optStr(mnt.recursiveReadOnly)
    if (rro !== undefined && rro !== 'Disabled') {
      const p = fldPath.child('recursiveReadOnly')
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (!bool(mnt.readOnly))
          errs.push(forbidden(p, 'may only be specified when readOnly is true'))
        if (propagation !== undefined && propagation !== 'None') {
          errs.push(
            forbidden(p, 'may only be specified when mountPropagation is None or not specified'),
          )
        }
      } else {
        errs.push(notSupported(p, rro, supportedRecursiveReadOnly))
      }
    }
  })
  return errs
}

/** ValidateVolumeDevices: block devices come from PVC-backed volumes, names and paths unique. */
export function validateVolumeDevices(
  devices: unknown,
  mounts: Map<string, string>,
  vols: VolumeSources,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const devicePaths = new Set<string>()
  const deviceNames = new Set<string>()
  list(devices).forEach((raw, i) => {
    const dev = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(dev.name)
    const devPath = str(dev.devicePath)
    const src = vols.get(name)
    if (name === '') errs.push(required(idxPath.child('name')))
    if (deviceNames.has(name)) errs.push(invalid(idxPath.child('name'), name, 'must be unique'))
    if (src && src.persistentVolumeClaim === undefined && src.ephemeral === undefined) {
      errs.push(
        invalid(
          idxPath.child('name'),
          name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      )
    }
    if (!src) errs.push(notFound(idxPath.child('name'), name))
    if (devPath === '') errs.push(required(idxPath.child('devicePath')))
    if (devicePaths.has(devPath))
      errs.push(invalid(idxPath.child('devicePath'), devPath, 'must be unique'))
    if (devPath !== '' && validatePathNoBacksteps(devPath, idxPath).length > 0) {
      errs.push(invalid(idxPath.child('devicePath'), devPath, "can not contain backsteps ('..')"))
    } else {
      devicePaths.add(devPath)
    }
    if (mounts.has(name))
      errs.push(invalid(idxPath.child('name'), name, 'must not already exist in volumeMounts'))
    if ([...mounts.values()].includes(devPath)) {
      errs.push(
        invalid(
          idxPath.child('devicePath'),
          devPath,
          'must not already exist as a path in volumeMounts',
        ),
      )
    }
    if (name !== '') deviceNames.add(name)
  })
  return errs
}

const supportedPullPolicies = ['Always', 'IfNotPresent', 'Never']

/** validatePullPolicy: Always, IfNotPresent or Never (defaulting fills it in). */
export function validatePullPolicy(policy: string, fldPath: FieldPath): FieldError[] {
  if (supportedPullPolicies.includes(policy)) return []
  if (policy === '') return [required(fldPath)]
  return [notSupported(fldPath, policy, supportedPullPolicies)]
}

const supportedResizeResources = ['cpu', 'memory']
const supportedResizePolicies = ['NotRequired', 'RestartContainer']

function validateResizePolicy(
  policies: unknown,
  fldPath: FieldPath,
  podRestartPolicy: string,
): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  list(policies).forEach((raw, i) => {
    const p = obj(raw)
    const resourceName = str(p.resourceName)
    const restartPolicy = str(p.restartPolicy)
    if (seen.has(resourceName)) errs.push(duplicate(fldPath.index(i), resourceName))
    seen.add(resourceName)
    if (resourceName === '') errs.push(required(fldPath))
    else if (!supportedResizeResources.includes(resourceName))
      errs.push(notSupported(fldPath, resourceName, supportedResizeResources))
    if (restartPolicy === '') errs.push(required(fldPath))
    else if (!supportedResizePolicies.includes(restartPolicy))
      errs.push(notSupported(fldPath, restartPolicy, supportedResizePolicies))
    if (podRestartPolicy === 'Never' && restartPolicy !== 'NotRequired') {
      errs.push(
        invalid(fldPath, restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"),
      )
    }
  })
  return errs
}

const supportedSeccompTypes = ['Localhost', 'RuntimeDefault', 'Unconfined']

/** validateSeccompProfileField: a known type; localhostProfile exactly when type is Localhost. */
export function validateSeccompProfileField(profile: unknown, fldPath: FieldPath): FieldError[] {
  const sp = optObj(profile)
  if (!sp) return []
  const errs: FieldError[] = []
  const type = str(sp.type)
  if (type === '')
    errs.push(required(fldPath.child('type'), 'type is required when seccompProfile is set'))
  else if (!supportedSeccompTypes.includes(type))
    errs.push(notSupported(fldPath.child('type'), type, supportedSeccompTypes))
  const localhost = optStr(sp.localhostProfile)
  if (type === 'Localhost') {
    if (localhost === undefined) {
      errs.push(
        required(fldPath.child('localhostProfile'), 'must be set when seccomp type is Localhost'),
      )
    } else {
      errs.push(...validateLocalDescendingPath(localhost, fldPath.child('localhostProfile')))
    }
  } else if (localhost !== undefined) {
    errs.push(
      invalid(
        fldPath.child('localhostProfile'),
        sp,
        'can only be set when seccomp type is Localhost',
      ),
    )
  }
  return errs
}

/** The numeric id checks shared by pod and container security contexts. */
export function validateIDs(
  sc: Obj,
  fields: readonly ('runAsUser' | 'runAsGroup' | 'fsGroup')[],
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  for (const f of fields) {
    const v = optNum(sc[f])
    if (v === undefined) continue
    const msgs = f === 'runAsUser' ? isValidUserID(v) : isValidGroupID(v)
    errs.push(...msgs.map((m) => invalid(fldPath.child(f), v, m)))
  }
  return errs
}

// Privileged containers are allowed: kubeadm, kind and minikube all run kube-apiserver
// with --allow-privileged=true.
function validateSecurityContext(
  raw: unknown,
  fldPath: FieldPath,
  hostUsers: boolean,
): FieldError[] {
  const sc = optObj(raw)
  if (!sc) return []
  const errs = validateIDs(sc, ['runAsUser', 'runAsGroup'], fldPath)
  const procMount = optStr(sc.procMount)
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') {
      errs.push(notSupported(fldPath.child('procMount'), procMount, ['Default', 'Unmasked']))
    }
    if (hostUsers && procMount === 'Unmasked') {
      errs.push(
        invalid(
          fldPath.child('procMount'),
          procMount,
          '`hostUsers` must be false to use `Unmasked`',
        ),
      )
    }
  }
  errs.push(...validateSeccompProfileField(sc.seccompProfile, fldPath.child('seccompProfile')))
  if (optBool(sc.allowPrivilegeEscalation) === false) {
    if (optBool(sc.privileged) === true) {
      errs.push(
        invalid(
          fldPath,
          sc,
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        ),
      )
    }
    if (strList(obj(sc.capabilities).add).includes('CAP_SYS_ADMIN')) {
      errs.push(
        invalid(
          fldPath,
          sc,
          'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
        ),
      )
    }
  }
  return errs
}

/** What every container check needs to know about its pod. */
export interface ContainerContext {
  vols: VolumeSources
  podClaimNames: Set<string>
  gracePeriod: number | undefined
  restartPolicy: string
  hostUsers: boolean
}

function nameToPath(items: unknown, pathKey: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const raw of list(items)) m.set(str(obj(raw).name), str(obj(raw)[pathKey]))
  return m
}

const supportedTerminationMessagePolicies = ['File', 'FallbackToLogsOnError']

/** validateContainerCommon: the checks shared by regular and init containers. */
export function validateContainerCommon(
  ctr: Obj,
  ctx: ContainerContext,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const name = str(ctr.name)
  const namePath = path.child('name')
  if (name === '') errs.push(required(namePath))
  else errs.push(...isDNS1123Label(name).map((m) => invalid(namePath, name, m)))
  if (str(ctr.image) === '') errs.push(required(path.child('image')))
  const tmp = str(ctr.terminationMessagePolicy)
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy')))
  else if (!supportedTerminationMessagePolicies.includes(tmp)) {
    errs.push(
      notSupported(
        path.child('terminationMessagePolicy'),
        tmp,
        supportedTerminationMessagePolicies,
      ),
    )
  }
  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')))
  errs.push(...validateEnv(ctr.env, path.child('env')))
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')))
  errs.push(
    ...validateVolumeMounts(
      ctr.volumeMounts,
      nameToPath(ctr.volumeDevices, 'devicePath'),
      ctx.vols,
      ctr,
      path.child('volumeMounts'),
    ),
  )
  errs.push(
    ...validateVolumeDevices(
      ctr.volumeDevices,
      nameToPath(ctr.volumeMounts, 'mountPath'),
      ctx.vols,
      path.child('volumeDevices'),
    ),
  )
  errs.push(...validatePullPolicy(str(ctr.imagePullPolicy), path.child('imagePullPolicy')))
  errs.push(
    ...validateContainerResourceRequirements(
      ctr.resources,
      ctx.podClaimNames,
      path.child('resources'),
    ),
  )
  errs.push(
    ...validateResizePolicy(ctr.resizePolicy, path.child('resizePolicy'), ctx.restartPolicy),
  )
  errs.push(
    ...validateSecurityContext(ctr.securityContext, path.child('securityContext'), ctx.hostUsers),
  )
  return errs
}

/** AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple may be used once. */
export function checkHostPortConflicts(
  containers: readonly unknown[],
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((raw, ci) => {
    list(obj(raw).ports).forEach((rp, pi) => {
      const p = obj(rp)
      const hostPort = num(p.hostPort)
      if (hostPort === 0) return
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${hostPort}`
      if (seen.has(key))
        errs.push(duplicate(fldPath.index(ci).child('ports').index(pi).child('hostPort'), key))
      else seen.add(key)
    })
  })
  return errs
}

/** validateContainers: at least one, names unique, probes and lifecycle valid, host ports unique. */
export function validateContainers(
  containers: unknown,
  ctx: ContainerContext,
  fldPath: FieldPath,
): FieldError[] {
  const ctrs = list(containers)
  if (ctrs.length === 0) return [required(fldPath)]
  const errs: FieldError[] = []
  const allNames = new Set<string>()
  ctrs.forEach((raw, i) => {
    const ctr = obj(raw)
    const path = fldPath.index(i)
    errs.push(...validateContainerCommon(ctr, ctx, path))
    const name = str(ctr.name)
    if (allNames.has(name)) errs.push(duplicate(path.child('name'), name))
    else allNames.add(name)
    if (optObj(ctr.lifecycle))
      errs.push(...validateLifecycle(ctr.lifecycle, ctx.gracePeriod, path.child('lifecycle')))
    errs.push(
      ...validateLivenessProbe(ctr.livenessProbe, ctx.gracePeriod, path.child('livenessProbe')),
    )
    errs.push(
      ...validateReadinessProbe(ctr.readinessProbe, ctx.gracePeriod, path.child('readinessProbe')),
    )
    errs.push(
      ...validateStartupProbe(ctr.startupProbe, ctx.gracePeriod, path.child('startupProbe')),
    )
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      errs.push(forbidden(path.child('restartPolicy'), 'may not be set for non-init containers'))
    }
  })
  errs.push(...checkHostPortConflicts(ctrs, fldPath))
  return errs
}

/** validateInitContainers: names unique across all containers; probes only for sidecars (restartPolicy Always). */
export function validateInitContainers(
  initContainers: unknown,
  regularContainers: unknown,
  ctx: ContainerContext,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const allNames = new Set(list(regularContainers).map((c) => str(obj(c).name)))
  list(initContainers).forEach((raw, i) => {
    const ctr = obj(raw)
    const idxPath = fldPath.index(i)
    errs.push(...validateContainerCommon(ctr, ctx, idxPath))
    let restartAlways = false
    const rp = optStr(ctr.restartPolicy)
    if (rp !== undefined) {
      if (rp !== 'Always') errs.push(notSupported(idxPath.child('restartPolicy'), rp, ['Always']))
      restartAlways = rp === 'Always'
    }
    const name = str(ctr.name)
    if (allNames.has(name)) errs.push(duplicate(idxPath.child('name'), name))
    else if (name !== '') allNames.add(name)
    // Init containers run one by one, so each is checked alone (and reported at index 0, as upstream).
    errs.push(...checkHostPortConflicts([ctr], fldPath))
    if (restartAlways) {
      if (optObj(ctr.lifecycle))
        errs.push(...validateLifecycle(ctr.lifecycle, ctx.gracePeriod, idxPath.child('lifecycle')))
      errs.push(
        ...validateLivenessProbe(
          ctr.livenessProbe,
          ctx.gracePeriod,
          idxPath.child('livenessProbe'),
        ),
      )
      errs.push(
        ...validateReadinessProbe(
          ctr.readinessProbe,
          ctx.gracePeriod,
          idxPath.child('readinessProbe'),
        ),
      )
      errs.push(
        ...validateStartupProbe(ctr.startupProbe, ctx.gracePeriod, idxPath.child('startupProbe')),
      )
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (optObj(ctr[f]))
          errs.push(
            forbidden(
              idxPath.child(f),
              'may not be set for init containers without restartPolicy=Always',
            ),
          )
      }
    }
  })
  return errs
}

/** validateContainersOnlyForPod: a pod's (not a template's) images have no surrounding whitespace. */
export function validateContainersOnlyForPod(
  containers: unknown,
  fldPath: FieldPath,
): FieldError[] {
  return list(containers).flatMap((raw, i) => {
    const image = str(obj(raw).image)
    return image !== image.trim()
      ? [
          invalid(
            fldPath.index(i).child('image'),
            image,
            'must not have leading or trailing whitespace',
          ),
        ]
      : []
  })
}

/** ValidateContainerUpdates: same number of containers, each with a non-empty, trimmed image. */
export function validateContainerUpdates(
  newContainers: unknown,
  oldContainers: unknown,
  fldPath: FieldPath,
): { errs: FieldError[]; stop: boolean } {
  const ctrs = list(newContainers)
  if (ctrs.length !== list(oldContainers).length) {
    return {
      errs: [forbidden(fldPath, 'pod updates may not add or remove containers')],
      stop: true,
    }
  }
  const errs: FieldError[] = []
  ctrs.forEach((raw, i) => {
    const image = str(obj(raw).image)
    if (image === '') errs.push(required(fldPath.index(i).child('image')))
    if (image.trim() !== image)
      errs.push(
        invalid(
          fldPath.index(i).child('image'),
          image,
          'must not have leading or trailing whitespace',
        ),
      )
  })
  return { errs, stop: false }
}
