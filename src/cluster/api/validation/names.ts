/**
 * Name and format checks that return plain messages (empty list = valid), as upstream's
 * util/validation package. Callers wrap each message in a field error.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (and the
 * api/validate/content helpers it delegates to: kube.go, identifier.go).
 */
import { parseIP, parseCIDR } from './ipParse'

/** "must be no more than N characters" (MaxLenError). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

/** A regex failure with optional examples, word for word as RegexError. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

/** "must be non-empty" (EmptyError). */
export function emptyError(): string {
  return 'must be non-empty'
}

/** "must be between lo and hi, inclusive" (InclusiveRangeError). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

/** Length in UTF-8 bytes, as Go's len(string): upstream limits count bytes, not characters. */
export function byteLength(s: string): number {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

const anchored = (fmt: string): RegExp => new RegExp(`^(?:${fmt})$`)

// ---- qualified names and label values (content/kube.go) ----

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const qualifiedNameMaxLength = 63
const qualifiedNameRegexp = anchored(qualifiedNameFmt)

/** IsQualifiedName (content.IsLabelKey): an optional DNS subdomain prefix and '/', then a 63-character name. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0] ?? ''
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? ''
    name = parts[1] ?? ''
    if (prefix.length === 0) errs.push('prefix part ' + emptyError())
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => 'prefix part ' + m))
  } else {
    return [
      'a valid label key ' +
        regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]
  }
  if (name.length === 0) errs.push('name part ' + emptyError())
  else if (byteLength(name) > qualifiedNameMaxLength)
    errs.push('name part ' + maxLenError(qualifiedNameMaxLength))
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(
      'name part ' +
        regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc'),
    )
  }
  return errs
}

/** The longest label value (LabelValueMaxLength). */
export const labelValueMaxLength = 63
const labelValueFmt = '(' + qualifiedNameFmt + ')?'
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelValueRegexp = anchored(labelValueFmt)

/** IsValidLabelValue (content.IsLabelValue): empty, or at most 63 characters of the qualified-name form. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > labelValueMaxLength) errs.push(maxLenError(labelValueMaxLength))
  if (!labelValueRegexp.test(value)) {
    errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'))
  }
  return errs
}

// ---- DNS names ----

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
/** A DNS-1123 label's max length (DNS1123LabelMaxLength). */
export const dns1123LabelMaxLength = 63
const dns1123LabelRegexp = anchored(dns1123LabelFmt)

const dns1123SubdomainFmt = dns1123LabelFmt + '(\\.' + dns1123LabelFmt + ')*'
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
/** A DNS-1123 subdomain's max length (DNS1123SubdomainMaxLength). */
export const dns1123SubdomainMaxLength = 253
const dns1123SubdomainRegexp = anchored(dns1123SubdomainFmt)

/** IsDNS1123Label: lowercase alphanumerics and '-', at most 63 characters (namespace names, container names). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1123LabelMaxLength) errs.push(maxLenError(dns1123LabelMaxLength))
  if (!dns1123LabelRegexp.test(value)) {
    // A valid subdomain that is not a valid label can only be failing on its dots.
    if (dns1123SubdomainRegexp.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'))
  }
  return errs
}

/** IsDNS1123Subdomain: dot-separated DNS-1123 labels, at most 253 characters (most object names). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1123SubdomainMaxLength)
    errs.push(maxLenError(dns1123SubdomainMaxLength))
  if (!dns1123SubdomainRegexp.test(value)) {
    errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, 'example.com'))
  }
  return errs
}

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?'
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
/** A DNS-1035 label's max length (DNS1035LabelMaxLength). */
export const dns1035LabelMaxLength = 63
const dns1035LabelRegexp = anchored(dns1035LabelFmt)

/** IsDNS1035Label: like a DNS-1123 label but starting with a letter (Service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1035LabelMaxLength) errs.push(maxLenError(dns1035LabelMaxLength))
  if (!dns1035LabelRegexp.test(value)) {
    errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'))
  }
  return errs
}

/**
 * IsFullyQualifiedName: a DNS subdomain with at least three segments. Upstream returns a
 * field.ErrorList; here the messages (the caller reports them as Required when empty,
 * Invalid otherwise, on the whole name).
 */
export function isFullyQualifiedName(name: string): string[] {
  if (name.length === 0) return [emptyError()]
  const errs = isDNS1123Subdomain(name)
  if (errs.length > 0) return [errs.join(',')]
  if (name.split('.').length < 3)
    return ['should be a domain with at least three segments separated by dots']
  return []
}

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"
const httpPathRegexp = anchored(httpPathFmt)

/**
 * IsDomainPrefixedPath (e.g. acme.io/foo): a DNS subdomain, '/', then RFC 3986 path
 * characters. Upstream returns a field.ErrorList; here the messages.
 */
export function isDomainPrefixedPath(dpPath: string): string[] {
  if (dpPath.length === 0) return [emptyError()]
  const slash = dpPath.indexOf('/')
  const host = slash < 0 ? dpPath : dpPath.slice(0, slash)
  const path = slash < 0 ? '' : dpPath.slice(slash + 1)
  if (slash < 0 || host.length === 0 || path.length === 0) {
    return ['must be a domain-prefixed path (such as "acme.io/foo")']
  }
  const errs = isDNS1123Subdomain(host)
  if (!httpPathRegexp.test(path)) errs.push(regexError('Invalid path', httpPathFmt))
  return errs
}

// ---- ports and ranges ----

/** IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** IsInRange: min..max inclusive. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)]
}

/** IsValidGroupID: 0..4294967295. */
export function isValidGroupID(gid: number): string[] {
  return isInRange(gid, 0, 0xffffffff)
}

/** IsValidUserID: 0..4294967295. */
export function isValidUserID(uid: number): string[] {
  return isInRange(uid, 0, 0xffffffff)
}

/** IsValidPortName (IANA_SVC_NAME): at most 15 of [-a-z0-9], one letter, no leading, trailing or double hyphen. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (byteLength(port) > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen')
  return errs
}

const percentFmt = '[0-9]+%'
/** IsValidPercent: digits then '%'. */
export function isValidPercent(percent: string): string[] {
  return anchored(percentFmt).test(percent)
    ? []
    : [
        regexError(
          "a valid percent string must be a numeric string followed by an ending '%'",
          percentFmt,
          '1%',
          '93%',
        ),
      ]
}

// ---- other formats ----

const httpHeaderNameFmt = '[-A-Za-z0-9]+'
/** IsHTTPHeaderName: alphanumerics and '-'. */
export function isHTTPHeaderName(value: string): string[] {
  return anchored(httpHeaderNameFmt).test(value)
    ? []
    : [
        regexError(
          "a valid HTTP header must consist of alphanumeric characters or '-'",
          httpHeaderNameFmt,
          'X-Header-Name',
        ),
      ]
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*'
/** IsEnvVarName: the strict env var name check core validation uses while RelaxedEnvironmentVariableValidation is off. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (!anchored(envVarNameFmt).test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        envVarNameFmt,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    )
  }
  errs.push(...hasChDirPrefix(value))
  return errs
}

/** IsRelaxedEnvVarName: printable ASCII except '=' (RelaxedEnvironmentVariableValidation, default on from v1.32). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (value.length === 0) errs.push('environment variable name ' + emptyError())
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0
    if (c > 0x7e || c < 0x20 || ch === '=') {
      errs.push(
        "a valid environment variable name must consist only of printable ASCII characters other than '='",
      )
      break
    }
  }
  return errs
}

const cIdentifierFmt = '[A-Za-z_][A-Za-z0-9_]*'
/** IsCIdentifier: a C identifier (the env var name check of older releases). */
export function isCIdentifier(value: string): string[] {
  return anchored(cIdentifierFmt).test(value)
    ? []
    : [
        regexError(
          "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'",
          cIdentifierFmt,
          'my_name',
          'MY_NAME',
          'MyName',
        ),
      ]
}

const configMapKeyFmt = '[-._a-zA-Z0-9]+'
/** IsConfigMapKey: a key of a ConfigMap or Secret. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1123SubdomainMaxLength)
    errs.push(maxLenError(dns1123SubdomainMaxLength))
  if (!anchored(configMapKeyFmt).test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        configMapKeyFmt,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    )
  }
  errs.push(...hasChDirPrefix(value))
  return errs
}

// ---- IP addresses (validation/ip.go; upstream returns field errors with these details) ----

/** IsValidIP: an IPv4 or IPv6 address, leniently parsed as netutils.ParseIPSloppy. */
export function isValidIP(value: string): string[] {
  return parseIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']
}

/** IsValidIPv4Address: an IPv4 address (IPv4-mapped IPv6 counts, as ip.To4() does). */
export function isValidIPv4Address(value: string): string[] {
  const ip = parseIP(value)
  return ip && ip.v4 ? [] : ['must be a valid IPv4 address']
}

/** IsValidIPv6Address: an IPv6 address that is not IPv4 (or IPv4-mapped). */
export function isValidIPv6Address(value: string): string[] {
  const ip = parseIP(value)
  return ip && !ip.v4 ? [] : ['must be a valid IPv6 address']
}

/** IsValidCIDR: address/prefix-length, as netutils.ParseCIDRSloppy. */
export function isCIDR(value: string): string[] {
  return parseCIDR(value) ? [] : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']
}

// ---- path segments (api/validation/path/name.go) ----

/** IsValidPathSegmentName: not '.' or '..', and no '/' or '%' (the name goes into a URL path). */
export function isValidPathSegmentName(name: string): string[] {
  for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`]
  return isValidPathSegmentPrefix(name)
}

/** IsValidPathSegmentPrefix: no '/' or '%' (a generateName may become '.' only with a suffix). */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = []
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`)
  return errs
}

/** ValidatePathSegmentName: the prefix check for generateName, the full check otherwise. */
export function validatePathSegmentName(name: string, prefix: boolean): string[] {
  return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name)
}

