import { useEffect, useId, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { NetworkDetail } from '../../api/networks';
import { useI18n } from '../../i18n';
import { Link } from '../../app/router';
import { entityTypeLabel } from '../../analysis/labels';
import { entityPath } from './common';

// Colours by entity type; cytoscape draws on a canvas with its own stylesheet object, so nothing here is a CSS
// style attribute and the strict CSP (style-src 'self') holds.
const TYPE_COLOUR: Record<string, string> = { phone: '#b45309', email: '#1d4ed8', wallet: '#7c3aed', handle: '#047857', image: '#be123c', template: '#0e7490' };

/** The link graph: items and the entities they share, laid out by force (cose), draggable and zoomable. */
export function NetworkGraph({ graph }: { graph: NetworkDetail['graph'] }) {
  const { t } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ id: string; kind: string; type: string; label: string } | null>(null);
  const items = graph.nodes.filter((n) => n.kind === 'item').length;

  useEffect(() => {
    if (!ref.current) return;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...graph.nodes.map((n) => {
          // A template node is labelled with its kind and how many of these ads follow it ("Template ×4").
          const label = n.type === 'template' ? `${entityTypeLabel(t, 'template')} ${n.label}` : n.label;
          return { data: { id: n.id, label: label.length > 28 ? `${label.slice(0, 27)}…` : label, kind: n.kind, type: n.type } };
        }),
        ...graph.edges.map((e, k) => ({ data: { id: `e${k}`, source: e.source, target: e.target } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, color: '#1f2933', 'text-valign': 'bottom', 'text-margin-y': 3, width: 18, height: 18 } },
        { selector: 'node[kind = "item"]', style: { 'background-color': '#52606d', shape: 'ellipse' } },
        ...Object.entries(TYPE_COLOUR).map(([type, colour]) => ({ selector: `node[kind = "entity"][type = "${type}"]`, style: { 'background-color': colour, shape: 'diamond' as const, width: 22, height: 22 } })),
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111827' } },
        { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa5b1', 'curve-style': 'haystack' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60 },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 4,
    });
    cy.on('select', 'node', (e) => {
      const d = e.target.data() as { id: string; kind: string; type: string };
      const node = graph.nodes.find((n) => n.id === d.id);
      if (node) setSelected(node);
    });
    cy.on('unselect', 'node', () => setSelected(null));
    return () => cy.destroy();
  }, [graph, t]);

  const selectedPath = selected ? (selected.kind === 'item' ? `/items/${selected.id.slice('item:'.length)}` : entityPath(selected.type, selected.id.slice(selected.type.length + 1))) : null;
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('networks.graph.title')}</h2>
      <p className="hint">{t('networks.graph.intro')}</p>
      {/* Cytoscape injects a <style> element (blocked by the CSP) unless an element with this id exists; its one rule
          (position: relative on the container) is in networks.css instead. */}
      <span id="__________cytoscape_stylesheet" hidden />
      <div ref={ref} className="network-graph" role="img" aria-label={t('networks.graph.label', { items, entities: graph.nodes.length - items })} data-testid="network-graph" data-nodes={graph.nodes.length} />
      <p aria-live="polite" data-testid="graph-selection">
        {selected ? (
          <>
            {t('networks.graph.selected', { label: `${selected.kind === 'item' ? t('networks.col.title') : entityTypeLabel(t, selected.type)}: ${selected.label}` })}{' '}
            {selectedPath ? <Link to={selectedPath}>{t('networks.graph.open')}</Link> : null}
          </>
        ) : (
          t('networks.graph.none')
        )}
      </p>
    </section>
  );
}
