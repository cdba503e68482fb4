/**
 * Pod validation: create, update, status update, and the PodSpec shared with templates.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodCreate, ValidatePodUpdate,
 * ValidatePodStatusUpdate, ValidatePodSpec and the scheduling-constraint validators
 */
import type { Pod } from 'kubernetes-types/core/v1'
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1'
import {
  duplicate,
  fieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import {
  validateImmutableField,
  validateLabelName,
  validateLabels,
  validateLabelSelector,
} from './metaValidation'
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidIP,
  isValidGroupID,
  isValidIPv4Address,
  isValidLabelValue,
  nameIsDNSSubdomain,
  validateNamespaceName,
  validateServiceAccountName,
} from './names'
import {
  list,
  num,
  obj,
  optNum,
  optObj,
  optStr,
  readMeta,
  str,
  strList,
  strMap,
  validateObjectMetaFor,
  validateObjectMetaUpdateFor,
  withBareValue,
  type Obj,
} from './objectMeta'
import {
  validateContainers,
  validateContainersOnlyForPod,
  validateContainerUpdates,
  validateIDs,
  validateInitContainers,
  validateSeccompProfileField,
  validateVolumes,
  type ContainerContext,
} from './container'
import { canonicalQuantity, validateOverhead } from './resources'
import { semanticEqual } from './semanticEqual'
import { goQuote } from '../goFormat'

/** PodValidationOptions: what differs between a Pod and a PodSpec embedded in a template. */
export interface PodValidationOptions {
  /** The spec belongs to a Pod (hostNetwork pods must then have hostPort == containerPort). */
  resourceIsPod: boolean
  /** Skip label-value checks in pod (anti-)affinity selectors (updates of old objects). */
  allowInvalidLabelValueInSelector: boolean
}

const templateOptions: PodValidationOptions = {
  resourceIsPod: false,
  allowInvalidLabelValueInSelector: false,
}
const podOptions: PodValidationOptions = {
  resourceIsPod: true,
  allowInvalidLabelValueInSelector: false,
}

const qualifiedName = (value: string, p: FieldPath): FieldError[] =>
  isQualifiedName(value).map((m) => invalid(p, value, m))
const dnsLabel = (value: string, p: FieldPath): FieldError[] =>
  isDNS1123Label(value).map((m) => invalid(p, value, m))
const dnsSubdomain = (value: string, p: FieldPath): FieldError[] =>
  isDNS1123Subdomain(value).map((m) => invalid(p, value, m))
const ipAddress = (value: string, p: FieldPath): FieldError[] =>
  isValidIP(value).map((m) => invalid(p, value, m))

// ---- node affinity ----

function validateNodeSelectorRequirement(
  rq: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const values = strList(rq.values)
  const op = str(rq.operator)
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(
          required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"),
        )
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(
            fldPath.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        )
      }
      break
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(
          required(
            fldPath.child('values'),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        )
      }
      break
    default:
      errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'))
  }
  errs.push(...validateLabelName(str(rq.key), fldPath.child('key')))
  if (!allowInvalidValues) {
    values.forEach((v, i) =>
      errs.push(
        ...isValidLabelValue(v).map((m) => invalid(fldPath.child('values').index(i), v, m)),
      ),
    )
  }
  return errs
}

function validateNodeFieldSelectorRequirement(req: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const values = strList(req.values)
  const op = str(req.operator)
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          fldPath.child('values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      )
    }
  } else {
    errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'))
  }
  const key = str(req.key)
  if (key !== 'metadata.name') {
    errs.push(invalid(fldPath.child('key'), key, 'not a valid field selector key'))
  } else {
    values.forEach((v, i) =>
      errs.push(
        ...nameIsDNSSubdomain(v, false).map((m) => invalid(fldPath.child('values').index(i), v, m)),
      ),
    )
  }
  return errs
}

