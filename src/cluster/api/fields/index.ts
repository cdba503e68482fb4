/** Field selectors: parsing, matching, and the field labels each resource supports. */
export {
  parseFieldSelector,
  escapeValue,
  unescapeValue,
  everythingFields,
  fieldSelectorFromSet,
  fieldSelectorFromRequirements,
  type FieldSelector,
  type FieldRequirement,
  type Fields,
} from './selector'
export {
  fieldSetFor,
  checkFieldSelector,
  transformFieldSelector,
  supportedFieldLabels,
} from './fieldsForKind'
