import type { Geometry } from 'geojson';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Hint } from '../../../ui/form/FormGroup';
import { importGeoJson, MAX_GEOJSON_BYTES } from './geojsonImport';
import type { ShapeKind, ShapeProblem } from './shapes';
import { problemText } from './words';

/**
 * The GeometryField's import (issue 16 part 1): a GeoJSON file or pasted text with one shape,
 * checked by the server's rules before it reaches the form; a problem is said under the import.
 */
export function GeoJsonImport({
  shape,
  onImported,
}: {
  shape: ShapeKind;
  onImported: (geometry: Geometry) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ShapeProblem | null>(null);
  const error = problem ? problemText(t, problem) : undefined;

  const take = (json: string) => {
    const result = importGeoJson(json, shape);
    if (result.problem) return setProblem(result.problem);
    setProblem(null);
    onImported(result.geometry);
  };

  return (
    <details className="details-accordion mt-4">
      <summary className="details-summary">{t('areaMap.field.importTitle')}</summary>
      <div className={`details-content form-group${error ? ' form-error' : ''}`}>
        <ErrorMessage id={`${id}-error`} error={error} />
        <label className="form-label" htmlFor={`${id}-file`}>
          {t('areaMap.field.importFile')}
        </label>
        <Hint id={`${id}-file-hint`} hint={t('areaMap.field.importFileHint')} />
        <input
          id={`${id}-file`}
          type="file"
          className="form-input"
          accept=".geojson,.json,application/geo+json,application/json"
          aria-describedby={[`${id}-file-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            if (file.size > MAX_GEOJSON_BYTES) return setProblem({ key: 'geojsonTooLarge' });
            void file.text().then(take);
          }}
        />
        <label className="form-label" htmlFor={`${id}-text`}>
          {t('areaMap.field.importText')}
        </label>
        <textarea
          id={`${id}-text`}
          className="form-input"
          rows={4}
          value={text}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="button" className="button button-secondary mt-4" onClick={() => take(text)}>
          {t('areaMap.field.importButton')}
        </button>
      </div>
    </details>
  );
}
