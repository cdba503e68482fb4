/**
 * Endpoints validation (core/v1): subsets of addresses and ports, plus the IP checks
 * Services share (ValidateNonSpecialIP).
 * Mirrors pkg/apis/core/validation/validation.go ValidateEndpoints* / ValidateNonSpecialIP
 */
import {
  fieldPath,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import type { KubeObject } from '../types'
import { parseIP } from './ipParse'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import {
  isDNS1123Label,
  isQualifiedName,
  isValidIP,
  isValidPortNum,
  nameIsDNSSubdomain,
} from './names'
import { list, num, obj, optStr, str } from './objectMeta'
import { metaOf } from './replicaSet'

/** The protocols a Service or Endpoints port may use, sorted as sets.List returns them. */
export const supportedPortProtocols: readonly string[] = ['SCTP', 'TCP', 'UDP']

/**
 * ValidateNonSpecialIP: an address that is not unspecified, loopback or link-local
 * (Endpoints, EndpointSlices and Service externalIPs may not point there).
 */
export function validateNonSpecialIP(ipAddress: string, fldPath: FieldPath): FieldError[] {
  const ip = parseIP(ipAddress)
  if (!ip) return [invalid(fldPath, ipAddress, 'must be a valid IP address')]
  const b = ip.bytes
  const v4 = ip.v4 ? b.slice(12) : undefined
  const errs: FieldError[] = []
  // net.IP's predicates: IPv4 (and IPv4-mapped) addresses are judged on their last 4 bytes.
  const unspecified = v4 ? v4.every((x) => x === 0) : b.every((x) => x === 0)
  const loopback = v4 ? v4[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1
  const linkLocalUnicast = v4
    ? v4[0] === 169 && v4[1] === 254
    : b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80
  const linkLocalMulticast = v4
    ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0
    : b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 0x02
  if (unspecified) errs.push(invalid(fldPath, ipAddress, `may not be unspecified (${ipAddress})`))
  if (loopback)
    errs.push(
      invalid(fldPath, ipAddress, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'),
    )
  if (linkLocalUnicast) {
    errs.push(
      invalid(fldPath, ipAddress, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
    )
  }
  if (linkLocalMulticast) {
    errs.push(
      invalid(
        fldPath,
        ipAddress,
        'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ),
    )
  }
  return errs
}

/** validation.IsValidIP as field errors. */
export function validateIP(value: string, fldPath: FieldPath): FieldError[] {
  return isValidIP(value).map((msg) => invalid(fldPath, value, msg))
}

function validateEndpointAddress(value: unknown, fldPath: FieldPath): FieldError[] {
  const address = obj(value)
  const ip = str(address.ip)
  const errs = validateIP(ip, fldPath.child('ip'))
  const hostname = str(address.hostname)
  if (hostname !== '') {
    errs.push(
      ...isDNS1123Label(hostname).map((msg) => invalid(fldPath.child('hostname'), hostname, msg)),
    )
  }
  const nodeName = optStr(address.nodeName)
  if (nodeName !== undefined) {
    errs.push(
      ...nameIsDNSSubdomain(nodeName, false).map((msg) =>
        invalid(fldPath.child('nodeName'), nodeName, msg),
      ),
    )
  }
  errs.push(...validateNonSpecialIP(ip, fldPath.child('ip')))
  return errs
}

function validateEndpointPort(
  value: unknown,
  requireName: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const port = obj(value)
  const errs: FieldError[] = []
  const name = str(port.name)
  if (requireName && name === '') errs.push(required(fldPath.child('name'), ''))
  else if (name !== '')
    errs.push(...isDNS1123Label(name).map((msg) => invalid(fldPath.child('name'), name, msg)))
  const portNum = num(port.port)
  errs.push(...isValidPortNum(portNum).map((msg) => invalid(fldPath.child('port'), portNum, msg)))
  const protocol = str(port.protocol)
  if (protocol === '') errs.push(required(fldPath.child('protocol'), ''))
  else if (!supportedPortProtocols.includes(protocol)) {
    errs.push(notSupported(fldPath.child('protocol'), protocol, supportedPortProtocols))
  }
  const appProtocol = optStr(port.appProtocol)
  if (appProtocol !== undefined) {
    errs.push(
      ...isQualifiedName(appProtocol).map((msg) =>
        invalid(fldPath.child('appProtocol'), appProtocol, msg),
      ),
    )
  }
  return errs
}

function validateEndpointSubsets(subsets: unknown[], fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  subsets.forEach((value, i) => {
    const ss = obj(value)
    const idxPath = fldPath.index(i)
    const addresses = list(ss.addresses)
    const notReady = list(ss.notReadyAddresses)
    // Headless services may have endpoints without ports, but never without addresses.
    if (addresses.length === 0 && notReady.length === 0) {
      errs.push(required(idxPath, 'must specify `addresses` or `notReadyAddresses`'))
    }
    addresses.forEach((a, j) =>
      errs.push(...validateEndpointAddress(a, idxPath.child('addresses').index(j))),
    )
    notReady.forEach((a, j) =>
      errs.push(...validateEndpointAddress(a, idxPath.child('notReadyAddresses').index(j))),
    )
    const ports = list(ss.ports)
    ports.forEach((p, j) =>
      errs.push(...validateEndpointPort(p, ports.length > 1, idxPath.child('ports').index(j))),
    )
  })
  return errs
}

/** ValidateEndpoints: create (and the body of every update). */
export function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(ep), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateEndpointSubsets(list(ep.subsets), fieldPath('subsets')))
  return errs
}

/** ValidateEndpointsUpdate: metadata update, then the whole object again. */
export function validateEndpointsUpdate(newEp: KubeObject, oldEp: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newEp), metaOf(oldEp), fieldPath('metadata'))
  errs.push(...validateEndpoints(newEp))
  return errs
}
