// The Natural Earth boundaries shipped by the world-atlas package (TopoJSON), bundled with the UI: no tile server.
declare module 'world-atlas/countries-110m.json' {
  import type { Topology } from 'topojson-specification';
  const topology: Topology;
  export default topology;
}
