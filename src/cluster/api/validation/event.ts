/**
 * Event validation for core/v1 Events: the legacy rules every Event must pass (the
 * stricter events.k8s.io/v1 rules are not applied to core/v1 requests).
 * Mirrors pkg/apis/core/validation/events.go legacyValidateEvent / ValidateEventCreate
 */
import { fieldPath, invalid, required, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { byteLength, isDNS1123Subdomain, isQualifiedName } from './names'
import { obj, str } from './objectMeta'

const reportingInstanceLengthLimit = 128
const actionLengthLimit = 128
const reasonLengthLimit = 128
const noteLengthLimit = 1024

/** legacyValidateEvent: the involved object's namespace agrees with the Event's, and new-style fields are sane. */
export function validateEvent(event: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  const namespace = str(obj(event.metadata).namespace)
  const involvedNs = str(obj(event.involvedObject).namespace)
  const nsPath = fieldPath('involvedObject', 'namespace')
  const mismatch = 'does not match event.namespace'
  // An Event without eventTime is old-style: only the namespaces are checked.
  if (!event.eventTime) {
    if (involvedNs === '') {
      // Old clients write cluster-scoped objects' events into "default".
      if (namespace !== '' && namespace !== 'default')
        errs.push(invalid(nsPath, involvedNs, mismatch))
    } else if (namespace !== involvedNs) {
      errs.push(invalid(nsPath, involvedNs, mismatch))
    }
  } else {
    if (involvedNs === '' && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(nsPath, involvedNs, mismatch))
    }
    // The Go field is ReportingController; its JSON name is reportingComponent.
    const controller = str(event.reportingComponent)
    if (controller === '') errs.push(required(fieldPath('reportingController'), ''))
    errs.push(
      ...isQualifiedName(controller).map((msg) =>
        invalid(fieldPath('reportingController'), controller, msg),
      ),
    )
    const lengthChecks: [string, string, number, boolean][] = [
      ['reportingInstance', str(event.reportingInstance), reportingInstanceLengthLimit, true],
      ['action', str(event.action), actionLengthLimit, true],
      ['reason', str(event.reason), reasonLengthLimit, true],
      ['message', str(event.message), noteLengthLimit, false],
    ]
    for (const [name, value, limit, isRequired] of lengthChecks) {
      if (isRequired && value === '') errs.push(required(fieldPath(name), ''))
      if (byteLength(value) > limit)
        errs.push(invalid(fieldPath(name), '', `can have at most ${limit} characters`))
    }
  }
  errs.push(
    ...isDNS1123Subdomain(namespace).map((msg) => invalid(fieldPath('namespace'), namespace, msg)),
  )
  return errs
}

/**
 * ValidateEventUpdate for core/v1: the new Event passes the legacy rules; the old one is
 * not consulted (immutability applies only to events.k8s.io/v1 requests).
 */
export function validateEventUpdate(newEvent: KubeObject): FieldError[] {
  return validateEvent(newEvent)
}
