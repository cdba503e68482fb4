/**
 * Container validation: regular and init containers, the checks they share, and the
 * pod-only and update-time image rules.
 * Mirrors pkg/apis/core/validation/validation.go validateContainers, validateInitContainers,
 * validateContainerCommon and ValidateContainerUpdates
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
import { checkHostPortConflicts, validateContainerPorts } from './containerPorts'
import { validateEnv, validateEnvFrom } from './env'
import { isDNS1123Label } from './names'
import { list, obj, optObj, optStr, str, type Obj } from './objectMeta'
import {
  validateLifecycle,
  validateLivenessProbe,
  validateReadinessProbe,
  validateStartupProbe,
} from './probe'
import { validateContainerResourceRequirements } from './resources'
import { validateSecurityContext } from './securityContext'
import { validateVolumeDevices, validateVolumeMounts } from './volumeMounts'
import type { VolumeSources } from './volumes'

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
