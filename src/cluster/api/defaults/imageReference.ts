/**
 * The tag of a container image reference, parsed as the API server parses it to default
 * imagePullPolicy.
 * Mirrors pkg/util/parsers/parsers.go ParseImageName over github.com/distribution/reference
 * (normalize.go ParseNormalizedNamed, reference.go Parse, regexp.go) and go-digest.
 */

// The reference grammar of distribution/reference regexp.go.
const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]'
const domainAndPort = `(?:${domainName}|${ipv6Address})(?::[0-9]+)?`
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`
const tagPattern = '[\\w][\\w.-]{0,127}'
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const referenceRegexp = new RegExp(
  `^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`,
)
const anchoredIdentifier = /^[a-f0-9]{64}$/
const nameTotalLengthMax = 255

// go-digest: the algorithms linked into kube-apiserver and their hex lengths.
const digestHexLength: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

/** A parsed reference: tag and digest ("" when absent). */
export interface ImageReference {
  name: string
  tag: string
  digest: string
}

// Mirrors distribution/reference normalize.go splitDockerDomain
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/')
  let domain: string
  let remainder: string
  const first = i === -1 ? '' : name.slice(0, i)
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = 'docker.io'
    remainder = name
  } else {
    domain = first
    remainder = name.slice(i + 1)
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = 'library/' + remainder
  return [domain, remainder]
}

function validDigest(d: string): boolean {
  const i = d.indexOf(':')
  const algorithm = d.slice(0, i)
  const encoded = d.slice(i + 1)
  const length = digestHexLength[algorithm]
  return length !== undefined && encoded.length === length && /^[a-f0-9]+$/.test(encoded)
}

/** Parse an image reference; undefined where the API server's parser returns an error. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (anchoredIdentifier.test(image)) return undefined
  const [domain, remainder] = splitDockerDomain(image)
  const colon = remainder.indexOf(':')
  const remoteName = colon > -1 ? remainder.slice(0, colon) : remainder
  if (remoteName.toLowerCase() !== remoteName) return undefined
  const m = referenceRegexp.exec(`${domain}/${remainder}`)
  if (!m) return undefined
  const name = m[1] ?? ''
  if (name.length > nameTotalLengthMax) return undefined
  const digest = m[3] ?? ''
  if (digest && !validDigest(digest)) return undefined
  return { name, tag: m[2] ?? '', digest }
}

/**
 * The tag ParseImageName reports: the given tag, "latest" when neither tag nor digest is
 * given, "" for a digest-only reference or one that does not parse.
 */
export function imageTag(image: string): string {
  const ref = parseImageReference(image)
  if (!ref) return ''
  if (!ref.tag && !ref.digest) return 'latest'
  return ref.tag
}

/** The imagePullPolicy a container gets by default: Always for :latest, else IfNotPresent. */
export function defaultImagePullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  // A missing or non-string image fails to parse upstream, which yields IfNotPresent.
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent'
}
