import type { Geometry } from 'geojson';
import { useField } from '../../ui/form/useField';
import { GeometryField } from './map/GeometryField';

/**
 * The map slice's `GeometryField` bound to a form of the form layer by `name`: its id registered
 * with the error summary, its problem (from the browser's check or the server's field problem,
 * e.g. "Zonen ligger uden for boligområdet") shown on it.
 */
export function GeometryInput({
  name,
  label,
  hint,
  shape,
  outline,
}: {
  name: string;
  label: string;
  hint?: string;
  shape: 'area' | 'place';
  outline?: Geometry | null;
}) {
  const bound = useField(name, label);
  return (
    <GeometryField
      id={bound.fieldId}
      label={label}
      shape={shape}
      value={(bound.field.value as Geometry | null) ?? null}
      onChange={(geometry) => bound.field.onChange(geometry)}
      {...(hint !== undefined && { hint })}
      {...(bound.error !== undefined && { error: bound.error })}
      {...(outline !== undefined && { outline })}
    />
  );
}
