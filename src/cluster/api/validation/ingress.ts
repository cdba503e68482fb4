/**
 * Ingress validation (networking.k8s.io/v1): rules with DNS or wildcard hosts, typed
 * absolute paths, service or resource backends, TLS hosts and secret names.
 * Mirrors pkg/apis/networking/validation/validation.go ValidateIngress*
 */
import {
  fieldPath,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { goLiteral } from '../goFormat'
import type { KubeObject } from '../types'
import { validateIP } from './endpoints'
import { parseIP } from './ipParse'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import {
  byteLength,
  dns1123SubdomainMaxLength,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  regexError,
} from './names'
import { list, num, obj, optObj, optStr, str, strList, strMap, type Obj } from './objectMeta'
import { metaOf } from './replicaSet'
import { validateLoadBalancerHostname } from './service'

const supportedPathTypes = ['Exact', 'ImplementationSpecific', 'Prefix']
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F']
const invalidPathSuffixes = ['/..', '/.']
const annotationIngressClass = 'kubernetes.io/ingress.class'

const wildcardDNS1123SubdomainFmt =
  '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'
const wildcardDNS1123SubdomainErrMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"

/** IsWildcardDNS1123Subdomain: "*." then a DNS subdomain (RFC 1034 section 4.3.3). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1123SubdomainMaxLength)
    errs.push(maxLenError(dns1123SubdomainMaxLength))
  if (!new RegExp(`^${wildcardDNS1123SubdomainFmt}$`).test(value)) {
    errs.push(
      regexError(wildcardDNS1123SubdomainErrMsg, wildcardDNS1123SubdomainFmt, '*.example.com'),
    )
  }
  return errs
}

/** IngressValidationOptions: leniency for invalid data an update inherits from the stored object. */
interface IngressOptions {
  allowInvalidSecretName: boolean
  allowInvalidWildcardHostRule: boolean
}

function validateTypedLocalObjectReference(ref: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const apiGroup = optStr(ref.apiGroup)
  if (apiGroup !== undefined) {
    errs.push(
      ...isDNS1123Subdomain(apiGroup).map((msg) =>
        invalid(fldPath.child('apiGroup'), apiGroup, msg),
      ),
    )
  }
  for (const name of ['kind', 'name']) {
    const v = str(ref[name])
    if (v === '') errs.push(required(fldPath.child(name), ''))
    else errs.push(...isValidPathSegmentName(v).map((msg) => invalid(fldPath.child(name), v, msg)))
  }
  return errs
}

/** validateIngressBackend: exactly one of a resource or a service, the service with one of port name or number. */
function validateIngressBackend(value: unknown, fldPath: FieldPath): FieldError[] {
  const backend = obj(value)
  const resource = optObj(backend.resource)
  const service = optObj(backend.service)
  if (resource && service)
    return [invalid(fldPath, '', 'cannot set both resource and service backends')]
  if (resource) return validateTypedLocalObjectReference(resource, fldPath.child('resource'))
  if (!service) return [invalid(fldPath, '', 'resource or service backend is required')]
  const errs: FieldError[] = []
  const name = str(service.name)
  const namePath = fldPath.child('service', 'name')
  if (name === '') errs.push(required(namePath, ''))
  else errs.push(...nameIsDNS1035Label(name, false).map((msg) => invalid(namePath, name, msg)))
  const port = obj(service.port)
  const portName = str(port.name)
  const portNumber = num(port.number)
  if (portName !== '' && portNumber !== 0) {
    errs.push(invalid(fldPath, '', 'cannot set both port name & port number'))
  } else if (portName !== '') {
    errs.push(
      ...isValidPortName(portName).map((msg) =>
        invalid(fldPath.child('service', 'port', 'name'), portName, msg),
      ),
    )
  } else if (portNumber !== 0) {
    errs.push(
      ...isValidPortNum(portNumber).map((msg) =>
        invalid(fldPath.child('service', 'port', 'number'), portNumber, msg),
      ),
    )
  } else {
    errs.push(required(fldPath, 'port name or number is required'))
  }
  return errs
}

function validateHTTPIngressPath(value: unknown, fldPath: FieldPath): FieldError[] {
  const p = obj(value)
  const pathType = optStr(p.pathType)
  if (pathType === undefined)
    return [required(fldPath.child('pathType'), 'pathType must be specified')]
  const path = str(p.path)
  const pathPath = fldPath.child('path')
  const errs: FieldError[] = []
  switch (pathType) {
    case 'Exact':
    case 'Prefix':
      if (!path.startsWith('/')) errs.push(invalid(pathPath, path, 'must be an absolute path'))
      if (path !== '') {
        for (const seq of invalidPathSequences) {
          if (path.includes(seq)) errs.push(invalid(pathPath, path, `must not contain '${seq}'`))
        }
        for (const suffix of invalidPathSuffixes) {
          if (path.endsWith(suffix))
            errs.push(invalid(pathPath, path, `cannot end with '${suffix}'`))
        }
      }
      break
    case 'ImplementationSpecific':
      if (path !== '' && !path.startsWith('/'))
        errs.push(invalid(pathPath, path, 'must be an absolute path'))
      break
    default:
      errs.push(notSupported(fldPath.child('pathType'), pathType, supportedPathTypes))
  }
  errs.push(...validateIngressBackend(p.backend, fldPath.child('backend')))
  return errs
}

function validateIngressRuleValue(rule: Obj, fldPath: FieldPath): FieldError[] {
  const http = optObj(rule.http)
  if (!http) return []
  const errs: FieldError[] = []
  const paths = list(http.paths)
  if (paths.length === 0) errs.push(required(fldPath.child('http', 'paths'), ''))
  paths.forEach((p, i) =>
    errs.push(...validateHTTPIngressPath(p, fldPath.child('http', 'paths').index(i))),
  )
  return errs
}

function validateIngressRules(
  rules: Obj[],
  fldPath: FieldPath,
  opts: IngressOptions,
): FieldError[] {
  const errs: FieldError[] = []
  rules.forEach((rule, i) => {
    const hostPath = fldPath.index(i).child('host')
    const host = str(rule.host)
    let wildcardHost = false
    if (host !== '') {
      if (parseIP(host)) errs.push(invalid(hostPath, host, 'must be a DNS name, not an IP address'))
      if (host.includes('*')) {
        errs.push(...isWildcardDNS1123Subdomain(host).map((msg) => invalid(hostPath, host, msg)))
        wildcardHost = true
      } else {
        errs.push(...isDNS1123Subdomain(host).map((msg) => invalid(hostPath, host, msg)))
      }
    }
    if (!wildcardHost || !opts.allowInvalidWildcardHostRule)
      errs.push(...validateIngressRuleValue(rule, fldPath.index(i)))
  })
  return errs
}

function validateTLSSecretName(name: string): string[] {
  return name === '' ? [] : nameIsDNSSubdomain(name, false)
}

function validateIngressTLS(tls: Obj[], fldPath: FieldPath, opts: IngressOptions): FieldError[] {
  const errs: FieldError[] = []
  tls.forEach((t, ti) => {
    strList(t.hosts).forEach((host, i) => {
      const hostPath = fldPath.index(ti).child('hosts').index(i)
      const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain
      errs.push(...check(host).map((msg) => invalid(hostPath, host, msg)))
    })
    if (!opts.allowInvalidSecretName) {
      const secretName = str(t.secretName)
      errs.push(
        ...validateTLSSecretName(secretName).map((msg) =>
          invalid(fldPath.index(ti).child('secretName'), secretName, msg),
        ),
      )
    }
  })
  return errs
}

/** ValidateIngressSpec: a default backend or rules, then each part. */
export function validateIngressSpec(
  specValue: unknown,
  fldPath: FieldPath,
  opts: IngressOptions,
): FieldError[] {
  const spec = obj(specValue)
  const rules = list(spec.rules).map(obj)
  const errs: FieldError[] = []
  if (rules.length === 0 && spec.defaultBackend == null) {
    // %#v of the (nil or empty) []networking.IngressRule.
    const shown = goLiteral(
      Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)',
    )
    errs.push(invalid(fldPath, shown, 'either `defaultBackend` or `rules` must be specified'))
  }
  if (spec.defaultBackend != null)
    errs.push(...validateIngressBackend(spec.defaultBackend, fldPath.child('defaultBackend')))
  if (rules.length > 0) errs.push(...validateIngressRules(rules, fldPath.child('rules'), opts))
  const tls = list(spec.tls).map(obj)
  if (tls.length > 0) errs.push(...validateIngressTLS(tls, fldPath.child('tls'), opts))
  const className = optStr(spec.ingressClassName)
  if (className !== undefined) {
    errs.push(
      ...nameIsDNSSubdomain(className, false).map((msg) =>
        invalid(fldPath.child('ingressClassName'), className, msg),
      ),
    )
  }
  return errs
}

