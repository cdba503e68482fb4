/**
 * Validation of metadata shared by every kind: labels, annotations, label selectors,
 * owner references, finalizers and ObjectMeta on create and update.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go and
 * staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (+ generic.go), with the
 * extra finalizer rule of pkg/apis/core/validation ValidateObjectMeta.
 */
import type {
  LabelSelector,
  LabelSelectorRequirement,
  ObjectMeta,
  OwnerReference,
} from 'kubernetes-types/meta/v1'
import {
  forbidden,
  invalid,
  required,
  tooLong,
  typeInvalid,
  type FieldError,
  type FieldPath,
} from '../field'
import { goSharpV } from '../goFormat'
// Untrusted JSON never throws here: a non-list reads as empty, a non-string as "" (Go's zero values).
import { isObject, list, num, str } from '../../util/json'
import {
  byteLength,
  isQualifiedName,
  isValidLabelValue,
  validateNamespaceName,
  type ValidateNameFunc,
} from './names'

/** FieldImmutableErrorMsg */
export const fieldImmutableErrorMsg = 'field is immutable'
/** IsNegativeErrorMsg */
export const isNegativeErrorMsg = 'must be greater than or equal to 0'
/** TotalAnnotationSizeLimitB: 256 KiB for all keys and values together. */
export const totalAnnotationSizeLimitB = 256 * (1 << 10)

/** Options of ValidateLabelSelector (LabelSelectorValidationOptions). */
export interface LabelSelectorValidationOptions {
  /** Skip label-value checks on matchExpressions values (set on update when the old object had bad values). */
  allowInvalidLabelValueInSelector: boolean
}

// Wire input is untrusted: a non-string map value would fail JSON decoding on a real
// server; here it is reported as a type error on that key (SPEC SEL-9).
function stringEntries(m: unknown, fldPath: FieldPath, errs: FieldError[]): [string, string][] {
  if (m === undefined || m === null) return []
  if (!isObject(m)) {
    errs.push(typeInvalid(fldPath, m, 'must be of type object'))
    return []
  }
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'string') out.push([k, v])
    else errs.push(typeInvalid(fldPath.key(k), v, 'must be of type string'))
  }
  return out
}

/** ValidateLabelName: a label key is a qualified name. */
export function validateLabelName(labelName: string, fldPath: FieldPath): FieldError[] {
  return isQualifiedName(labelName).map((msg) => invalid(fldPath, labelName, msg))
}

/** ValidateLabels: every key a qualified name, every value a label value; errors sit on the map's path. */
export function validateLabels(labels: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of stringEntries(labels, fldPath, errs)) {
    errs.push(...validateLabelName(k, fldPath))
    for (const msg of isValidLabelValue(v)) errs.push(invalid(fldPath, v, msg))
  }
  return errs
}

/** ValidateAnnotations: keys are qualified names ignoring case; keys and values total at most 256 KiB. */
export function validateAnnotations(annotations: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let total = 0
  for (const [k, v] of stringEntries(annotations, fldPath, errs)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(fldPath, k, msg))
    total += byteLength(k) + byteLength(v)
  }
  if (total > totalAnnotationSizeLimitB) errs.push(tooLong(fldPath, '', totalAnnotationSizeLimitB))
  return errs
}

/** ValidateLabelSelectorRequirement: operator, values count for it, key, and (unless allowed) each value. */
export function validateLabelSelectorRequirement(
  sr: LabelSelectorRequirement,
  opts: LabelSelectorValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const values = list(sr.values).map(str)
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(
          required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"),
        )
      }
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(
            fldPath.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        )
      }
      break
    default:
      errs.push(
        invalid(fldPath.child('operator'), str(sr.operator), 'not a valid selector operator'),
      )
  }
  errs.push(...validateLabelName(str(sr.key), fldPath.child('key')))
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((value, i) => {
      for (const msg of isValidLabelValue(value))
        errs.push(invalid(fldPath.child('values').index(i), value, msg))
    })
  }
  return errs
}

/** ValidateLabelSelector: matchLabels as labels, then each matchExpressions entry. A missing selector is valid. */
export function validateLabelSelector(
  selector: LabelSelector | undefined | null,
  opts: LabelSelectorValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  if (!selector) return []
  const errs = validateLabels(selector.matchLabels, fldPath.child('matchLabels'))
  list(selector.matchExpressions).forEach((expr, i) => {
    if (!isObject(expr)) return
    errs.push(
      ...validateLabelSelectorRequirement(expr, opts, fldPath.child('matchExpressions').index(i)),
    )
  })
  return errs
}

/** ValidateNonnegativeField (validate.NonNegative): "must be greater than or equal to 0". */
export function validateNonnegativeField(value: number, fldPath: FieldPath): FieldError[] {
  return value < 0 ? [invalid(fldPath, value, isNegativeErrorMsg)] : []
}

