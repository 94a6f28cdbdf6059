import type { Option } from './choices';
import { Select, type SelectProps } from './inputs';

interface OptionSelectProps extends Omit<SelectProps, 'children'> {
  /** The first choice, value '' (nothing chosen or no filter): "Alle", "Vælg …", "Ingen". */
  none: string;
  /** The choices after it, in order. */
  options: readonly Option<string>[];
}

/**
 * A `Select` whose choices are a list: "nothing" first, then one option a value, e.g. a value
 * list from shared/values.ts labelled through i18n, or the units to choose from.
 *
 * ```tsx
 * <OptionSelect
 *   name="role"
 *   label={t('admin.users.role')}
 *   empty="undefined"
 *   none={t('admin.common.all')}
 *   options={ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))}
 * />
 * ```
 */
export function OptionSelect({ none, options, ...select }: OptionSelectProps) {
  return (
    <Select {...select}>
      <option value="">{none}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
