/**
 * A pod's DNS settings: dnsPolicy and dnsConfig.
 * Mirrors pkg/apis/core/validation/validation.go validateDNSPolicy and validatePodDNSConfig
 */
import { invalid, notSupported, required, type FieldError, type FieldPath } from '../field'
import { isDNS1123Subdomain, isValidIP } from './names'
import { list, obj, optObj, str, strList } from './objectMeta'

const dnsSubdomain = (value: string, p: FieldPath): FieldError[] =>
  isDNS1123Subdomain(value).map((m) => invalid(p, value, m))
const ipAddress = (value: string, p: FieldPath): FieldError[] =>
  isValidIP(value).map((m) => invalid(p, value, m))

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

/** validateDNSPolicy: one of the four DNS policies (defaulting fills it in). */
export function validateDNSPolicy(policy: string, fldPath: FieldPath): FieldError[] {
  if (dnsPolicies.includes(policy)) return []
  if (policy === '') return [required(fldPath)]
  return [notSupported(fldPath, policy, dnsPolicies)]
}

/** validatePodDNSConfig: nameservers, searches and options; dnsPolicy None needs nameservers. */
export function validatePodDNSConfig(
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
