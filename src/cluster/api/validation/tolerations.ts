/**
 * Toleration validation.
 * Mirrors pkg/apis/core/validation/validation.go ValidateTolerations
 */
import { invalid, notSupported, type FieldError, type FieldPath } from '../field'
import { validateLabelName } from './metaValidation'
import { isValidLabelValue } from './names'
import { list, obj, optNum, str } from './objectMeta'

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** ValidateTolerations: key, operator/value pairing, effect, tolerationSeconds only with NoExecute. */
export function validateTolerations(tolerations: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(tolerations).forEach((raw, i) => {
    const t = obj(raw)
    const idxPath = fldPath.index(i)
    const key = str(t.key)
    const op = str(t.operator)
    const value = str(t.value)
    const effect = str(t.effect)
    if (key !== '') errs.push(...validateLabelName(key, idxPath.child('key')))
    if (key === '' && op !== 'Exists') {
      errs.push(
        invalid(
          idxPath.child('operator'),
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      )
    }
    if (optNum(t.tolerationSeconds) !== undefined && effect !== 'NoExecute') {
      errs.push(
        invalid(
          idxPath.child('effect'),
          effect,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      )
    }
    switch (op) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value)
        if (msgs.length > 0) errs.push(invalid(idxPath.child('operator'), value, msgs.join(';')))
        break
      }
      case 'Exists':
        if (value !== '')
          errs.push(
            invalid(
              idxPath.child('operator'),
              value,
              "value must be empty when `operator` is 'Exists'",
            ),
          )
        break
      default:
        errs.push(notSupported(idxPath.child('operator'), op, ['Equal', 'Exists']))
    }
    if (effect !== '' && !taintEffects.includes(effect))
      errs.push(notSupported(idxPath.child('effect'), effect, taintEffects))
  })
  return errs
}
