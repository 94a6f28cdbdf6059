import { useFormContext } from 'react-hook-form';
import { ariaInvalid, useField } from './useField';
import { describedBy, FormGroup } from './FormGroup';
import { saidIssue } from './messages';
import type { z } from 'zod';

/**
 * A file field of the form layer: the form holds the chosen file as base64 (without the data
 * URL's prefix, '' before one is chosen) under `name` and its size in bytes under `sizeName`, so
 * that the form's schema can say "choose a file" or "too large" on the field before anything is
 * sent. The server decides the type from the file's bytes. Used for the municipality's logo and
 * a consent's signed scan.
 */
interface FileInputProps {
  name: string;
  sizeName: string;
  label: string;
  hint: string;
  /** The media types offered in the browser's file picker. */
  accept: string;
}

export function FileInput({ name, sizeName, label, hint, accept }: FileInputProps) {
  const { field, ref, fieldId, error } = useField(name, label);
  const { setValue } = useFormContext<Record<string, unknown>>();
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        id={fieldId}
        name={field.name}
        type="file"
        className="form-input"
        accept={accept}
        aria-describedby={describedBy(fieldId, hint, error)}
        aria-invalid={ariaInvalid(error)}
        onBlur={field.onBlur}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return field.onChange('');
          setValue(sizeName, file.size);
          void base64Of(file).then(field.onChange);
        }}
      />
    </FormGroup>
  );
}

/** A file's bytes as base64 (without the data URL's prefix). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The schema's check of a chosen file: `chooseMessage` when none is chosen, `tooLargeMessage`
 * when it is larger than `maxBytes`, on the field `name`.
 */
export function checkChosenFile(
  file: string,
  bytes: number,
  ctx: z.RefinementCtx,
  rule: { name: string; maxBytes: number; chooseMessage: string; tooLargeMessage: string },
) {
  if (!file) ctx.addIssue(saidIssue(rule.name, rule.chooseMessage));
  else if (bytes > rule.maxBytes) ctx.addIssue(saidIssue(rule.name, rule.tooLargeMessage));
}