// schema.FromAPIVersionAndKind: "apps/v1" → group apps, version v1; a bad apiVersion keeps only the kind.
function gvkOf(apiVersion: string, kind: string): { group: string; version: string; kind: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '', kind }
  const parts = apiVersion.split('/')
  if (parts.length === 1) return { group: '', version: apiVersion, kind }
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '', kind }
  return { group: '', version: '', kind }
}

function validateOwnerReference(ref: OwnerReference, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const gvk = gvkOf(str(ref.apiVersion), str(ref.kind))
  if (gvk.version === '')
    errs.push(
      invalid(fldPath.child('apiVersion'), str(ref.apiVersion), 'version must not be empty'),
    )
  if (gvk.kind === '') errs.push(invalid(fldPath.child('kind'), str(ref.kind), 'must not be empty'))
  if (!str(ref.name)) errs.push(invalid(fldPath.child('name'), str(ref.name), 'must not be empty'))
  if (!str(ref.uid)) errs.push(invalid(fldPath.child('uid'), str(ref.uid), 'must not be empty'))
  // BannedOwners: only core/v1 Event.
  if (gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'Event') {
    errs.push(
      invalid(
        fldPath,
        ref,
        `${gvk.group}/${gvk.version}, Kind=${gvk.kind} is disallowed from being an owner`,
      ),
    )
  }
  return errs
}

