/**
 * Service validation (core/v1): create, update (clusterIPs, ipFamilies, loadBalancerClass
 * and healthCheckNodePort may not change) and status update.
 * Mirrors pkg/apis/core/validation/validation.go ValidateService* and
 * pkg/api/service/util.go ExternallyAccessible / NeedsHealthCheck
 */
import {
  fieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  duplicate,
  type FieldError,
  type FieldPath,
} from '../field'
import { goLiteral, goQuote } from '../goFormat'
import type { KubeObject } from '../types'
import { supportedPortProtocols, validateIP, validateNonSpecialIP } from './endpoints'
import { parseIP } from './ipParse'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import {
  isCIDR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortNum,
  nameIsDNS1035Label,
} from './names'
import {
  list,
  num,
  obj,
  optNum,
  optObj,
  optStr,
  str,
  strList,
  strMap,
  type Obj,
} from './objectMeta'
import { validatePortNumOrName } from './probe'
import { metaOf } from './replicaSet'

const supportedSessionAffinityType = ['ClientIP', 'None']
const supportedServiceType = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const supportedTrafficPolicy = ['Cluster', 'Local']
const supportedIPFamily = ['IPv4', 'IPv6']
const supportedIPFamilyPolicy = ['PreferDualStack', 'RequireDualStack', 'SingleStack']
const supportedLoadBalancerIPMode = ['Proxy', 'VIP']
// pkg/cluster/ports KubeletPort, which LoadBalancers may not expose.
const kubeletPort = 10250
// core.MaxClientIPServiceAffinitySeconds
const maxClientIPServiceAffinitySeconds = 86400
const annotationTopologyMode = 'service.kubernetes.io/topology-mode'
const deprecatedAnnotationTopologyAwareHints = 'service.kubernetes.io/topology-aware-hints'
const annotationLoadBalancerSourceRanges = 'service.beta.kubernetes.io/load-balancer-source-ranges'

/** The parts of a Service spec the rules read, decoded defensively. */
interface ServiceView {
  spec: Obj
  type: string
  clusterIP: string
  clusterIPs: string[]
  ipFamilies: string[]
  ipFamilyPolicy: string | undefined
  ports: Obj[]
  annotations: Record<string, string>
}

function view(svc: KubeObject): ServiceView {
  const spec = obj(svc.spec)
  return {
    spec,
    type: str(spec.type),
    clusterIP: str(spec.clusterIP),
    clusterIPs: strList(spec.clusterIPs),
    ipFamilies: strList(spec.ipFamilies),
    ipFamilyPolicy: optStr(spec.ipFamilyPolicy),
    ports: list(spec.ports).map(obj),
    annotations: strMap(obj(svc.metadata).annotations),
  }
}

function isHeadless(s: ServiceView): boolean {
  return s.clusterIPs.length === 1 && s.clusterIPs[0] === 'None'
}

/** ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with externalIPs. */
function externallyAccessible(s: ServiceView): boolean {
  return (
    s.type === 'LoadBalancer' ||
    s.type === 'NodePort' ||
    (s.type === 'ClusterIP' && strList(s.spec.externalIPs).length > 0)
  )
}

/** NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
function needsHealthCheck(s: ServiceView): boolean {
  return s.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local'
}

function validateServicePort(
  sp: Obj,
  requireName: boolean,
  allNames: Set<string>,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const name = str(sp.name)
  if (requireName && name === '') {
    errs.push(required(fldPath.child('name'), ''))
  } else if (name !== '') {
    errs.push(...isDNS1123Label(name).map((msg) => invalid(fldPath.child('name'), name, msg)))
    if (allNames.has(name)) errs.push(duplicate(fldPath.child('name'), name))
    else allNames.add(name)
  }
  const port = num(sp.port)
  errs.push(...isValidPortNum(port).map((msg) => invalid(fldPath.child('port'), port, msg)))
  const protocol = str(sp.protocol)
  if (protocol === '') errs.push(required(fldPath.child('protocol'), ''))
  else if (!supportedPortProtocols.includes(protocol)) {
    errs.push(notSupported(fldPath.child('protocol'), protocol, supportedPortProtocols))
  }
  errs.push(...validatePortNumOrName(sp.targetPort, fldPath.child('targetPort')))
  const appProtocol = optStr(sp.appProtocol)
  if (appProtocol !== undefined) {
    errs.push(
      ...isQualifiedName(appProtocol).map((msg) =>
        invalid(fldPath.child('appProtocol'), appProtocol, msg),
      ),
    )
  }
  return errs
}

function validateClientIPAffinityConfig(value: unknown, fldPath: FieldPath): FieldError[] {
  const detail = 'when session affinity type is ClientIP'
  const config = optObj(value)
  if (!config) return [required(fldPath, detail)]
  const clientIP = optObj(config.clientIP)
  if (!clientIP) return [required(fldPath.child('clientIP'), detail)]
  const timeout = optNum(clientIP.timeoutSeconds)
  const timeoutPath = fldPath.child('clientIP').child('timeoutSeconds')
  if (timeout === undefined) return [required(timeoutPath, detail)]
  if (timeout <= 0 || timeout > maxClientIPServiceAffinitySeconds) {
    return [
      invalid(
        timeoutPath,
        timeout,
        `must be greater than 0 and less than ${maxClientIPServiceAffinitySeconds}`,
      ),
    ]
  }
  return []
}

function isIPv6String(ip: string): boolean {
  const parsed = parseIP(ip)
  return parsed !== undefined && !parsed.v4
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs in sync, families and policy valid. */
function validateClusterIPsRelatedFields(s: ServiceView): FieldError[] {
  // ExternalName services had these fields checked (all unset) already.
  if (s.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const clusterIPsField = fieldPath('spec', 'clusterIPs')
  const ipFamiliesField = fieldPath('spec', 'ipFamilies')
  if (s.clusterIP !== '') {
    if (s.clusterIPs.length === 0) errs.push(required(clusterIPsField, ''))
    else if (s.clusterIPs[0] !== s.clusterIP)
      errs.push(invalid(clusterIPsField, s.clusterIPs, 'first value must match `clusterIP`'))
  } else if (s.clusterIPs.length !== 0) {
    errs.push(
      invalid(clusterIPsField, s.clusterIPs, 'must be empty when `clusterIP` is not specified'),
    )
  }
  const seen = new Set<string>()
  s.ipFamilies.forEach((family, i) => {
    if (!supportedIPFamily.includes(family))
      errs.push(notSupported(ipFamiliesField.index(i), family, supportedIPFamily))
    if (seen.has(family)) errs.push(duplicate(ipFamiliesField.index(i), family))
    seen.add(family)
  })
  if (s.ipFamilyPolicy !== undefined && !supportedIPFamilyPolicy.includes(s.ipFamilyPolicy)) {
    errs.push(
      notSupported(fieldPath('spec', 'ipFamilyPolicy'), s.ipFamilyPolicy, supportedIPFamilyPolicy),
    )
  }
  let hasInvalidIPs = false
  s.clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (s.clusterIPs.length > 1) {
        hasInvalidIPs = true
        errs.push(invalid(clusterIPsField, s.clusterIPs, "'None' must be the first and only value"))
      }
      return
    }
    const ipErrs = validateIP(ip, clusterIPsField.index(i))
    if (ipErrs.length > 0) hasInvalidIPs = true
    errs.push(...ipErrs)
  })
  if (s.clusterIPs.length > 2)
    errs.push(invalid(clusterIPsField, s.clusterIPs, 'may only hold up to 2 values'))
  // A bad address would skew the dual-stack and family messages below.
  if (hasInvalidIPs) return errs
  if (s.clusterIPs.length > 1) {
    const v6 = s.clusterIPs.map(isIPv6String)
    if (!(v6.includes(true) && v6.includes(false))) {
      errs.push(
        invalid(
          clusterIPsField,
          s.clusterIPs,
          'may specify no more than one IP for each IP family',
        ),
      )
    }
  }
  if (!isHeadless(s) && s.clusterIPs.length > 0 && s.ipFamilies.length > 0) {
    s.clusterIPs.forEach((ip, i) => {
      const family = s.ipFamilies[i]
      if (family === 'IPv4' && isIPv6String(ip)) {
        errs.push(
          invalid(
            clusterIPsField.index(i),
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        )
      }
      if (family === 'IPv6' && !isIPv6String(ip)) {
        errs.push(
          invalid(
            clusterIPsField.index(i),
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        )
      }
    })
  }
  return errs
}

function validateLoadBalancerClassField(
  old: ServiceView | undefined,
  s: ServiceView,
): FieldError[] {
  const classPath = fieldPath('spec', 'loadBalancerClass')
  const cls = optStr(s.spec.loadBalancerClass)
  const errs: FieldError[] = []
  if (
    old &&
    old.type === 'LoadBalancer' &&
    s.type === 'LoadBalancer' &&
    optStr(old.spec.loadBalancerClass) !== cls
  ) {
    errs.push(invalid(classPath, cls ?? null, 'may not change once set'))
  }
  if (s.type === 'LoadBalancer') {
    if (cls !== undefined)
      errs.push(...isQualifiedName(cls).map((msg) => invalid(classPath, cls, msg)))
  } else if (cls !== undefined) {
    errs.push(forbidden(classPath, "may only be used when `type` is 'LoadBalancer'"))
  }
  return errs
}

function validateExternalTrafficPolicy(s: ServiceView): FieldError[] {
  const errs: FieldError[] = []
  const etpPath = fieldPath('spec', 'externalTrafficPolicy')
  const etp = str(s.spec.externalTrafficPolicy)
  if (!externallyAccessible(s)) {
    if (etp !== '')
      errs.push(invalid(etpPath, etp, 'may only be set for externally-accessible services'))
  } else if (etp === '') {
    errs.push(required(etpPath, ''))
  } else if (!supportedTrafficPolicy.includes(etp)) {
    errs.push(notSupported(etpPath, etp, supportedTrafficPolicy))
  }
  const hcPath = fieldPath('spec', 'healthCheckNodePort')
  const hcnp = num(s.spec.healthCheckNodePort)
  if (!needsHealthCheck(s)) {
    if (hcnp !== 0) {
      errs.push(
        invalid(
          hcPath,
          hcnp,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      )
    }
  } else if (hcnp === 0) {
    errs.push(required(hcPath, ''))
  } else {
    errs.push(...isValidPortNum(hcnp).map((msg) => invalid(hcPath, hcnp, msg)))
  }
  return errs
}

function validateSourceRanges(s: ServiceView): FieldError[] {
  const errs: FieldError[] = []
  const lbOnly = "may only be used when `type` is 'LoadBalancer'"
  const ranges = strList(s.spec.loadBalancerSourceRanges)
  const annotation = s.annotations[annotationLoadBalancerSourceRanges]
  if (ranges.length > 0) {
    // Upstream's path really is capitalised here.
    const p = fieldPath('spec', 'LoadBalancerSourceRanges')
    if (s.type !== 'LoadBalancer') errs.push(forbidden(p, lbOnly))
    ranges.forEach((raw, i) => {
      // Space-padding is tolerated: a leftover of the annotation this field replaced.
      const value = raw.trim()
      errs.push(...isCIDR(value).map((msg) => invalid(p.index(i), value, msg)))
    })
  } else if (annotation !== undefined) {
    const p = fieldPath('metadata', 'annotations').key(annotationLoadBalancerSourceRanges)
    if (s.type !== 'LoadBalancer') errs.push(forbidden(p, lbOnly))
    const val = annotation.trim()
    if (val !== '') {
      for (const part of val.split(',')) {
        const value = part.trim()
        errs.push(...isCIDR(value).map((msg) => invalid(p, value, msg)))
      }
    }
  }
  return errs
}

function validatePortUniqueness(s: ServiceView, portsPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const nodePorts = new Set<string>()
  s.ports.forEach((p, i) => {
    const nodePort = num(p.nodePort)
    if (nodePort === 0) return
    const key = `${str(p.protocol)}/${nodePort}`
    if (nodePorts.has(key)) errs.push(duplicate(portsPath.index(i).child('nodePort'), nodePort))
    nodePorts.add(key)
  })
  const ports = new Set<string>()
  s.ports.forEach((p, i) => {
    const protocol = str(p.protocol)
    const port = num(p.port)
    const k = `${protocol}/${port}`
    // The duplicate is reported with upstream's key, a ServicePort holding only these two.
    const key = goLiteral(
      `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
    )
    if (ports.has(k)) errs.push(duplicate(portsPath.index(i), key))
    ports.add(k)
  })
  return errs
}

/** ValidateService: create (and the body of every update). */
export function validateService(svc: KubeObject): FieldError[] {
  const s = view(svc)
  const metaPath = fieldPath('metadata')
  const errs = validateObjectMeta(metaOf(svc), true, nameIsDNS1035Label, metaPath)
  const hints = s.annotations[deprecatedAnnotationTopologyAwareHints]
  const mode = s.annotations[annotationTopologyMode]
  if (hints !== undefined && mode !== undefined && hints !== mode) {
    errs.push(
      invalid(
        metaPath.child('annotations').key(annotationTopologyMode),
        mode,
        `must match annotations[${deprecatedAnnotationTopologyAwareHints}] when both are specified`,
      ),
    )
  }
  const specPath = fieldPath('spec')
  const portsPath = specPath.child('ports')
  if (s.ports.length === 0 && !isHeadless(s) && s.type !== 'ExternalName')
    errs.push(required(portsPath, ''))
  switch (s.type) {
    case 'LoadBalancer':
      s.ports.forEach((p, i) => {
        // Clouds that over-open firewalls would expose the kubelet.
        if (num(p.port) === kubeletPort) {
          errs.push(
            invalid(
              portsPath.index(i),
              kubeletPort,
              `may not expose port ${kubeletPort} externally since it is used by kubelet`,
            ),
          )
        }
      })
      if (isHeadless(s)) {
        errs.push(
          invalid(
            specPath.child('clusterIPs').index(0),
            'None',
            "may not be set to 'None' for LoadBalancer services",
          ),
        )
      }
      break
    case 'NodePort':
      if (isHeadless(s)) {
        errs.push(
          invalid(
            specPath.child('clusterIPs').index(0),
            'None',
            "may not be set to 'None' for NodePort services",
          ),
        )
      }
      break
    case 'ExternalName': {
      if (s.clusterIPs.length > 0)
        errs.push(
          forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'),
        )
      if (s.ipFamilies.length > 0)
        errs.push(
          forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'),
        )
      if (s.ipFamilyPolicy !== undefined) {
        errs.push(
          forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'),
        )
      }
      // A trailing dot marks the CNAME as fully qualified.
      const cname = str(s.spec.externalName).replace(/\.$/, '')
      if (cname !== '')
        errs.push(
          ...isDNS1123Subdomain(cname).map((msg) =>
            invalid(specPath.child('externalName'), cname, msg),
          ),
        )
      else errs.push(required(specPath.child('externalName'), ''))
      break
    }
  }
  const allNames = new Set<string>()
  s.ports.forEach((p, i) =>
    errs.push(...validateServicePort(p, s.ports.length > 1, allNames, portsPath.index(i))),
  )
  if (s.spec.selector !== undefined && s.spec.selector !== null) {
    errs.push(...validateLabels(s.spec.selector, specPath.child('selector')))
  }
  const affinity = str(s.spec.sessionAffinity)
  if (affinity === '') errs.push(required(specPath.child('sessionAffinity'), ''))
  else if (!supportedSessionAffinityType.includes(affinity)) {
    errs.push(
      notSupported(specPath.child('sessionAffinity'), affinity, supportedSessionAffinityType),
    )
  }
  if (affinity === 'ClientIP') {
    errs.push(
      ...validateClientIPAffinityConfig(
        s.spec.sessionAffinityConfig,
        specPath.child('sessionAffinityConfig'),
      ),
    )
  } else if (affinity === 'None' && optObj(s.spec.sessionAffinityConfig)) {
    errs.push(
      forbidden(
        specPath.child('sessionAffinityConfig'),
        'must not be set when session affinity is None',
      ),
    )
  }
  errs.push(...validateClusterIPsRelatedFields(s))
  strList(s.spec.externalIPs).forEach((ip, i) => {
    const idxPath = specPath.child('externalIPs').index(i)
    const ipErrs = validateIP(ip, idxPath)
    errs.push(...(ipErrs.length > 0 ? ipErrs : validateNonSpecialIP(ip, idxPath)))
  })
  if (s.type === '') errs.push(required(specPath.child('type'), ''))
  else if (!supportedServiceType.includes(s.type))
    errs.push(notSupported(specPath.child('type'), s.type, supportedServiceType))
  if (s.type === 'ClusterIP') {
    s.ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) {
        errs.push(
          forbidden(
            portsPath.index(i).child('nodePort'),
            "may not be used when `type` is 'ClusterIP'",
          ),
        )
      }
    })
  }
  errs.push(...validatePortUniqueness(s, portsPath))
  errs.push(...validateSourceRanges(s))
  const allocate = s.spec.allocateLoadBalancerNodePorts
  if (typeof allocate === 'boolean' && s.type !== 'LoadBalancer') {
    errs.push(
      forbidden(
        specPath.child('allocateLoadBalancerNodePorts'),
        "may only be used when `type` is 'LoadBalancer'",
      ),
    )
  }
  if (s.type === 'LoadBalancer' && typeof allocate !== 'boolean') {
    // Upstream reports this one without the "spec." prefix.
    errs.push(required(fieldPath('allocateLoadBalancerNodePorts'), ''))
  }
  errs.push(...validateLoadBalancerClassField(undefined, s))
  errs.push(...validateExternalTrafficPolicy(s))
  const itp = optStr(s.spec.internalTrafficPolicy)
  if (itp === undefined) {
    // Not required for ExternalName: it was never checked there before going beta.
    if (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP') {
      errs.push(required(specPath.child('internalTrafficPolicy'), ''))
    }
  } else if (!supportedTrafficPolicy.includes(itp)) {
    errs.push(notSupported(specPath.child('internalTrafficPolicy'), itp, supportedTrafficPolicy))
  }
  const td = optStr(s.spec.trafficDistribution)
  if (td !== undefined && td !== 'PreferClose')
    errs.push(notSupported(specPath.child('trafficDistribution'), td, ['PreferClose']))
  return errs
}

function validateUpgradeDowngradeClusterIPs(old: ServiceView, s: ServiceView): FieldError[] {
  if (s.type === 'ExternalName' || old.type === 'ExternalName') return []
  if (isHeadless(old) && isHeadless(s)) return []
  const errs: FieldError[] = []
  const p = fieldPath('spec', 'clusterIPs')
  const n = s.clusterIPs
  const o = old.clusterIPs
  if (o.length === n.length) {
    o.forEach((ip, i) => {
      if (ip !== n[i]) errs.push(invalid(p.index(i), n, 'may not change once set'))
    })
  } else if (o.length > n.length) {
    if (n.length === 0) errs.push(invalid(p.index(0), n, 'primary clusterIP can not be unset'))
    if (o.length > 0 && n.length > 0 && n[0] !== o[0])
      errs.push(invalid(p.index(0), n, 'may not change once set'))
    // Releasing the secondary IP is a downgrade the user must ask for.
    if (n.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalid(
          fieldPath('spec', 'ipFamilyPolicy'),
          s.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      )
    }
  } else if (o.length > 0 && n[0] !== o[0]) {
    errs.push(invalid(p.index(0), n, 'may not change once set'))
  }
  return errs
}

function validateUpgradeDowngradeIPFamilies(old: ServiceView, s: ServiceView): FieldError[] {
  if (s.type === 'ExternalName' || old.type === 'ExternalName') return []
  // Headless services may change families, and so may a switch to or from headless.
  if (isHeadless(s) || isHeadless(old)) return []
  const errs: FieldError[] = []
  const p0 = fieldPath('spec', 'ipFamilies').index(0)
  const n = s.ipFamilies
  const o = old.ipFamilies
  if (o.length === n.length) {
    o.forEach((family, i) => {
      if (family !== n[i]) errs.push(invalid(p0, n, 'may not change once set'))
    })
  } else if (o.length > n.length) {
    // Upstream tests clusterIPs (not ipFamilies) here, and reports clusterIPs as the value below.
    if (s.clusterIPs.length === 0) errs.push(invalid(p0, n, 'primary ipFamily can not be unset'))
    if (n.length > 0 && n[0] !== o[0])
      errs.push(invalid(p0, s.clusterIPs, 'may not change once set'))
    if (n.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalid(
          fieldPath('spec', 'ipFamilyPolicy'),
          s.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary ipFamily",
        ),
      )
    }
  } else if (o.length > 0 && n.length > 0 && n[0] !== o[0]) {
    errs.push(invalid(p0, s.clusterIPs, 'may not change once set'))
  }
  return errs
}

/** ValidateServiceUpdate: metadata, the immutable networking fields, then the whole Service again. */
export function validateServiceUpdate(newSvc: KubeObject, oldSvc: KubeObject): FieldError[] {
  const s = view(newSvc)
  const old = view(oldSvc)
  const errs = validateObjectMetaUpdate(metaOf(newSvc), metaOf(oldSvc), fieldPath('metadata'))
  errs.push(...validateUpgradeDowngradeClusterIPs(old, s))
  errs.push(...validateUpgradeDowngradeIPFamilies(old, s))
  errs.push(...validateLoadBalancerClassField(old, s))
  if (
    needsHealthCheck(old) &&
    needsHealthCheck(s) &&
    num(s.spec.healthCheckNodePort) !== num(old.spec.healthCheckNodePort)
  ) {
    errs.push(forbidden(fieldPath('spec', 'healthCheckNodePort'), 'field is immutable'))
  }
  errs.push(...validateService(newSvc))
  return errs
}

/**
 * The hostname check of a load-balancer ingress point, the same in ValidateLoadBalancerStatus
 * (core) and ValidateIngressLoadBalancerStatus (networking): a DNS subdomain, never an IP.
 */
export function validateLoadBalancerHostname(hostname: string, fldPath: FieldPath): FieldError[] {
  if (hostname === '') return []
  const errs = isDNS1123Subdomain(hostname).map((msg) => invalid(fldPath, hostname, msg))
  if (parseIP(hostname))
    errs.push(invalid(fldPath, hostname, 'must be a DNS name, not an IP address'))
  return errs
}

/** ValidateLoadBalancerStatus: ingress points only on LoadBalancers, each a valid IP (with ipMode) or DNS name. */
export function validateLoadBalancerStatus(
  value: unknown,
  fldPath: FieldPath,
  serviceType: string,
): FieldError[] {
  const ingress = list(obj(value).ingress)
  const ingrPath = fldPath.child('ingress')
  if (serviceType !== 'LoadBalancer' && ingress.length !== 0) {
    return [forbidden(ingrPath, "may only be used when `spec.type` is 'LoadBalancer'")]
  }
  const errs: FieldError[] = []
  ingress.forEach((raw, i) => {
    const ing = obj(raw)
    const idxPath = ingrPath.index(i)
    const ip = str(ing.ip)
    if (ip !== '') errs.push(...validateIP(ip, idxPath.child('ip')))
    const ipMode = optStr(ing.ipMode)
    if (ipMode === undefined) {
      if (ip !== '')
        errs.push(required(idxPath.child('ipMode'), 'must be specified when `ip` is set'))
    } else if (ip === '') {
      errs.push(forbidden(idxPath.child('ipMode'), 'may not be specified when `ip` is not set'))
    } else if (!supportedLoadBalancerIPMode.includes(ipMode)) {
      errs.push(notSupported(idxPath.child('ipMode'), ipMode, supportedLoadBalancerIPMode))
    }
    errs.push(...validateLoadBalancerHostname(str(ing.hostname), idxPath.child('hostname')))
  })
  return errs
}

/** ValidateServiceStatusUpdate: metadata and status.loadBalancer. */
export function validateServiceStatusUpdate(newSvc: KubeObject, oldSvc: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newSvc), metaOf(oldSvc), fieldPath('metadata'))
  errs.push(
    ...validateLoadBalancerStatus(
      obj(newSvc.status).loadBalancer,
      fieldPath('status', 'loadBalancer'),
      view(newSvc).type,
    ),
  )
  return errs
}
