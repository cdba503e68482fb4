/**
 * PodSpec validation, shared by Pods and the templates of Deployments and ReplicaSets.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodSpec and its pod-level helpers
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import {
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { validateAffinity } from './affinity'
import { validateContainers, validateInitContainers, type ContainerContext } from './container'
import { validateLabels } from './metaValidation'
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidIP,
  nameIsDNSSubdomain,
  validateServiceAccountName,
} from './names'
import { list, num, obj, optNum, optObj, optStr, str, strList, type Obj } from './objectMeta'
import { validateDNSPolicy, validatePodDNSConfig } from './podDNSConfig'
import { templateOptions, type PodValidationOptions } from './podValidationOptions'
import { validateOverhead } from './resources'
import { validatePodSpecSecurityContext } from './securityContext'
import { validateTolerations } from './tolerations'
import { validateTopologySpreadConstraints } from './topologySpreadConstraints'
import { validateVolumes } from './volumes'

const qualifiedName = (value: string, p: FieldPath): FieldError[] =>
  isQualifiedName(value).map((m) => invalid(p, value, m))
const dnsLabel = (value: string, p: FieldPath): FieldError[] =>
  isDNS1123Label(value).map((m) => invalid(p, value, m))
const dnsSubdomain = (value: string, p: FieldPath): FieldError[] =>
  isDNS1123Subdomain(value).map((m) => invalid(p, value, m))
const ipAddress = (value: string, p: FieldPath): FieldError[] =>
  isValidIP(value).map((m) => invalid(p, value, m))

function validateRestartPolicy(policy: string, fldPath: FieldPath): FieldError[] {
  if (policy === 'Always' || policy === 'OnFailure' || policy === 'Never') return []
  if (policy === '') return [required(fldPath)]
  return [notSupported(fldPath, policy, ['Always', 'OnFailure', 'Never'])]
}

function validatePodHostNetworkDeps(
  spec: Obj,
  fldPath: FieldPath,
  opts: PodValidationOptions,
): FieldError[] {
  if (spec.hostNetwork !== true) return []
  const errs: FieldError[] = []
  list(spec.containers).forEach((c, i) => {
    list(obj(c).ports).forEach((rp, j) => {
      const port = obj(rp)
      const hp = num(port.hostPort)
      const cp = num(port.containerPort)
      // A template may leave hostPort unset: defaulting fills it in when the Pod is created.
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalid(
            fldPath.child('containers').index(i).child('ports').index(j).child('hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        )
      }
    })
  })
  return errs
}

function validatePodResourceClaims(claims: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  list(claims).forEach((raw, i) => {
    const claim = obj(raw)
    const p = fldPath.index(i)
    const name = str(claim.name)
    if (name === '') errs.push(required(p.child('name')))
    else if (names.has(name)) errs.push(duplicate(p.child('name'), name))
    else {
      errs.push(...dnsLabel(name, p.child('name')))
      names.add(name)
    }
    const rcn = optStr(claim.resourceClaimName)
    const rctn = optStr(claim.resourceClaimTemplateName)
    if (rcn !== undefined && rctn !== undefined) {
      errs.push(
        invalid(
          p,
          claim,
          'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
        ),
      )
    }
    if (rcn === undefined && rctn === undefined) {
      errs.push(
        invalid(p, claim, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'),
      )
    }
    if (rcn !== undefined)
      errs.push(
        ...nameIsDNSSubdomain(rcn, false).map((m) => invalid(p.child('resourceClaimName'), rcn, m)),
      )
    if (rctn !== undefined) {
      errs.push(
        ...nameIsDNSSubdomain(rctn, false).map((m) =>
          invalid(p.child('resourceClaimTemplateName'), rctn, m),
        ),
      )
    }
  })
  return errs
}

/**
 * ValidatePodSpec: everything about a pod's spec, whether in a Pod or a template. podMeta
 * is the pod's metadata when validating a real Pod, undefined for templates.
 */
