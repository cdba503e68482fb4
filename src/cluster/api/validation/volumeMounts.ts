/**
 * A container's volumeMounts and volumeDevices, checked against the pod's volumes.
 * Mirrors pkg/apis/core/validation/validation.go ValidateVolumeMounts and ValidateVolumeDevices
 */
import {
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { bool, list, obj, optStr, str, type Obj } from './objectMeta'
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths'
import type { VolumeSources } from './volumes'

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