function validateNodeSelectorTerm(
  term: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  list(term.matchExpressions).forEach((r, j) =>
    errs.push(
      ...validateNodeSelectorRequirement(
        obj(r),
        allowInvalidValues,
        fldPath.child('matchExpressions').index(j),
      ),
    ),
  )
  list(term.matchFields).forEach((r, j) =>
    errs.push(
      ...validateNodeFieldSelectorRequirement(obj(r), fldPath.child('matchFields').index(j)),
    ),
  )
  return errs
}

/** ValidateNodeSelector: at least one term, each requirement well formed. */
export function validateNodeSelector(
  ns: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const termPath = fldPath.child('nodeSelectorTerms')
  const terms = list(ns.nodeSelectorTerms)
  if (terms.length === 0) return [required(termPath, 'must have at least one node selector term')]
  return terms.flatMap((t, i) =>
    validateNodeSelectorTerm(obj(t), allowInvalidValues, termPath.index(i)),
  )
}

function validateWeight(weight: number, fldPath: FieldPath): FieldError[] {
  return weight <= 0 || weight > 100 ? [invalid(fldPath, weight, 'must be in the range 1-100')] : []
}

function validateNodeAffinity(na: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const req = optObj(na.requiredDuringSchedulingIgnoredDuringExecution)
  if (req)
    errs.push(
      ...validateNodeSelector(
        req,
        false,
        fldPath.child('requiredDuringSchedulingIgnoredDuringExecution'),
      ),
    )
  const preferredPath = fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')
  list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const term = obj(raw)
    errs.push(...validateWeight(num(term.weight), preferredPath.index(i).child('weight')))
    // Preferred terms always allow invalid label values: they can still succeed on one node.
    errs.push(
      ...validateNodeSelectorTerm(
        obj(term.preference),
        true,
        preferredPath.index(i).child('preference'),
      ),
    )
  })
  return errs
}

// ---- pod (anti-)affinity ----

function selectorKeys(sel: Obj | undefined): Set<string> {
  return new Set(Object.keys(obj(sel?.matchLabels)))
}

function validateLabelKeys(
  fldPath: FieldPath,
  keys: string[],
  selector: Obj | undefined,
): FieldError[] {
  if (keys.length === 0) return []
  if (!selector) return [forbidden(fldPath, 'must not be specified when labelSelector is not set')]
  return keys.flatMap((k, i) => validateLabelName(k, fldPath.index(i)))
}

function validateMatchLabelKeysAndMismatchLabelKeys(fldPath: FieldPath, term: Obj): FieldError[] {
  const matchKeys = strList(term.matchLabelKeys)
  const mismatchKeys = strList(term.mismatchLabelKeys)
  const selector = optObj(term.labelSelector)
  const errs = [
    ...validateLabelKeys(fldPath.child('matchLabelKeys'), matchKeys, selector),
    ...validateLabelKeys(fldPath.child('mismatchLabelKeys'), mismatchKeys, selector),
  ]
  if (selector) {
    const keyIndex = new Map(matchKeys.map((k, i) => [k, i]))
    const seen = selectorKeys(selector)
    for (const expr of list(selector.matchExpressions)) {
      const key = str(obj(expr).key)
      const i = keyIndex.get(key)
      // Upstream indexes the term path itself here, not matchLabelKeys.
      if (i !== undefined && seen.has(key))
        errs.push(invalid(fldPath.index(i), key, 'exists in both matchLabelKeys and labelSelector'))
      seen.add(key)
    }
  }
  const mismatch = new Set(mismatchKeys)
  matchKeys.forEach((k, i) => {
    if (mismatch.has(k))
      errs.push(
        invalid(
          fldPath.child('matchLabelKeys').index(i),
          k,
          'exists in both matchLabelKeys and mismatchLabelKeys',
        ),
      )
  })
  return errs
}

