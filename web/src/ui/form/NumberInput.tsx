import { TextInput, type TextInputProps } from './inputs';

/**
 * A whole number such as hours or days: the form holds a number, the field is four characters
 * wide, phones show the number pad and the browser offers nothing to fill in. `widthClass` and
 * `autoComplete` may be given to differ.
 */
export function NumberInput(props: Omit<TextInputProps, 'asNumber' | 'inputMode'>) {
  return (
    <TextInput
      widthClass="input-char-4"
      autoComplete="off"
      {...props}
      asNumber
      inputMode="numeric"
    />
  );
}
