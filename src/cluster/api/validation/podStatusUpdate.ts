/**
 * Pod status update validation (the /status subresource).
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodStatusUpdate and its helpers
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { duplicate, fieldPath, forbidden, invalid, type FieldError, type FieldPath } from '../field'
import { goQuote } from '../goFormat'
import { validateImmutableField } from './metaValidation'
import { isQualifiedName, isValidIP, isValidIPv4Address, nameIsDNSSubdomain } from './names'
import {
  list,
  num,
  obj,
  optObj,
  str,
  validateObjectMetaUpdateFor,
  withBareValue,
  type Obj,
} from './objectMeta'
import { validatePodSpecificAnnotationUpdates } from './podAnnotations'

const qualifiedName = (value: string, p: FieldPath): FieldError[] =>
  isQualifiedName(value).map((m) => invalid(p, value, m))
const ipAddress = (value: string, p: FieldPath): FieldError[] =>
  isValidIP(value).map((m) => invalid(p, value, m))

function terminated(status: Obj): Obj | undefined {
  return optObj(obj(status.state).terminated)
}

function validateContainerStateTransition(
  newStatuses: unknown,
  oldStatuses: unknown,
  fldPath: FieldPath,
  restartPolicy: string,
  restartable: (name: string) => boolean,
): FieldError[] {
  if (restartPolicy === 'Always') return []
  const errs: FieldError[] = []
  const news = list(newStatuses).map(obj)
  list(oldStatuses)
    .map(obj)
    .forEach((old, i) => {
      const t = terminated(old)
      if (!t) return
      if (num(t.exitCode) !== 0 && restartPolicy === 'OnFailure') return
      if (restartable(str(old.name))) return
      for (const n of news) {
        if (str(n.name) === str(old.name) && !terminated(n)) {
          errs.push(
            forbidden(
              fldPath.index(i).child('state'),
              'may not be transitioned to non-terminated state',
            ),
          )
        }
      }
    })
  return errs
}

// netutils.IsDualStackIPStrings: at least one address of each family.
function isDualStack(ips: string[]): boolean {
  const v4 = ips.filter((ip) => isValidIPv4Address(ip).length === 0).length
  return v4 > 0 && v4 < ips.length
}

// Go prints []core.PodIP and core.PodIP values in %#v syntax.
function goIPs(type: string, ips: string[]): string {
  return `[]core.${type}{${ips.map((ip) => goIP(type, ip)).join(', ')}}`
}
function goIP(type: string, ip: string): string {
  return `core.${type}{IP:${goQuote(ip)}}`
}

function validateIPList(type: 'PodIP' | 'HostIP', ips: Obj[], fldPath: FieldPath): FieldError[] {
  const addrs = ips.map((x) => str(x.ip))
  if (addrs.length < 2) return []
  const dups: FieldError[] = []
  const seen = new Set<string>()
  addrs.forEach((ip, i) => {
    if (seen.has(ip)) dups.push(withBareValue(duplicate(fldPath.index(i), ''), goIP(type, ip)))
    seen.add(ip)
  })
  const family: FieldError[] = []
  if (!isDualStack(addrs) || addrs.length > 2) {
    family.push(
      withBareValue(
        invalid(fldPath, '', 'may specify no more than one IP for each IP family'),
        goIPs(type, addrs),
      ),
    )
  }
  // Upstream checks podIPs' families before duplicates, and hostIPs' the other way round.
  return type === 'PodIP' ? [...family, ...dups] : [...dups, ...family]
}

/**
 * ValidatePodStatusUpdate: metadata rules, custom condition types, status.nodeName not
 * changed, qosClass immutable, no restart of terminated containers that may not restart,
 * and well-formed pod and host IPs. The phase is not checked, as upstream does not.
 */
export function validatePodStatusUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const np = obj(newPod)
  const op = obj(oldPod)
  const newSpec = obj(np.spec)
  const oldSpec = obj(op.spec)
  const newStatus = obj(np.status)
  const oldStatus = obj(op.status)
  const metaPath = fieldPath('metadata')
  const errs = validateObjectMetaUpdateFor(np.metadata, op.metadata, metaPath)
  errs.push(...validatePodSpecificAnnotationUpdates(np, op, metaPath.child('annotations')))
  const systemConditions = new Set(['PodScheduled', 'Ready', 'Initialized'])
  list(newStatus.conditions).forEach((c, i) => {
    const type = str(obj(c).type)
    // Upstream hangs this path off metadata, with a capital T.
    if (!systemConditions.has(type))
      errs.push(...qualifiedName(type, metaPath.child('conditions').index(i).child('Type')))
  })
  const statusPath = fieldPath('status')
  if (str(newSpec.nodeName) !== str(oldSpec.nodeName))
    errs.push(forbidden(statusPath.child('nodeName'), 'may not be changed directly'))
  const nominated = str(newStatus.nominatedNodeName)
  if (nominated !== str(oldStatus.nominatedNodeName) && nominated !== '') {
    errs.push(
      ...nameIsDNSSubdomain(nominated, false).map((m) =>
        invalid(statusPath.child('nominatedNodeName'), nominated, m),
      ),
    )
  }
  errs.push(
    ...validateImmutableField(
      str(newStatus.qosClass),
      str(oldStatus.qosClass),
      statusPath.child('qosClass'),
    ),
  )
  const oldRestart = str(oldSpec.restartPolicy)
  const restartableInits = new Set(
    list(oldSpec.initContainers)
      .map(obj)
      .filter((c) => c.restartPolicy === 'Always')
      .map((c) => str(c.name)),
  )
  errs.push(
    ...validateContainerStateTransition(
      newStatus.containerStatuses,
      oldStatus.containerStatuses,
      statusPath.child('containerStatuses'),
      oldRestart,
      () => false,
    ),
  )
  errs.push(
    ...validateContainerStateTransition(
      newStatus.initContainerStatuses,
      oldStatus.initContainerStatuses,
      statusPath.child('initContainerStatuses'),
      oldRestart,
      (name) => restartableInits.has(name),
    ),
  )
  // The kubelet never restarts ephemeral containers: an implicit restartPolicy Never.
  errs.push(
    ...validateContainerStateTransition(
      newStatus.ephemeralContainerStatuses,
      oldStatus.ephemeralContainerStatuses,
      statusPath.child('ephemeralContainerStatuses'),
      'Never',
      () => false,
    ),
  )
  const podIPs = list(newStatus.podIPs).map(obj)
  const podIPsPath = statusPath.child('podIPs')
  podIPs.forEach((x, i) => errs.push(...ipAddress(str(x.ip), podIPsPath.index(i))))
  errs.push(...validateIPList('PodIP', podIPs, podIPsPath))
  const hostIPs = list(newStatus.hostIPs).map(obj)
  if (hostIPs.length > 0) {
    const hostIPsPath = statusPath.child('hostIPs')
    const first = str(hostIPs[0]?.ip)
    if (str(newStatus.hostIP) !== first)
      errs.push(invalid(hostIPsPath.index(0).child('ip'), first, 'must be equal to `hostIP`'))
    hostIPs.forEach((x, i) => errs.push(...ipAddress(str(x.ip), hostIPsPath.index(i))))
    errs.push(...validateIPList('HostIP', hostIPs, hostIPsPath))
  }
  return errs
}