function validatePodAffinityTerm(
  term: Obj,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const selOpts = { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }
  const errs = [
    ...validateLabelSelector(
      optObj(term.labelSelector) as LabelSelector | undefined,
      selOpts,
      fldPath.child('labelSelector'),
    ),
    ...validateLabelSelector(
      optObj(term.namespaceSelector) as LabelSelector | undefined,
      selOpts,
      fldPath.child('namespaceSelector'),
    ),
  ]
  for (const name of strList(term.namespaces)) {
    // Upstream reports these on "namespace", singular.
    errs.push(
      ...validateNamespaceName(name, false).map((m) =>
        invalid(fldPath.child('namespace'), name, m),
      ),
    )
  }
  errs.push(...validateMatchLabelKeysAndMismatchLabelKeys(fldPath, term))
  const topologyKey = str(term.topologyKey)
  if (topologyKey === '') errs.push(required(fldPath.child('topologyKey'), 'can not be empty'))
  errs.push(...validateLabelName(topologyKey, fldPath.child('topologyKey')))
  return errs
}

function validatePodAffinityRules(
  pa: Obj,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const reqPath = fldPath.child('requiredDuringSchedulingIgnoredDuringExecution')
  list(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(obj(t), opts, reqPath.index(i))),
  )
  const prefPath = fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')
  list(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, j) => {
    const wt = obj(raw)
    errs.push(...validateWeight(num(wt.weight), prefPath.index(j).child('weight')))
    errs.push(
      ...validatePodAffinityTerm(
        obj(wt.podAffinityTerm),
        opts,
        prefPath.index(j).child('podAffinityTerm'),
      ),
    )
  })
  return errs
}

/** validateAffinity: nodeAffinity, podAffinity and podAntiAffinity. */
export function validateAffinity(
  affinity: unknown,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const a = optObj(affinity)
  if (!a) return []
  const errs: FieldError[] = []
  const na = optObj(a.nodeAffinity)
  if (na) errs.push(...validateNodeAffinity(na, fldPath.child('nodeAffinity')))
  const pa = optObj(a.podAffinity)
  if (pa) errs.push(...validatePodAffinityRules(pa, opts, fldPath.child('podAffinity')))
  const paa = optObj(a.podAntiAffinity)
  if (paa) errs.push(...validatePodAffinityRules(paa, opts, fldPath.child('podAntiAffinity')))
  return errs
}

// ---- tolerations ----

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** ValidateTolerations: key, operator/value pairing, effect, tolerationSeconds only with NoExecute. */
export function validateTolerations(tolerations: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(tolerations).forEach((raw, i) => {
    const t = obj(raw)
    const idxPath = fldPath.index(i)
    const key = str(t.key)
    const op = str(t.operator)
    const value = str(t.value)
    const effect = str(t.effect)
    if (key !== '') errs.push(...validateLabelName(key, idxPath.child('key')))
    if (key === '' && op !== 'Exists') {
      errs.push(
        invalid(
          idxPath.child('operator'),
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      )
    }
    if (optNum(t.tolerationSeconds) !== undefined && effect !== 'NoExecute') {
      errs.push(
        invalid(
          idxPath.child('effect'),
          effect,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      )
    }
    switch (op) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value)
        if (msgs.length > 0) errs.push(invalid(idxPath.child('operator'), value, msgs.join(';')))
        break
      }
      case 'Exists':
        if (value !== '')
          errs.push(
            invalid(
              idxPath.child('operator'),
              value,
              "value must be empty when `operator` is 'Exists'",
            ),
          )
        break
      default:
        errs.push(notSupported(idxPath.child('operator'), op, ['Equal', 'Exists']))
    }
    if (effect !== '' && !taintEffects.includes(effect))
      errs.push(notSupported(idxPath.child('effect'), effect, taintEffects))
  })
  return errs
}

// ---- topology spread ----

