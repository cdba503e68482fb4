/**
 * Container port validation, and host ports unique across a pod's containers.
 * Mirrors pkg/apis/core/validation/validation.go validateContainerPorts and
 * AccumulateUniqueHostPorts
 */
import {
  duplicate,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { isValidPortName, isValidPortNum } from './names'
import { list, num, obj, str } from './objectMeta'

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP']

/** validateContainerPorts: IANA port names unique per container, ports in range, a known protocol. */
export function validateContainerPorts(ports: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const allNames = new Set<string>()
  list(ports).forEach((raw, i) => {
    const port = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(port.name)
    if (name !== '') {
      const msgs = isValidPortName(name)
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(idxPath.child('name'), name, m)))
      else if (allNames.has(name)) errs.push(duplicate(idxPath.child('name'), name))
      else allNames.add(name)
    }
    const containerPort = num(port.containerPort)
    if (containerPort === 0) errs.push(required(idxPath.child('containerPort')))
    else
      errs.push(
        ...isValidPortNum(containerPort).map((m) =>
          invalid(idxPath.child('containerPort'), containerPort, m),
        ),
      )
    const hostPort = num(port.hostPort)
    if (hostPort !== 0)
      errs.push(
        ...isValidPortNum(hostPort).map((m) => invalid(idxPath.child('hostPort'), hostPort, m)),
      )
    const protocol = str(port.protocol)
    if (protocol === '') errs.push(required(idxPath.child('protocol')))
    else if (!supportedPortProtocols.includes(protocol)) {
      errs.push(notSupported(idxPath.child('protocol'), protocol, supportedPortProtocols))
    }
  })
  return errs
}

/** AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple may be used once. */
export function checkHostPortConflicts(
  containers: readonly unknown[],
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((raw, ci) => {
    list(obj(raw).ports).forEach((rp, pi) => {
      const p = obj(rp)
      const hostPort = num(p.hostPort)
      if (hostPort === 0) return
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${hostPort}`
      if (seen.has(key))
        errs.push(duplicate(fldPath.index(ci).child('ports').index(pi).child('hostPort'), key))
      else seen.add(key)
    })
  })
  return errs
}
