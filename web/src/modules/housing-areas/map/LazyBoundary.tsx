import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` when a lazily loaded map fails (its chunk did not load, or Leaflet threw):
 * the page and its accessible list stay usable without the map.
 */
export class LazyBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
