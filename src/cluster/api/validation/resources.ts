/**
 * Container resource requirements: resource names, quantities, requests <= limits,
 * hugepages and resource claims; plus the downward-API divisor check.
 * Mirrors pkg/apis/core/validation/validation.go validateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue, validateContainerResourceDivisor
 * and pkg/apis/core/helper/helpers.go (IsStandardContainerResourceName and friends)
 */
import {
  duplicate,
  forbidden,
  invalid,
  notFound,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { parseQuantity, type Quantity } from '../quantity'
import { isNegativeErrorMsg } from './metaValidation'
import { isDNS1123Label, isQualifiedName } from './names'
import { list, obj, str, withBareValue } from './objectMeta'

const isNotIntegerErrorMsg = 'must be an integer'

type Parsed = { ok: true; q: Quantity } | { ok: false; error: string }

function parse(v: unknown): Parsed {
  return typeof v === 'string' || typeof v === 'number'
    ? parseQuantity(v)
    : { ok: false, error: 'quantities must be a string or a number' }
}

/** The canonical text of a quantity (Quantity.String()), or undefined when it does not parse. */
export function canonicalQuantity(v: unknown): string | undefined {
  const p = parse(v)
  return p.ok ? p.q.canonical : undefined
}

// ---- resource names (pkg/apis/core/helper) ----

const hugePagesPrefix = 'hugepages-'
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage'])
// Object counts: every one is also a standard (quota) resource.
const integerResourceNames = [
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]
const integerResources = new Set(integerResourceNames)
const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'storage',
  'requests.storage',
  ...integerResourceNames,
])

/** IsHugePageResourceName: hugepages-<size>. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(hugePagesPrefix)
}

/** IsNativeResource: unprefixed, or in a kubernetes.io/ namespace. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

/** IsExtendedResourceName: a non-native, qualified name such as example.com/gpu. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false
  return isQualifiedName('requests.' + name).length === 0
}

/** IsOvercommitAllowed: native and not hugepages (requests may then be below limits). */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name)
}

function isStandardResourceName(name: string): boolean {
  return (
    standardResources.has(name) ||
    isHugePageResourceName(name) ||
    name.startsWith('requests.' + hugePagesPrefix)
  )
}

/** IsIntegerResourceName: object counts, and extended resources. */
export function isIntegerResourceName(name: string): boolean {
  return integerResources.has(name) || isExtendedResourceName(name)
}

function validateResourceName(name: string, fldPath: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(fldPath, name, m))
  if (errs.length > 0) return errs
  if (!name.includes('/') && !isStandardResourceName(name)) {
    return [invalid(fldPath, name, 'must be a standard resource type or fully qualified')]
  }
  return []
}

/** validateContainerResourceName: a standard container resource, hugepages, or an extended resource. */
export function validateContainerResourceName(name: string, fldPath: FieldPath): FieldError[] {
  const errs = validateResourceName(name, fldPath)
  if (!name.includes('/')) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(fldPath, name, 'must be a standard resource for containers'))
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(fldPath, name, "doesn't follow extended resource name standard"))
  }
  return errs
}

// ---- quantities ----

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateResourceQuantityValue(
  resource: string,
  q: Quantity,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  if (q.milliValue < 0) errs.push(invalid(fldPath, q.canonical, isNegativeErrorMsg))
  if (isIntegerResourceName(resource) && q.milliValue % 1000 !== 0) {
    // Go prints the Quantity itself (a fmt.Stringer): bare, not quoted.
    errs.push(withBareValue(invalid(fldPath, '', isNotIntegerErrorMsg), q.canonical))
  }
  return errs
}

/**
 * A quantity that does not parse. A real API server rejects it while decoding the request
 * (400 BadRequest); this keeps the validator total for input that skipped decoding.
 */
function unparsable(v: unknown, error: string, fldPath: FieldPath): FieldError {
  return invalid(fldPath, typeof v === 'string' ? v : JSON.stringify(v ?? null), error)
}

