import type { Geometry, Position } from 'geojson';
import { useTranslation } from 'react-i18next';
import { positionSummary } from './placesList';
import { positionText } from './words';

/**
 * A small picture of the shape inside the area's outline (dashed), drawn as SVG without a map, so
 * it shows with or without Leaflet. Its accessible name says the shape in words.
 */
const WIDTH = 240;
const HEIGHT = 160;
const PAD = 8;

export function ShapePreview({
  shape,
  value,
  outline,
}: {
  shape: 'area' | 'place';
  value: Geometry;
  outline?: Geometry | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const project = projector([value, outline]);
  const words = positionText(t, i18n.language, positionSummary(value));
  const name = outline ? `${words}; ${t('areaMap.field.previewOutline')}` : words;
  return (
    <svg
      className="area-map__preview"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      role="img"
      aria-label={t('areaMap.field.previewLabel', { summary: name })}
    >
      {outline && <path className="area-map__shape--area" d={pathOf(outline, project)} />}
      {value.type === 'Point' ? (
        <circle className="area-map__shape--place" r="5" {...pointAt(value.coordinates, project)} />
      ) : (
        <path
          className={shape === 'area' ? 'area-map__shape--zone' : 'area-map__shape--place'}
          fillRule="evenodd"
          d={pathOf(value, project)}
        />
      )}
    </svg>
  );
}

type Project = (p: Position) => [number, number];

function positionsOf(g: Geometry | null | undefined): Position[] {
  if (!g || !('coordinates' in g)) return [];
  const out: Position[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v) && typeof v[0] === 'number') out.push(v as Position);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

/** Longitude shrunk by the latitude's cosine, so Danish shapes are not drawn stretched. */
export function projector(shapes: (Geometry | null | undefined)[]): Project {
  const all = shapes.flatMap(positionsOf);
  const lat0 = all.length ? all.reduce((s, p) => s + (p[1] ?? 0), 0) / all.length : 56;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = all.map((p) => (p[0] ?? 0) * k);
  const ys = all.map((p) => p[1] ?? 0);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min((WIDTH - 2 * PAD) / span, (HEIGHT - 2 * PAD) / span);
  const offsetX = (WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
  return (p) => [
    round(offsetX + ((p[0] ?? 0) * k - minX) * scale),
    round(offsetY + (maxY - (p[1] ?? 0)) * scale),
  ];
}

const round = (n: number) => Math.round(n * 10) / 10;

function pointAt(position: Position, project: Project) {
  const [cx, cy] = project(position);
  return { cx, cy };
}

function pathOf(g: Geometry, project: Project): string {
  const polygons =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons
    .flat()
    .map((ring) => 'M' + ring.map((p) => project(p).join(',')).join('L') + 'Z')
    .join(' ');
}
