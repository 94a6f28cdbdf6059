import type { Geometry } from 'geojson';
import { useState } from 'react';
import { describedBy, FormGroup } from '../../../ui/form/FormGroup';

/**
 * A form field for a shape (issue 16 part 1): coordinates typed, GeoJSON imported, or drawn.
 * Foundation placeholder: GeoJSON text only; the map slice builds the field.
 */
export interface GeometryFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** `area`: a polygon or several (an area, a zone); `place`: a point or a polygon. */
  shape: 'area' | 'place';
  value: Geometry | null;
  onChange: (geometry: Geometry | null) => void;
  error?: string;
  /** The outline the shape must lie within, drawn for orientation. */
  outline?: Geometry | null;
}

export function GeometryField({ id, label, hint, value, onChange, error }: GeometryFieldProps) {
  const [text, setText] = useState(value ? JSON.stringify(value) : '');
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className="form-input"
        rows={4}
        value={text}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(JSON.parse(event.target.value) as Geometry);
          } catch {
            onChange(null);
          }
        }}
      />
    </FormGroup>
  );
}