// ---- ValidateNameFunc implementations (api/validation/generic.go) ----

/** A name validator: prefix is true when the name is a generateName that will get a suffix. */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[]

// Mirrors generic.go maskTrailingDash, including its quirk of dropping two characters
// before the 'a' (Go would panic on a lone "-"; here that becomes "a").
function maskTrailingDash(name: string): string {
  return name.endsWith('-') ? name.slice(0, Math.max(0, name.length - 2)) + 'a' : name
}

/** NameIsDNSSubdomain: names that must be a DNS subdomain (most kinds). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)

/** NameIsDNSLabel: names that must be a DNS-1123 label (Namespace, Node pools...). */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name)

/** NameIsDNS1035Label: names that must be a DNS-1035 label (Service). */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name)

/** ValidateNamespaceName (NameIsDNSLabel). */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel

/** ValidateServiceAccountName (NameIsDNSSubdomain). */
export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain

/** Upstream spelling of nameIsDNSSubdomain. */
export const NameIsDNSSubdomain: ValidateNameFunc = nameIsDNSSubdomain
/** Upstream spelling of nameIsDNSLabel. */
export const NameIsDNSLabel: ValidateNameFunc = nameIsDNSLabel
/** Upstream spelling of nameIsDNS1035Label. */
export const NameIsDNS1035Label: ValidateNameFunc = nameIsDNS1035Label
