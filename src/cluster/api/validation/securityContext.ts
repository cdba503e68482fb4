/**
 * Security context validation, for pods and for containers.
 * Mirrors pkg/apis/core/validation/validation.go validatePodSpecSecurityContext,
 * ValidateSecurityContext, validateSeccompProfileField and their helpers
 */
import {
  duplicate,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { isValidGroupID, isValidUserID } from './names'
import {
  list,
  num,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  str,
  strList,
  type Obj,
} from './objectMeta'
import { validateLocalDescendingPath } from './paths'

const supportedSeccompTypes = ['Localhost', 'RuntimeDefault', 'Unconfined']

/** validateSeccompProfileField: a known type; localhostProfile exactly when type is Localhost. */
export function validateSeccompProfileField(profile: unknown, fldPath: FieldPath): FieldError[] {
  const sp = optObj(profile)
  if (!sp) return []
  const errs: FieldError[] = []
  const type = str(sp.type)
  if (type === '')
    errs.push(required(fldPath.child('type'), 'type is required when seccompProfile is set'))
  else if (!supportedSeccompTypes.includes(type))
    errs.push(notSupported(fldPath.child('type'), type, supportedSeccompTypes))
  const localhost = optStr(sp.localhostProfile)
  if (type === 'Localhost') {
    if (localhost === undefined) {
      errs.push(
        required(fldPath.child('localhostProfile'), 'must be set when seccomp type is Localhost'),
      )
    } else {
      errs.push(...validateLocalDescendingPath(localhost, fldPath.child('localhostProfile')))
    }
  } else if (localhost !== undefined) {
    errs.push(
      invalid(
        fldPath.child('localhostProfile'),
        sp,
        'can only be set when seccomp type is Localhost',
      ),
    )
  }
  return errs
}

/** The numeric id checks shared by pod and container security contexts. */
export function validateIDs(
  sc: Obj,
  fields: readonly ('runAsUser' | 'runAsGroup' | 'fsGroup')[],
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  for (const f of fields) {
    const v = optNum(sc[f])
    if (v === undefined) continue
    const msgs = f === 'runAsUser' ? isValidUserID(v) : isValidGroupID(v)
    errs.push(...msgs.map((m) => invalid(fldPath.child(f), v, m)))
  }
  return errs
}

/**
 * ValidateSecurityContext: a container's securityContext. Privileged containers are allowed:
 * kubeadm, kind and minikube all run kube-apiserver with --allow-privileged=true.
 */
export function validateSecurityContext(
  raw: unknown,
  fldPath: FieldPath,
  hostUsers: boolean,
): FieldError[] {
  const sc = optObj(raw)
  if (!sc) return []
  const errs = validateIDs(sc, ['runAsUser', 'runAsGroup'], fldPath)
  const procMount = optStr(sc.procMount)
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') {
      errs.push(notSupported(fldPath.child('procMount'), procMount, ['Default', 'Unmasked']))
    }
    if (hostUsers && procMount === 'Unmasked') {
      errs.push(
        invalid(
          fldPath.child('procMount'),
          procMount,
          '`hostUsers` must be false to use `Unmasked`',
        ),
      )
    }
  }
  errs.push(...validateSeccompProfileField(sc.seccompProfile, fldPath.child('seccompProfile')))
  if (optBool(sc.allowPrivilegeEscalation) === false) {
    if (optBool(sc.privileged) === true) {
      errs.push(
        invalid(
          fldPath,
          sc,
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        ),
      )
    }
    if (strList(obj(sc.capabilities).add).includes('CAP_SYS_ADMIN')) {
      errs.push(
        invalid(
          fldPath,
          sc,
          'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
        ),
      )
    }
  }
  return errs
}

const sysctlRegexp = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/
const sysctlRegexpText = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$'

/**
 * validatePodSpecSecurityContext: ids, sysctls, policies and seccomp of spec.securityContext, and
 * shareProcessNamespace with hostPID.
 */
export function validatePodSpecSecurityContext(spec: Obj, fldPath: FieldPath): FieldError[] {
  const sc = optObj(spec.securityContext)
  const errs: FieldError[] = []
  if (sc) {
    errs.push(...validateIDs(sc, ['fsGroup', 'runAsUser', 'runAsGroup'], fldPath))
    list(sc.supplementalGroups).forEach((g, i) => {
      const gid = num(g)
      errs.push(
        ...isValidGroupID(gid).map((m) =>
          invalid(fldPath.child('supplementalGroups').index(i), gid, m),
        ),
      )
    })
    const names = new Set<string>()
    list(sc.sysctls).forEach((raw, i) => {
      const name = str(obj(raw).name)
      const p = fldPath.child('sysctls').index(i).child('name')
      if (name === '') errs.push(required(p))
      else if (name.length > 253 || !sysctlRegexp.test(name)) {
        errs.push(
          invalid(p, name, `must have at most 253 characters and match regex ${sysctlRegexpText}`),
        )
      } else if (names.has(name)) errs.push(duplicate(p, name))
      names.add(name)
    })
    const fsgcp = optStr(sc.fsGroupChangePolicy)
    if (fsgcp !== undefined && fsgcp !== 'Always' && fsgcp !== 'OnRootMismatch') {
      errs.push(
        notSupported(fldPath.child('fsGroupChangePolicy'), fsgcp, ['Always', 'OnRootMismatch']),
      )
    }
    errs.push(...validateSeccompProfileField(sc.seccompProfile, fldPath.child('seccompProfile')))
    const sgp = optStr(sc.supplementalGroupsPolicy)
    if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') {
      errs.push(notSupported(fldPath.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']))
    }
  }
  // v1 keeps shareProcessNamespace and hostPID on the spec; upstream checks them inside the
  // internal security context and reports that path.
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      invalid(
        fldPath.child('shareProcessNamespace'),
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    )
  }
  return errs
}