function validateTopologySpreadConstraints(constraints: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const all = list(constraints).map(obj)
  all.forEach((c, i) => {
    const p = fldPath.index(i)
    const maxSkew = num(c.maxSkew)
    if (maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), maxSkew, 'must be greater than zero'))
    const topologyKey = str(c.topologyKey)
    if (topologyKey === '') errs.push(required(p.child('topologyKey'), 'can not be empty'))
    const action = str(c.whenUnsatisfiable)
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(
        notSupported(p.child('whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']),
      )
    }
    if (
      all
        .slice(i + 1)
        .some((o) => str(o.topologyKey) === topologyKey && str(o.whenUnsatisfiable) === action)
    ) {
      errs.push(
        duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${action}}`),
      )
    }
    const minDomains = optNum(c.minDomains)
    if (minDomains !== undefined) {
      if (minDomains <= 0)
        errs.push(invalid(p.child('minDomains'), minDomains, 'must be greater than zero'))
      if (action !== 'DoNotSchedule') {
        errs.push(
          invalid(
            p.child('minDomains'),
            minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        )
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = optStr(c[policy])
      if (v !== undefined && v !== 'Honor' && v !== 'Ignore')
        errs.push(notSupported(p.child(policy), v, ['Honor', 'Ignore']))
    }
    const matchLabelKeys = strList(c.matchLabelKeys)
    const selector = optObj(c.labelSelector)
    if (matchLabelKeys.length > 0) {
      const mlkPath = p.child('matchLabelKeys')
      const keys = new Set<string>()
      if (selector) {
        for (const k of selectorKeys(selector)) keys.add(k)
        for (const e of list(selector.matchExpressions)) keys.add(str(obj(e).key))
      } else {
        errs.push(forbidden(mlkPath, 'must not be specified when labelSelector is not set'))
      }
      matchLabelKeys.forEach((k, j) => {
        errs.push(...validateLabelName(k, mlkPath.index(j)))
        if (keys.has(k))
          errs.push(invalid(mlkPath.index(j), k, 'exists in both matchLabelKeys and labelSelector'))
      })
    }
    errs.push(
      ...validateLabelSelector(
        selector as LabelSelector | undefined,
        { allowInvalidLabelValueInSelector: false },
        p.child('labelSelector'),
      ),
    )
  })
  return errs
}

// ---- smaller PodSpec pieces ----

function validateRestartPolicy(policy: string, fldPath: FieldPath): FieldError[] {
  if (policy === 'Always' || policy === 'OnFailure' || policy === 'Never') return []
  if (policy === '') return [required(fldPath)]
  return [notSupported(fldPath, policy, ['Always', 'OnFailure', 'Never'])]
}

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

function validateDNSPolicy(policy: string, fldPath: FieldPath): FieldError[] {
  if (dnsPolicies.includes(policy)) return []
  if (policy === '') return [required(fldPath)]
  return [notSupported(fldPath, policy, dnsPolicies)]
}

function validatePodDNSConfig(
  dnsConfig: unknown,
  dnsPolicy: string,
  fldPath: FieldPath,
): FieldError[] {
  const cfg = optObj(dnsConfig)
  if (dnsPolicy === 'None') {
    if (!cfg) return [required(fldPath, 'must provide `dnsConfig` when `dnsPolicy` is None')]
    if (list(cfg.nameservers).length === 0) {
      return [
        required(
          fldPath.child('nameservers'),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      ]
    }
  }
  if (!cfg) return []
  const errs: FieldError[] = []
  const nameservers = strList(cfg.nameservers)
  if (nameservers.length > 3)
    errs.push(
      invalid(fldPath.child('nameservers'), nameservers, 'must not have more than 3 nameservers'),
    )
  nameservers.forEach((ns, i) => errs.push(...ipAddress(ns, fldPath.child('nameservers').index(i))))
  const searches = strList(cfg.searches)
  if (searches.length > 32)
    errs.push(
      invalid(fldPath.child('searches'), searches, 'must not have more than 32 search paths'),
    )
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalid(
        fldPath.child('searches'),
        searches,
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    )
  }
  searches.forEach((s, i) =>
    errs.push(...dnsSubdomain(s.replace(/\.$/, ''), fldPath.child('searches').index(i))),
  )
  list(cfg.options).forEach((o, i) => {
    if (str(obj(o).name) === '')
      errs.push(required(fldPath.child('options').index(i), 'must not be empty'))
  })
  return errs
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

const sysctlRegexp = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/
const sysctlRegexpText = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$'

function validatePodSecurityContext(spec: Obj, fldPath: FieldPath): FieldError[] {
  const sc = optObj(spec.securityContext)
  const errs: FieldError[] = []
  if (sc) {
    errs.push(...validateIDs(sc, ['fsGroup', 'runAsUser', 'runAsGroup'], fldPath))
    list(sc.supplementalGroups).forEach((g, i) => {
      const gid = num(g)
      errs.push(
        ...isValidGroupID(gid).map((m) =>
          invalid(fldPath.child('supplementalGroups').index(i), gid, m),
        ),
      )
    })
    const names = new Set<string>()
    list(sc.sysctls).forEach((raw, i) => {
      const name = str(obj(raw).name)
      const p = fldPath.child('sysctls').index(i).child('name')
      if (name === '') errs.push(required(p))
      else if (name.length > 253 || !sysctlRegexp.test(name)) {
        errs.push(
          invalid(p, name, `must have at most 253 characters and match regex ${sysctlRegexpText}`),
        )
      } else if (names.has(name)) errs.push(duplicate(p, name))
      names.add(name)
    })
    const fsgcp = optStr(sc.fsGroupChangePolicy)
    if (fsgcp !== undefined && fsgcp !== 'Always' && fsgcp !== 'OnRootMismatch') {
      errs.push(
        notSupported(fldPath.child('fsGroupChangePolicy'), fsgcp, ['Always', 'OnRootMismatch']),
      )
    }
    errs.push(...validateSeccompProfileField(sc.seccompProfile, fldPath.child('seccompProfile')))
    const sgp = optStr(sc.supplementalGroupsPolicy)
    if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') {
      errs.push(notSupported(fldPath.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']))
    }
  }
  // v1 keeps shareProcessNamespace and hostPID on the spec; upstream checks them inside the
  // internal security context and reports that path.
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      invalid(
        fldPath.child('shareProcessNamespace'),
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    )
  }
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
  errs.push(...validatePodSecurityContext(spec, fldPath.child('securityContext')))
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

// ---- pod-only annotations ----

const mirrorPodAnnotationKey = 'kubernetes.io/config.mirror'
const podDeletionCostKey = 'controller.kubernetes.io/pod-deletion-cost'
const appArmorPrefix = 'container.apparmor.security.beta.kubernetes.io/'

// Mirrors pkg/apis/core/helper GetDeletionCostFromPodAnnotations: validFirstDigit (no '+',
// no leading zero) then strconv.ParseInt(value, 10, 32).
function isValidDeletionCost(value: string): boolean {
  if (!/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return false
  const n = Number(value)
  return n >= -2147483648 && n <= 2147483647
}

/** ValidatePodSpecificAnnotations: the mirror-pod and pod-deletion-cost annotations. */
export function validatePodSpecificAnnotations(
  annotations: Record<string, string>,
  spec: Obj,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const mirror = annotations[mirrorPodAnnotationKey]
  if (mirror !== undefined && str(spec.nodeName) === '') {
    errs.push(
      invalid(
        fldPath.key(mirrorPodAnnotationKey),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    )
  }
  const cost = annotations[podDeletionCostKey]
  if (cost !== undefined && !isValidDeletionCost(cost)) {
    errs.push(invalid(fldPath.key(podDeletionCostKey), cost, 'must be a 32bit integer'))
  }
  return errs
}

function validatePodSpecificAnnotationUpdates(
  newPod: Obj,
  oldPod: Obj,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const newA = strMap(obj(newPod.metadata).annotations)
  const oldA = strMap(obj(oldPod.metadata).annotations)
  for (const [k, oldVal] of Object.entries(oldA)) {
    if (newA[k] === oldVal) continue
    if (k.startsWith(appArmorPrefix))
      errs.push(forbidden(fldPath.key(k), 'may not remove or update AppArmor annotations'))
    if (k === mirrorPodAnnotationKey)
      errs.push(forbidden(fldPath.key(k), 'may not remove or update mirror pod annotation'))
  }
  for (const k of Object.keys(newA)) {
    if (k in oldA) continue
    if (k.startsWith(appArmorPrefix))
      errs.push(forbidden(fldPath.key(k), 'may not add AppArmor annotations'))
    if (k === mirrorPodAnnotationKey)
      errs.push(forbidden(fldPath.key(k), 'may not add mirror pod annotation'))
  }
  errs.push(...validatePodSpecificAnnotations(newA, obj(newPod.spec), fldPath))
  return errs
}

// ---- Pod create ----

function validatePodMetadataAndSpec(pod: Obj, opts: PodValidationOptions): FieldError[] {
  const metaPath = fieldPath('metadata')
  const specPath = fieldPath('spec')
  const spec = obj(pod.spec)
  const errs = validateObjectMetaFor(
    pod.metadata,
    { namespaced: true, nameFn: nameIsDNSSubdomain },
    metaPath,
  )
  errs.push(
    ...validatePodSpecificAnnotations(
      strMap(obj(pod.metadata).annotations),
      spec,
      metaPath.child('annotations'),
    ),
  )
  errs.push(...validatePodSpec(spec, readMeta(pod.metadata), specPath, opts))
  if (str(spec.serviceAccountName) === '') {
    list(spec.volumes).forEach((v, vi) => {
      const projected = optObj(obj(v).projected)
      if (!projected) return
      list(projected.sources).forEach((s, si) => {
        if (optObj(obj(s).serviceAccountToken)) {
          const p = specPath
            .child('volumes')
            .index(vi)
            .child('projected', 'sources')
            .index(si)
            .child('serviceAccountToken')
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'))
        }
      })
    })
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, specPath.child('containers')))
  errs.push(...validateContainersOnlyForPod(spec.initContainers, specPath.child('initContainers')))
  return errs
}

/** ValidatePodCreate: metadata (namespaced, DNS-subdomain name) and spec of a new Pod. */
export function validatePod(pod: Pod): FieldError[] {
  const p = obj(pod)
  const spec = obj(p.spec)
  const errs = validatePodMetadataAndSpec(p, podOptions)
  const specPath = fieldPath('spec')
  if (list(spec.ephemeralContainers).length > 0)
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'))
  if (str(spec.nodeName) !== '' && list(spec.schedulingGates).length > 0) {
    errs.push(
      forbidden(
        specPath.child('nodeName'),
        'cannot be set until all schedulingGates have been cleared',
      ),
    )
  }
  return errs
}

// ---- Pod update ----

/** The fields a pod update may change, joined into the Forbidden message as upstream does. */
export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

function validateOnlyAddedTolerations(
  newTols: unknown,
  oldTols: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const news = list(newTols).map(obj)
  for (const old of list(oldTols).map(obj)) {
    // tolerationSeconds may change; everything else must match an existing toleration.
    const found = news.some((n) =>
      semanticEqual({ ...old, tolerationSeconds: n.tolerationSeconds }, n),
    )
    if (!found)
      return [
        forbidden(fldPath, 'existing toleration can not be modified except its tolerationSeconds'),
      ]
  }
  return validateTolerations(newTols, fldPath)
}

function validateOnlyDeletedSchedulingGates(
  newGates: unknown,
  oldGates: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const added = new Map<string, number>()
  list(newGates).forEach((g, i) => added.set(str(obj(g).name), i))
  for (const g of list(oldGates)) added.delete(str(obj(g).name))
  return [...added].map(([gate, i]) =>
    forbidden(
      fldPath.index(i).child('name'),
      `only deletion is allowed, but found new scheduling gate '${gate}'`,
    ),
  )
}

// Semantic.DeepEqual compares quantities by value ("1" == "1000m"); JSON holds their text.
function withCanonicalQuantities(spec: Obj): Obj {
  const canon = (rl: unknown): unknown => {
    const m = optObj(rl)
    if (!m) return rl
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, canonicalQuantity(v) ?? v]))
  }
  const ctr = (c: unknown): unknown => {
    const o = optObj(c)
    if (!o) return c
    const r = optObj(o.resources)
    return r
      ? { ...o, resources: { ...r, limits: canon(r.limits), requests: canon(r.requests) } }
      : o
  }
  return {
    ...spec,
    containers: list(spec.containers).map(ctr),
    initContainers: list(spec.initContainers).map(ctr),
    overhead: canon(spec.overhead),
  }
}

/**
 * ValidatePodUpdate: a pod's spec is immutable except for container images,
 * activeDeadlineSeconds (only shortened), added tolerations and the terminationGracePeriodSeconds
 * escape hatch. The cmp.Diff upstream appends to the Forbidden message is not produced.
 */
export function validatePodUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const np = obj(newPod)
  const op = obj(oldPod)
  const newSpec = obj(np.spec)
  const oldSpec = obj(op.spec)
  const metaPath = fieldPath('metadata')
  const specPath = fieldPath('spec')
  const errs = validateObjectMetaUpdateFor(np.metadata, op.metadata, metaPath)
  errs.push(...validatePodMetadataAndSpec(np, podOptions))
  errs.push(...validatePodSpecificAnnotationUpdates(np, op, metaPath.child('annotations')))

  for (const key of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(newSpec[key], oldSpec[key], specPath.child(key))
    errs.push(...r.errs)
    if (r.stop) return errs
  }

  const newADS = optNum(newSpec.activeDeadlineSeconds)
  const oldADS = optNum(oldSpec.activeDeadlineSeconds)
  const adsPath = specPath.child('activeDeadlineSeconds')
  if (newADS !== undefined) {
    if (newADS < 0 || newADS > 2147483647) {
      errs.push(invalid(adsPath, newADS, inclusiveRangeError(0, 2147483647)))
      return errs
    }
    if (oldADS !== undefined && oldADS < newADS) {
      errs.push(invalid(adsPath, newADS, 'must be less than or equal to previous value'))
      return errs
    }
  } else if (oldADS !== undefined) {
    // Go prints a nil *int64 as "null".
    errs.push(invalid(adsPath, 'null', 'must not update from a positive integer to nil value'))
  }

  errs.push(
    ...validateOnlyAddedTolerations(
      newSpec.tolerations,
      oldSpec.tolerations,
      specPath.child('tolerations'),
    ),
  )
  errs.push(
    ...validateOnlyDeletedSchedulingGates(
      newSpec.schedulingGates,
      oldSpec.schedulingGates,
      specPath.child('schedulingGates'),
    ),
  )

  const oldCanon = withCanonicalQuantities(oldSpec)
  if (semanticEqual(withCanonicalQuantities(newSpec), oldCanon)) return errs

  const oldCtrs = list(oldSpec.containers)
  const oldInits = list(oldSpec.initContainers)
  const munged: Obj = {
    ...newSpec,
    containers: list(newSpec.containers).map((c, i) => ({
      ...obj(c),
      image: obj(oldCtrs[i]).image,
    })),
    initContainers: list(newSpec.initContainers).map((c, i) => ({
      ...obj(c),
      image: obj(oldInits[i]).image,
    })),
    activeDeadlineSeconds: oldSpec.activeDeadlineSeconds,
    schedulingGates: oldSpec.schedulingGates,
    tolerations: oldSpec.tolerations,
  }
  const oldTGPS = optNum(oldSpec.terminationGracePeriodSeconds)
  if (oldTGPS !== undefined && oldTGPS < 0 && optNum(munged.terminationGracePeriodSeconds) === 1) {
    munged.terminationGracePeriodSeconds = oldTGPS
  }
  if (list(oldSpec.schedulingGates).length > 0) {
    // A gated pod may gain nodeSelector entries (no mutations or deletions).
    const newSel = strMap(munged.nodeSelector)
    const oldSel = strMap(oldSpec.nodeSelector)
    if (!semanticEqual(newSel, oldSel)) {
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(
          invalid(
            specPath.child('nodeSelector'),
            newSel,
            'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
          ),
        )
      }
      munged.nodeSelector = oldSpec.nodeSelector
    }
  }
  if (!semanticEqual(withCanonicalQuantities(munged), oldCanon)) {
    errs.push(
      forbidden(
        specPath,
        `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}`,
      ),
    )
  }
  return errs
}

// ---- Pod status update ----

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