/** The emptyDir sizeLimit check: errors when the quantity is negative (or unparsable). */
export function validateNonnegativeQuantityString(v: unknown, fldPath: FieldPath): FieldError[] {
  const p = parse(v)
  if (!p.ok) return [unparsable(v, p.error, fldPath)]
  return p.q.milliValue < 0 ? [invalid(fldPath, p.q.canonical, isNegativeErrorMsg)] : []
}

// IsHugePageResourceValueDivisible: a whole multiple of the page size named in the resource.
function isHugePageValueDivisible(name: string, q: Quantity): boolean {
  const page = parseQuantity(name.slice(hugePagesPrefix.length))
  if (!page.ok || page.q.value <= 0 || page.q.milliValue % 1000 !== 0) return false
  return q.value % page.q.value === 0
}

function validateHugePageValue(name: string, q: Quantity, fldPath: FieldPath): FieldError[] {
  if (!isHugePageResourceName(name) || isHugePageValueDivisible(name, q)) return []
  return [
    invalid(fldPath, q.canonical, `${q.canonical} is not positive integer multiple of ${name}`),
  ]
}

function validateResourceClaimNames(
  claims: unknown,
  podClaimNames: Set<string>,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  list(claims).forEach((raw, i) => {
    const claim = obj(raw)
    const p = fldPath.index(i)
    const name = str(claim.name)
    const request = str(claim.request)
    if (name === '') {
      errs.push(required(p))
      return
    }
    if (names.has(name)) {
      // All requests of that claim are already referenced.
      errs.push(duplicate(p, name))
    } else {
      let key = name
      if (request !== '') {
        errs.push(...isDNS1123Label(request).map((m) => invalid(p.child('request'), request, m)))
        key += '/' + request
      }
      if (names.has(key)) errs.push(duplicate(p, key))
      else if (request === '') {
        for (const k of names)
          if (k.includes('/') && k.slice(0, k.indexOf('/')) === name) errs.push(duplicate(p, name))
      }
      names.add(key)
    }
    if (!podClaimNames.has(name)) {
      const which =
        podClaimNames.size === 0 ? ' which is empty' : ': ' + [...podClaimNames].sort().join(', ')
      errs.push({
        ...notFound(p, name),
        detail: 'must be one of the names in pod.spec.resourceClaims' + which,
      })
    }
  })
  return errs
}

// What every limits and requests entry gets first: its name, then its quantity. The parsed
// quantity, or undefined when it does not parse.
function validateResourceEntry(
  name: string,
  v: unknown,
  p: FieldPath,
  errs: FieldError[],
): Quantity | undefined {
  errs.push(...validateContainerResourceName(name, p))
  const parsed = parse(v)
  if (!parsed.ok) {
    errs.push(unparsable(v, parsed.error, p))
    return undefined
  }
  errs.push(...validateResourceQuantityValue(name, parsed.q, p))
  return parsed.q
}

