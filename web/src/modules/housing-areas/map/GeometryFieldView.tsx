import type { Geometry } from 'geojson';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FormGroup } from '../../../ui/form/FormGroup';
import { GeoJsonImport } from './GeoJsonImport';
import { LazyBoundary } from './LazyBoundary';
import { ShapePreview } from './ShapePreview';
import { checkShape, coordinatesText, parseCoordinates, type ShapeProblem } from './shapes';
import { problemText } from './words';
import './areaMap.css';

import type { GeometryFieldProps } from './GeometryField';

const DrawMap = lazy(() => import('./DrawMap'));

/** GeometryField's body (its own lazy chunk, with the shape checks of shared/geo.ts). */
export default function GeometryFieldView({
  id,
  label,
  hint,
  shape,
  value,
  onChange,
  error,
  outline,
}: GeometryFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => coordinatesText(value) ?? '');
  const [problem, setProblem] = useState<ShapeProblem | null>(null);
  const [touched, setTouched] = useState(false);
  const [note, setNote] = useState('');
  const [drawing, setDrawing] = useState(false);

  const shown = (touched && problem ? problemText(t, problem) : undefined) ?? error;
  const formatHint = t(`areaMap.field.coordinatesHint.${shape}`);
  const hintText = hint ? `${hint} ${formatHint}` : formatHint;

  const type = (typed: string) => {
    setText(typed);
    setNote('');
    if (typed.trim() === '') {
      setProblem(null);
      return onChange(null);
    }
    const result = parseCoordinates(typed, shape, outline);
    setProblem(result.problem ?? null);
    onChange(result.problem ? null : result.geometry);
  };

  /** A shape from the import or the map: shown as coordinates when it can be. */
  const take = (geometry: Geometry, how: 'imported' | 'drawn') => {
    const result = checkShape(geometry, shape, outline);
    setTouched(true);
    if (result.problem) {
      setProblem(result.problem);
      return;
    }
    const lines = coordinatesText(result.geometry);
    setText(lines ?? '');
    setProblem(null);
    setNote(
      lines === null
        ? t('areaMap.field.importedComplex', { type: result.geometry.type })
        : t(`areaMap.field.${how}`),
    );
    onChange(result.geometry);
  };

  return (
    <div className="area-map__field">
      <FormGroup id={id} label={label} hint={hintText} error={shown}>
        <textarea
          id={id}
          className="form-input"
          rows={shape === 'area' ? 6 : 3}
          value={text}
          spellCheck={false}
          aria-describedby={describedBy(id, hintText, shown)}
          aria-invalid={shown ? true : undefined}
          onChange={(event) => type(event.target.value)}
          onBlur={() => setTouched(true)}
        />
      </FormGroup>
      <p role="status" className="mt-0">
        {note}
      </p>
      {value && (
        <figure className="mt-0">
          <ShapePreview shape={shape} value={value} outline={outline} />
          <figcaption className="form-hint">{t('areaMap.field.preview')}</figcaption>
        </figure>
      )}
      {value && (
        <button
          type="button"
          className="button button-unstyled"
          onClick={() => {
            setText('');
            setProblem(null);
            setNote('');
            onChange(null);
          }}
        >
          {t('areaMap.field.clear')}
        </button>
      )}
      <GeoJsonImport shape={shape} onImported={(g) => take(g, 'imported')} />
      <button
        type="button"
        className="button button-secondary mt-4"
        aria-expanded={drawing}
        onClick={() => setDrawing(!drawing)}
      >
        {drawing ? t('areaMap.field.drawHide') : t('areaMap.field.drawShow')}
      </button>
      {drawing && (
        <div className="mt-4">
          <p>{t(`areaMap.field.drawHelp.${shape}`)}</p>
          <LazyBoundary fallback={<p>{t('areaMap.problems.drawUnavailable')}</p>}>
            <Suspense fallback={<p>{t('areaMap.loading')}</p>}>
              <DrawMap
                label={t('areaMap.field.drawLabel', { label })}
                shape={shape}
                outline={outline}
                value={value}
                onDrawn={(g) => take(g, 'drawn')}
              />
            </Suspense>
          </LazyBoundary>
        </div>
      )}
    </div>
  );
}