export function validatePodSpec(
  specValue: unknown,
  podMeta: ObjectMeta | undefined,
  fldPath: FieldPath,
  opts: PodValidationOptions = templateOptions,
): FieldError[] {
  void podMeta
  const spec = obj(specValue)
  const errs: FieldError[] = []
  const gracePeriod = optNum(spec.terminationGracePeriodSeconds)
  if (gracePeriod === undefined) errs.push(required(fldPath.child('terminationGracePeriodSeconds')))
  const hostUsers = spec.hostUsers !== false
  const restartPolicy = str(spec.restartPolicy)
  const { vols, errs: volErrs } = validateVolumes(spec.volumes, fldPath.child('volumes'))
  errs.push(...volErrs)
  const podClaimNames = new Set(
    list(spec.resourceClaims)
      .map((c) => str(obj(c).name))
      .filter((n) => n !== ''),
  )
  errs.push(...validatePodResourceClaims(spec.resourceClaims, fldPath.child('resourceClaims')))
  const ctx: ContainerContext = { vols, podClaimNames, gracePeriod, restartPolicy, hostUsers }
  errs.push(...validateContainers(spec.containers, ctx, fldPath.child('containers')))
  errs.push(
    ...validateInitContainers(
      spec.initContainers,
      spec.containers,
      ctx,
      fldPath.child('initContainers'),
    ),
  )
  errs.push(...validatePodHostNetworkDeps(spec, fldPath, opts))
  errs.push(...validateRestartPolicy(restartPolicy, fldPath.child('restartPolicy')))
  errs.push(...validateDNSPolicy(str(spec.dnsPolicy), fldPath.child('dnsPolicy')))
  errs.push(...validateLabels(spec.nodeSelector, fldPath.child('nodeSelector')))
  errs.push(...validatePodSpecSecurityContext(spec, fldPath.child('securityContext')))
  errs.push(...validateAffinity(spec.affinity, opts, fldPath.child('affinity')))
  errs.push(
    ...validatePodDNSConfig(spec.dnsConfig, str(spec.dnsPolicy), fldPath.child('dnsConfig')),
  )
  list(spec.readinessGates).forEach((g, i) =>
    errs.push(
      ...qualifiedName(
        str(obj(g).conditionType),
        fldPath.child('readinessGates').index(i).child('conditionType'),
      ),
    ),
  )
  const gates = new Set<string>()
  list(spec.schedulingGates).forEach((g, i) => {
    const name = str(obj(g).name)
    const p = fldPath.child('schedulingGates').index(i)
    errs.push(...qualifiedName(name, p))
    if (gates.has(name)) errs.push(duplicate(p, name))
    gates.add(name)
  })
  errs.push(
    ...validateTopologySpreadConstraints(
      spec.topologySpreadConstraints,
      fldPath.child('topologySpreadConstraints'),
    ),
  )
  if (!hostUsers) {
    // Upstream spells two of these paths with capitals.
    if (spec.hostNetwork === true)
      errs.push(forbidden(fldPath.child('hostNetwork'), 'when `pod.Spec.HostUsers` is false'))
    if (spec.hostPID === true)
      errs.push(forbidden(fldPath.child('HostPID'), 'when `pod.Spec.HostUsers` is false'))
    if (spec.hostIPC === true)
      errs.push(forbidden(fldPath.child('HostIPC'), 'when `pod.Spec.HostUsers` is false'))
  }
  const sa = str(spec.serviceAccountName)
  if (sa !== '')
    errs.push(
      ...validateServiceAccountName(sa, false).map((m) =>
        invalid(fldPath.child('serviceAccountName'), sa, m),
      ),
    )
  const nodeName = str(spec.nodeName)
  if (nodeName !== '')
    errs.push(
      ...nameIsDNSSubdomain(nodeName, false).map((m) =>
        invalid(fldPath.child('nodeName'), nodeName, m),
      ),
    )
  const ads = optNum(spec.activeDeadlineSeconds)
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    errs.push(
      invalid(fldPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)),
    )
  }
  const hostname = str(spec.hostname)
  if (hostname !== '') errs.push(...dnsLabel(hostname, fldPath.child('hostname')))
  const subdomain = str(spec.subdomain)
  if (subdomain !== '') errs.push(...dnsLabel(subdomain, fldPath.child('subdomain')))
  if (list(spec.tolerations).length > 0)
    errs.push(...validateTolerations(spec.tolerations, fldPath.child('tolerations')))
  list(spec.hostAliases).forEach((raw, i) => {
    const ha = obj(raw)
    const p = fldPath.child('hostAliases').index(i)
    errs.push(...ipAddress(str(ha.ip), p.child('ip')))
    strList(ha.hostnames).forEach((h, j) =>
      errs.push(...dnsSubdomain(h, p.child('hostnames').index(j))),
    )
  })
  const pcn = str(spec.priorityClassName)
  if (pcn !== '')
    errs.push(
      ...nameIsDNSSubdomain(pcn, false).map((m) =>
        invalid(fldPath.child('priorityClassName'), pcn, m),
      ),
    )
  const rcn = optStr(spec.runtimeClassName)
  if (rcn !== undefined)
    errs.push(
      ...nameIsDNSSubdomain(rcn, false).map((m) =>
        invalid(fldPath.child('runtimeClassName'), rcn, m),
      ),
    )
  const pp = optStr(spec.preemptionPolicy)
  if (pp !== undefined) {
    if (pp === '') errs.push(required(fldPath.child('preemptionPolicy')))
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') {
      errs.push(
        notSupported(fldPath.child('preemptionPolicy'), pp, ['PreemptLowerPriority', 'Never']),
      )
    }
  }
  if (optObj(spec.overhead))
    errs.push(...validateOverhead(spec.overhead, fldPath.child('overhead')))
  const os = optObj(spec.os)
  if (os) {
    const name = str(os.name)
    if (name === '') errs.push(required(fldPath.child('os', 'name'), 'cannot be empty'))
    else if (name !== 'linux' && name !== 'windows')
      errs.push(notSupported(fldPath.child('os'), name, ['linux', 'windows']))
  }
  return errs
}
