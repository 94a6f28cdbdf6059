import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { inMapOrder } from './networkOrder';
import type { RelationQuality, RelationView } from './networkMapsApi';

/**
 * The map drawn with cytoscape: the citizen in the middle, each relation on a ring by closeness
 * (close inside, distant outside), the sectors in the same order around every ring. Protective,
 * risky and mixed differ by colour AND shape, line style and a symbol in the label, so the
 * drawing never relies on colour alone. The same data is in the table next to it (NetworkList),
 * which is what screen readers use; the drawing is an image with a name. When the layout has
 * stopped, the container gets `data-ready` and the performance mark `network-map-ready` (the
 * benchmark in bench/ measures up to it). "Gem som billede" downloads a PNG made by cytoscape; printing uses the print stylesheet.
 */
const STYLE: Record<RelationQuality, { color: string; shape: string; line: string }> = {
  protective: { color: '#00703c', shape: 'ellipse', line: 'solid' },
  risky: { color: '#b0001e', shape: 'triangle', line: 'dashed' },
  mixed: { color: '#7a4d00', shape: 'diamond', line: 'dotted' },
};

/**
 * Cytoscape puts a <style> element into the page's head unless an element with this id exists;
 * the Content-Security-Policy forbids inline styles, so a placeholder takes its place and the rule
 * it would add (`position: relative` on its container) is in networkMaps.css.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
function preventInlineStylesheet() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.appendChild(placeholder);
}

export function NetworkGraph({
  relations,
  label,
  fileName,
}: {
  relations: RelationView[];
  /** The drawing's name for assistive technology (which version, and that the table has it all). */
  label: string;
  fileName: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<cytoscape.Core | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    element.removeAttribute('data-ready');
    preventInlineStylesheet();
    const nodes = inMapOrder(relations).map((r) => ({
      data: {
        id: `r-${r.key}`,
        label: `${t(`networkMaps.qualitySymbol.${r.quality}`)} ${r.label}`,
        level: 4 - r.closeness,
        quality: r.quality,
      },
    }));
    const started = performance.now();
    const cy = cytoscape({
      container: element,
      elements: [
        { data: { id: 'citizen', label: t('networkMaps.graph.citizen'), level: 4 } },
        ...nodes,
        ...nodes.map((n) => ({
          data: {
            id: `e-${n.data.id}`,
            source: 'citizen',
            target: n.data.id,
            quality: n.data.quality,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'wrap',
            'text-max-width': '110px',
            color: '#1a1a1a',
            width: 22,
            height: 22,
          },
        },
        {
          selector: '#citizen',
          style: { 'background-color': '#1a1a1a', shape: 'round-rectangle', width: 34, height: 34 },
        },
        ...(Object.entries(STYLE) as [RelationQuality, (typeof STYLE)[RelationQuality]][]).flatMap(
          ([quality, s]) => [
            {
              selector: `node[quality = "${quality}"]`,
              style: { 'background-color': s.color, shape: s.shape },
            },
            {
              selector: `edge[quality = "${quality}"]`,
              style: { 'line-color': s.color, 'line-style': s.line, width: 2 },
            },
          ],
        ),
      ] as cytoscape.StylesheetJson,
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => Number(node.data('level')),
        levelWidth: () => 1,
        minNodeSpacing: 28,
        animate: false,
      } as cytoscape.ConcentricLayoutOptions,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    graph.current = cy;
    const ready = () => {
      element.setAttribute('data-ready', 'true');
      performance.mark('network-map-ready', {
        detail: { nodes: cy.nodes().length, drawMs: performance.now() - started },
      });
    };
    if (cy.nodes().length > 0) ready();
    return () => {
      graph.current = null;
      cy.destroy();
    };
  }, [relations, t]);

  return (
    <figure className="network-graph">
      <div ref={container} className="network-graph-canvas" role="img" aria-label={label} />
      <figcaption className="network-legend">
        {(Object.keys(STYLE) as RelationQuality[]).map((q) => (
          <span key={q} className={`network-legend-item network-quality-${q}`}>
            <span aria-hidden="true">{t(`networkMaps.qualitySymbol.${q}`)}</span>{' '}
            {t(`networkMaps.legend.${q}`)}
          </span>
        ))}
        <button
          type="button"
          className="button button-tertiary no-print network-png"
          onClick={() => {
            const cy = graph.current;
            if (!cy) return;
            const link = document.createElement('a');
            link.href = cy.png({ full: true, scale: 2, bg: '#ffffff' });
            link.download = fileName;
            link.click();
          }}
        >
          {t('networkMaps.graph.png')}
        </button>
      </figcaption>
    </figure>
  );
}