function validateResourceRequirements(
  limits: Record<string, unknown>,
  requests: Record<string, unknown>,
  claims: unknown,
  podClaimNames: Set<string>,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const limPath = fldPath.child('limits')
  const reqPath = fldPath.child('requests')
  let hasCPUOrMemory = false
  let hasHugePages = false
  const parsedLimits = new Map<string, Quantity>()
  // Go ranges over maps in random order; this keeps the order the resources were written in.
  for (const [name, v] of Object.entries(limits)) {
    const p = limPath.key(name)
    const q = validateResourceEntry(name, v, p, errs)
    if (!q) continue
    parsedLimits.set(name, q)
    if (isHugePageResourceName(name)) {
      hasHugePages = true
      errs.push(...validateHugePageValue(name, q, p))
    }
    if (name === 'cpu' || name === 'memory') hasCPUOrMemory = true
  }
  for (const [name, v] of Object.entries(requests)) {
    const p = reqPath.key(name)
    const q = validateResourceEntry(name, v, p, errs)
    if (!q) continue
    const limit = parsedLimits.get(name)
    if (limit) {
      // Non-overcommitable resources (hugepages, extended) must request exactly their limit.
      if (q.milliValue !== limit.milliValue && !isOvercommitAllowed(name)) {
        errs.push(
          invalid(reqPath, q.canonical, `must be equal to ${name} limit of ${limit.canonical}`),
        )
      } else if (q.milliValue > limit.milliValue) {
        errs.push(
          invalid(
            reqPath,
            q.canonical,
            `must be less than or equal to ${name} limit of ${limit.canonical}`,
          ),
        )
      }
    } else if (!isOvercommitAllowed(name) && !(name in limits)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'))
    }
    if (isHugePageResourceName(name)) {
      hasHugePages = true
      errs.push(...validateHugePageValue(name, q, p))
    }
    if (name === 'cpu' || name === 'memory') hasCPUOrMemory = true
  }
  if (!hasCPUOrMemory && hasHugePages)
    errs.push(forbidden(fldPath, 'HugePages require cpu or memory'))
  errs.push(...validateResourceClaimNames(claims, podClaimNames, fldPath.child('claims')))
  return errs
}

/** ValidateContainerResourceRequirements: a container's resources.limits, requests and claims. */
export function validateContainerResourceRequirements(
  resources: unknown,
  podClaimNames: Set<string>,
  fldPath: FieldPath,
): FieldError[] {
  const r = obj(resources)
  return validateResourceRequirements(
    obj(r.limits),
    obj(r.requests),
    r.claims,
    podClaimNames,
    fldPath,
  )
}

/** validateOverhead: spec.overhead checked as container limits. */
export function validateOverhead(overhead: unknown, fldPath: FieldPath): FieldError[] {
  return validateResourceRequirements(obj(overhead), {}, undefined, new Set(), fldPath)
}

// ---- downward API divisor ----

// The divisors memory-like resources accept, in the order upstream's messages list them.
const memoryDivisorList = [
  '1',
  '1k',
  '1M',
  '1G',
  '1T',
  '1P',
  '1E',
  '1Ki',
  '1Mi',
  '1Gi',
  '1Ti',
  '1Pi',
  '1Ei',
]
const memoryDivisors = new Set(memoryDivisorList)
const memoryDivisorText = memoryDivisorList.join(', ')

/** validateContainerResourceDivisor: the divisors each resource field may use. */
export function validateContainerResourceDivisor(
  rName: string,
  divisor: unknown,
  fldPath: FieldPath,
): FieldError[] {
  if (divisor === undefined || divisor === null) return []
  const p = parse(divisor)
  if (!p.ok) return [unparsable(divisor, p.error, fldPath.child('divisor'))]
  // An unset (zero) divisor means 1.
  if (p.q.milliValue === 0) return []
  const d = p.q.canonical
  const divPath = fldPath.child('divisor')
  const errs: FieldError[] = []
  // Memory, ephemeral storage and hugepages accept the same divisors; only the word differs.
  const memoryLike = (resource: string): void => {
    if (memoryDivisors.has(d)) return
    errs.push(
      invalid(
        divPath,
        rName,
        `only divisor's values ${memoryDivisorText} are supported with the ${resource} resource`,
      ),
    )
  }
  switch (rName) {
    case 'limits.cpu':
    case 'requests.cpu':
      if (d !== '1m' && d !== '1')
        errs.push(
          invalid(
            divPath,
            rName,
            "only divisor's values 1m and 1 are supported with the cpu resource",
          ),
        )
      break
    case 'limits.memory':
    case 'requests.memory':
      memoryLike('memory')
      break
    case 'limits.ephemeral-storage':
    case 'requests.ephemeral-storage':
      memoryLike('local ephemeral storage')
      break
  }
  if (rName.startsWith('requests.hugepages-') || rName.startsWith('limits.hugepages-'))
    memoryLike('hugepages')
  return errs
}
