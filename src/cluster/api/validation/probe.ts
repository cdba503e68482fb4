/**
 * Probe and lifecycle-handler validation for containers.
 * Mirrors pkg/apis/core/validation/validation.go validateProbe, validateHandler, validateLifecycle
 */
import {
  forbidden,
  internalError,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './names'
import { validateNonnegativeField } from './metaValidation'
import { list, num, obj, optNum, optObj, str, type Obj } from './objectMeta'

/** ValidatePortNumOrName: an IntOrString port, a number 1-65535 or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, fldPath: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(fldPath, port, m))
  // A missing port is Go's zero IntOrString: the int 0.
  if (port === undefined || port === null || typeof port === 'number') {
    const n = typeof port === 'number' ? port : 0
    return isValidPortNum(n).map((m) => invalid(fldPath, n, m))
  }
  return [internalError(fldPath, `unknown type: ${typeof port}`)]
}

function validateExecAction(exec: Obj, fldPath: FieldPath): FieldError[] {
  return list(exec.command).length === 0 ? [required(fldPath.child('command'))] : []
}

// sets.List order: sorted.
const supportedHTTPSchemes = ['HTTP', 'HTTPS']

function validateHTTPGetAction(http: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (str(http.path) === '') errs.push(required(fldPath.child('path')))
  errs.push(...validatePortNumOrName(http.port, fldPath.child('port')))
  const scheme = str(http.scheme)
  if (!supportedHTTPSchemes.includes(scheme))
    errs.push(notSupported(fldPath.child('scheme'), scheme, supportedHTTPSchemes))
  for (const header of list(http.httpHeaders)) {
    const name = str(obj(header).name)
    // Upstream reports header errors on httpHeaders itself, without an index.
    for (const m of isHTTPHeaderName(name))
      errs.push(invalid(fldPath.child('httpHeaders'), name, m))
  }
  return errs
}

// The pod lifecycle sleep action may be 0 since PodLifecycleSleepActionAllowZero (default on).
function validateSleepAction(
  sleep: Obj,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const seconds = num(sleep.seconds)
  if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
    return [
      invalid(
        fldPath,
        seconds,
        `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
      ),
    ]
  }
  return []
}

/** Which actions a handler may carry: probes take grpc, lifecycle hooks take sleep. */
export type HandlerKind = 'probe' | 'lifecycle'

/** validateHandler: exactly one action, each action valid. */
export function validateHandler(
  handler: Obj,
  kind: HandlerKind,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  let numHandlers = 0
  // Upstream order; the first action found wins, later ones are "more than 1".
  const actions: [string, (a: Obj, p: FieldPath) => FieldError[]][] = [
    ['exec', validateExecAction],
    ['httpGet', validateHTTPGetAction],
    ['tcpSocket', (a, p) => validatePortNumOrName(a.port, p.child('port'))],
  ]
  if (kind === 'probe')
    actions.push(['grpc', (a, p) => validatePortNumOrName(num(a.port), p.child('port'))])
  if (kind === 'lifecycle')
    actions.push(['sleep', (a, p) => validateSleepAction(a, gracePeriod, p)])
  for (const [name, validate] of actions) {
    const action = optObj(handler[name])
    if (!action) continue
    if (numHandlers > 0) {
      errs.push(forbidden(fldPath.child(name), 'may not specify more than 1 handler type'))
    } else {
      numHandlers++
      errs.push(...validate(action, fldPath.child(name)))
    }
  }
  if (numHandlers === 0) errs.push(required(fldPath, 'must specify a handler type'))
  return errs
}

/** validateLifecycle: postStart and preStop handlers. */
export function validateLifecycle(
  lifecycle: unknown,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const l = obj(lifecycle)
  const errs: FieldError[] = []
  for (const hook of ['postStart', 'preStop']) {
    const handler = optObj(l[hook])
    if (handler)
      errs.push(...validateHandler(handler, 'lifecycle', gracePeriod, fldPath.child(hook)))
  }
  return errs
}

/** validateProbe: one handler, non-negative timings, a positive probe-level grace period. */
export function validateProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const p = optObj(probe)
  if (!p) return []
  const errs = validateHandler(p, 'probe', gracePeriod, fldPath)
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...validateNonnegativeField(num(p[f]), fldPath.child(f)))
  }
  const tgps = optNum(p.terminationGracePeriodSeconds)
  if (tgps !== undefined && tgps <= 0) {
    errs.push(
      invalid(fldPath.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'),
    )
  }
  return errs
}

/** validateLivenessProbe: a probe whose successThreshold must be 1. */
export function validateLivenessProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const p = optObj(probe)
  if (!p) return []
  const errs = validateProbe(p, gracePeriod, fldPath)
  const st = num(p.successThreshold)
  if (st !== 1) errs.push(invalid(fldPath.child('successThreshold'), st, 'must be 1'))
  return errs
}

/** validateReadinessProbe: a probe without a probe-level terminationGracePeriodSeconds. */
export function validateReadinessProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const p = optObj(probe)
  if (!p) return []
  const errs = validateProbe(p, gracePeriod, fldPath)
  const tgps = optNum(p.terminationGracePeriodSeconds)
  if (tgps !== undefined) {
    errs.push(
      invalid(
        fldPath.child('terminationGracePeriodSeconds'),
        tgps,
        'must not be set for readinessProbes',
      ),
    )
  }
  return errs
}

/**
 * validateStartupProbe: a probe whose successThreshold must be 1. Upstream writes the same
 * body twice, once for liveness and once for startup; here it is written once.
 */
export const validateStartupProbe: typeof validateLivenessProbe = validateLivenessProbe
