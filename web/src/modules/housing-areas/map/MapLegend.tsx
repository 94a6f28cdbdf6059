import { useTranslation } from 'react-i18next';

/**
 * The map's legend: each level has its own line pattern (not colour alone), shown as a small
 * sample beside its words. The samples are decoration; the words carry the meaning.
 */
export function MapLegend() {
  const { t } = useTranslation();
  const items = [
    { level: 'area', text: t('areaMap.legend.area') },
    { level: 'zone', text: t('areaMap.legend.zone') },
    { level: 'place', text: t('areaMap.legend.place') },
  ] as const;
  return (
    <div className="area-map__legend">
      <p className="h6 mt-0 mb-2">{t('areaMap.legend.title')}</p>
      <ul className="nobullet-list">
        {items.map((item) => (
          <li key={item.level}>
            <svg
              className="area-map__sample"
              width="32"
              height="16"
              aria-hidden="true"
              focusable="false"
            >
              <rect
                className={`area-map__shape--${item.level}`}
                x="2"
                y="2"
                width="28"
                height="12"
              />
            </svg>{' '}
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