function validateIngressWith(ing: KubeObject, opts: IngressOptions): FieldError[] {
  const errs = validateObjectMeta(metaOf(ing), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateIngressSpec(ing.spec, fieldPath('spec'), opts))
  return errs
}

/** ValidateIngressCreate: the Ingress, and the legacy class annotation agreeing with ingressClassName. */
export function validateIngress(ing: KubeObject): FieldError[] {
  const errs = validateIngressWith(ing, {
    allowInvalidSecretName: false,
    allowInvalidWildcardHostRule: false,
  })
  const annotation = strMap(obj(ing.metadata).annotations)[annotationIngressClass]
  const className = optStr(obj(ing.spec).ingressClassName)
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    // Upstream builds this path as annotations.<key>, without "metadata." or brackets.
    errs.push(
      invalid(
        fieldPath('annotations', annotationIngressClass),
        annotation,
        'must match `ingressClassName` when both are specified',
      ),
    )
  }
  return errs
}

/** ValidateIngressUpdate: metadata, then the Ingress, tolerating bad data the old object already had. */
export function validateIngressUpdate(ing: KubeObject, oldIng: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(ing), metaOf(oldIng), fieldPath('metadata'))
  const oldSpec = obj(oldIng.spec)
  const opts: IngressOptions = {
    allowInvalidSecretName: list(oldSpec.tls).some(
      (t) => validateTLSSecretName(str(obj(t).secretName)).length > 0,
    ),
    allowInvalidWildcardHostRule: list(oldSpec.rules).some((r) => {
      const rule = obj(r)
      return (
        str(rule.host).includes('*') && validateIngressRuleValue(rule, fieldPath('spec')).length > 0
      )
    }),
  }
  errs.push(...validateIngressWith(ing, opts))
  return errs
}

/** ValidateIngressStatusUpdate: metadata and status.loadBalancer (IPs and DNS names). */
export function validateIngressStatusUpdate(ing: KubeObject, oldIng: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(ing), metaOf(oldIng), fieldPath('metadata'))
  const ingPath = fieldPath('status', 'loadBalancer', 'ingress')
  const oldIPs = new Set(
    list(obj(obj(oldIng.status).loadBalancer).ingress).map((x) => str(obj(x).ip)),
  )
  list(obj(obj(ing.status).loadBalancer).ingress).forEach((raw, i) => {
    const lb = obj(raw)
    const idxPath = ingPath.index(i)
    const ip = str(lb.ip)
    // IsValidIPForLegacyField: an address the old status already held is not re-judged.
    if (ip !== '' && !oldIPs.has(ip)) errs.push(...validateIP(ip, idxPath.child('ip')))
    errs.push(...validateLoadBalancerHostname(str(lb.hostname), idxPath.child('hostname')))
  })
  return errs
}