/** ValidateOwnerReferences: each reference complete, at most one with controller: true. */
export function validateOwnerReferences(
  ownerReferences: readonly OwnerReference[] | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  let firstController = ''
  for (const ref of list(ownerReferences)) {
    if (!isObject(ref)) continue
    errs.push(...validateOwnerReference(ref, fldPath))
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`
      if (firstController !== '') {
        errs.push(
          invalid(
            fldPath,
            ownerReferences,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        )
      } else {
        firstController = cur
      }
    }
  }
  return errs
}

/** ValidateFinalizerName: a qualified name. */
export function validateFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(fldPath, name, msg))
}

/** The finalizers a name without a domain may use (core helper standardFinalizers). */
export const standardFinalizers: readonly string[] = ['kubernetes', 'orphan', 'foregroundDeletion']

/** validateKubeFinalizerName (core): a name without '/' must be a standard finalizer. */
export function validateKubeFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  if (name.split('/').length === 1 && !standardFinalizers.includes(name)) {
    return [
      invalid(fldPath, name, 'name is neither a standard finalizer name nor is it fully qualified'),
    ]
  }
  return []
}

/** ValidateFinalizers: qualified names, and never both orphan and foregroundDeletion. */
export function validateFinalizers(
  finalizers: readonly string[] | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const names = list(finalizers).map(str)
  for (const f of names) errs.push(...validateFinalizerName(f, fldPath))
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errs.push(invalid(fldPath, names, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errs
}

/** ValidateNoNewFinalizers: an object being deleted may only lose finalizers. */
export function validateNoNewFinalizers(
  newFinalizers: readonly string[] | undefined,
  oldFinalizers: readonly string[] | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const old = new Set(list(oldFinalizers))
  const extra = [...new Set(list(newFinalizers).filter((f) => !old.has(f)))].sort()
  if (extra.length === 0) return []
  return [
    forbidden(
      fldPath,
      `no new finalizers can be added if the object is being deleted, found new finalizers ${goSharpV(extra)}`,
    ),
  ]
}

// unicode.IsPrint, close enough for ASCII and Latin-1: control characters are not printable.
function isPrint(c: number): boolean {
  return !(c < 0x20 || (c >= 0x7f && c < 0xa0))
}

/** ValidateFieldManager: at most 128 bytes of printable characters. */
export function validateFieldManager(fieldManager: string, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (byteLength(fieldManager) > 128) errs.push(tooLong(fldPath, fieldManager, 128))
  let pos = 0
  for (const ch of fieldManager) {
    const c = ch.codePointAt(0) ?? 0
    if (!isPrint(c)) {
      const u = 'U+' + c.toString(16).toUpperCase().padStart(4, '0')
      errs.push(invalid(fldPath, fieldManager, `invalid character ${u} (at position ${pos})`))
    }
    pos += byteLength(ch)
  }
  return errs
}

/** ValidateManagedFields: operation Apply or Update, fieldsType FieldsV1, a valid manager. */
export function validateManagedFields(
  entries: ObjectMeta['managedFields'],
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  list(entries).forEach((e, i) => {
    const p = fldPath.index(i)
    if (!isObject(e)) return
    if (e.operation !== 'Apply' && e.operation !== 'Update') {
      errs.push(invalid(p.child('operation'), str(e.operation), 'must be `Apply` or `Update`'))
    }
    if (e.fieldsType && e.fieldsType !== 'FieldsV1')
      errs.push(invalid(p.child('fieldsType'), e.fieldsType, 'must be `FieldsV1`'))
    errs.push(...validateFieldManager(str(e.manager), p.child('manager')))
    if (byteLength(str(e.subresource)) > 256)
      errs.push(tooLong(p.child('subresource'), e.subresource, 256))
  })
  return errs
}

/**
 * ValidateObjectMeta (core flavour): generateName, name or "name or generateName is
 * required", namespace presence, generation, labels, annotations, ownerReferences,
 * finalizers, managedFields. A set generateName with an empty name is accepted, as the
 * name is generated afterwards (SPEC SEL-8).
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  fldPath: FieldPath,
): FieldError[] {
  const m = meta ?? {}
  const errs: FieldError[] = []
  const generateName = str(m.generateName)
  const name = str(m.name)
  if (generateName !== '') {
    for (const msg of nameFn(generateName, true))
      errs.push(invalid(fldPath.child('generateName'), generateName, msg))
  }
  if (name === '') {
    if (generateName === '')
      errs.push(required(fldPath.child('name'), 'name or generateName is required'))
  } else {
    for (const msg of nameFn(name, false)) errs.push(invalid(fldPath.child('name'), name, msg))
  }
  const namespace = str(m.namespace)
  if (requiresNamespace) {
    if (namespace === '') errs.push(required(fldPath.child('namespace')))
    else
      for (const msg of validateNamespaceName(namespace, false))
        errs.push(invalid(fldPath.child('namespace'), namespace, msg))
  } else if (namespace !== '') {
    errs.push(forbidden(fldPath.child('namespace'), 'not allowed on this type'))
  }
  errs.push(...validateNonnegativeField(num(m.generation), fldPath.child('generation')))
  errs.push(...validateLabels(m.labels, fldPath.child('labels')))
  errs.push(...validateAnnotations(m.annotations, fldPath.child('annotations')))
  errs.push(...validateOwnerReferences(m.ownerReferences, fldPath.child('ownerReferences')))
  errs.push(...validateFinalizers(m.finalizers, fldPath.child('finalizers')))
  errs.push(...validateManagedFields(m.managedFields, fldPath.child('managedFields')))
  list(m.finalizers).forEach((f, i) =>
    errs.push(...validateKubeFinalizerName(str(f), fldPath.child('finalizers').index(i))),
  )
  return errs
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** ValidateImmutableField: "field is immutable" when the value changed. */
export function validateImmutableField(
  newVal: unknown,
  oldVal: unknown,
  fldPath: FieldPath,
): FieldError[] {
  return sameValue(newVal, oldVal) ? [] : [invalid(fldPath, newVal, fieldImmutableErrorMsg)]
}

/**
 * ValidateObjectMetaUpdate (core flavour): no new finalizers while deleting, a
 * resourceVersion, no generation decrement, immutable identity fields, then labels,
 * annotations, ownerReferences, managedFields and kube finalizer names.
 */
export function validateObjectMetaUpdate(
  newMeta: ObjectMeta | undefined,
  oldMeta: ObjectMeta | undefined,
  fldPath: FieldPath,
): FieldError[] {
  const n = newMeta ?? {}
  const o = oldMeta ?? {}
  const errs: FieldError[] = []
  if (o.deletionTimestamp)
    errs.push(...validateNoNewFinalizers(n.finalizers, o.finalizers, fldPath.child('finalizers')))
  if (!str(n.resourceVersion)) {
    errs.push(
      invalid(
        fldPath.child('resourceVersion'),
        str(n.resourceVersion),
        'must be specified for an update',
      ),
    )
  }
  if (num(n.generation) < num(o.generation)) {
    errs.push(invalid(fldPath.child('generation'), num(n.generation), 'must not be decremented'))
  }
  errs.push(...validateImmutableField(str(n.name), str(o.name), fldPath.child('name')))
  errs.push(
    ...validateImmutableField(str(n.namespace), str(o.namespace), fldPath.child('namespace')),
  )
  errs.push(...validateImmutableField(str(n.uid), str(o.uid), fldPath.child('uid')))
  errs.push(
    ...validateImmutableField(
      n.creationTimestamp,
      o.creationTimestamp,
      fldPath.child('creationTimestamp'),
    ),
  )
  errs.push(
    ...validateImmutableField(
      n.deletionTimestamp,
      o.deletionTimestamp,
      fldPath.child('deletionTimestamp'),
    ),
  )
  errs.push(
    ...validateImmutableField(
      n.deletionGracePeriodSeconds,
      o.deletionGracePeriodSeconds,
      fldPath.child('deletionGracePeriodSeconds'),
    ),
  )
  errs.push(...validateLabels(n.labels, fldPath.child('labels')))
  errs.push(...validateAnnotations(n.annotations, fldPath.child('annotations')))
  errs.push(...validateOwnerReferences(n.ownerReferences, fldPath.child('ownerReferences')))
  errs.push(...validateManagedFields(n.managedFields, fldPath.child('managedFields')))
  list(n.finalizers).forEach((f, i) =>
    errs.push(...validateKubeFinalizerName(str(f), fldPath.child('finalizers').index(i))),
  )
  return errs
}
