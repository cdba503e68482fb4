/**
 * Image references as the kubelet and containerd read them: the short forms learners type
 * ("nginx", "nginx:1.25", "library/nginx") and their fully qualified names
 * ("docker.io/library/nginx:1.25"), with distribution/reference's error texts for the ones
 * that do not parse.
 * Mirrors github.com/distribution/reference normalize.go ParseNormalizedNamed and reference.go Parse
 */
import { parseImageReference } from '../../api/defaults/imageReference'

/** A parsed reference: registry host, repository path, tag and digest. */
export interface ParsedReference {
  /** e.g. "docker.io". */
  domain: string
  /** e.g. "library/nginx". */
  path: string
  /** The tag, "latest" when neither tag nor digest is given, "" for a digest-only reference. */
  tag: string
  /** "sha256:…" or "". */
  digest: string
  /** domain/path:tag (or domain/path@digest): what containerd reports as the image. */
  normalized: string
  /** domain/path. */
  repository: string
}

/** A parse, or distribution/reference's error. */
export type ReferenceResult = { ok: true; ref: ParsedReference } | { ok: false; error: string }

const anchoredIdentifier = /^[a-f0-9]{64}$/

/** Split off the registry host, as splitDockerDomain does (docker.io and library/ for short names). */
function splitDomain(name: string): [string, string] {
  const i = name.indexOf('/')
  const first = i === -1 ? '' : name.slice(0, i)
  let domain = 'docker.io'
  let remainder = name
  if (i !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first
    remainder = name.slice(i + 1)
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`
  return [domain, remainder]
}

/** Parse an image reference as ParseNormalizedNamed does, with its error texts. */
export function parseReference(image: string): ReferenceResult {
  if (anchoredIdentifier.test(image)) {
    return {
      ok: false,
      error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`,
    }
  }
  const [domain, remainder] = splitDomain(image)
  const colon = remainder.indexOf(':')
  const at = remainder.indexOf('@')
  const nameEnd = [colon, at]
    .filter((x) => x > -1)
    .reduce((a, b) => Math.min(a, b), remainder.length)
  const remoteName = colon > -1 ? remainder.slice(0, colon) : remainder
  if (remoteName.toLowerCase() !== remoteName) {
    return {
      ok: false,
      error: `invalid reference format: repository name (${remoteName}) must be lowercase`,
    }
  }
  const parsed = parseImageReference(image)
  if (!parsed) {
    if (image === '')
      return { ok: false, error: 'repository name must have at least one component' }
    if (`${domain}/${remainder}`.slice(0, domain.length + 1 + nameEnd).length > 255) {
      return { ok: false, error: 'repository name must not be more than 255 characters' }
    }
    return { ok: false, error: 'invalid reference format' }
  }
  const repository = parsed.name
  const path = repository.slice(repository.indexOf('/') + 1)
  const tag = parsed.tag || (parsed.digest ? '' : 'latest')
  const normalized =
    parsed.digest && !parsed.tag ? `${repository}@${parsed.digest}` : `${repository}:${tag}`
  return {
    ok: true,
    ref: {
      domain: repository.slice(0, repository.indexOf('/')),
      path,
      tag,
      digest: parsed.digest,
      normalized,
      repository,
    },
  }
}
