/**
 * Pod volume validation: names and exactly one well-formed source per volume.
 * Mirrors pkg/apis/core/validation/validation.go ValidateVolumes, validateVolumeSource and
 * the per-source validators
 */
import {
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import {
  validateContainerResourceFieldSelector,
  validateObjectFieldSelector,
  validVolumeDownwardAPIFieldPathExpressions,
} from './downwardAPI'
import { isDNS1123Label } from './names'
import { list, num, obj, optNum, optObj, optStr, str, type Obj } from './objectMeta'
import { validateLocalNonReservedPath, validatePathNoBacksteps } from './paths'
import { validateNonnegativeQuantityString } from './resources'

/** Valid volumes by name: what volumeMounts may refer to (invalid volumes are left out, as upstream). */
export type VolumeSources = Map<string, Obj>

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
