
/**
 * A vega-lite spec as plain JSON. vega-lite's TypeScript types for composed layers are deeper
 * than the compiler follows comfortably, so specs are typed as JSON and cast once, at compile.
 */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** A chart of the report: its vega-lite spec (data inlined) and the words around it. */
export interface NamedChart {
  /** File-safe name: the spec is written as `<name>.vl.json`. */
  readonly name: string;
  readonly title: string;
  /** How to read the chart, shown under it. */
  readonly caption: string;
  /** A vega-lite spec; vega-lite checks it when it compiles, and every chart is rendered in tests. */
  readonly spec: VegaLiteSpec;
}

/** A chart rendered to inline SVG. */
export interface RenderedChart extends NamedChart {
  readonly svg: string;
  /** What vega-lite and vega warned about while rendering (none, for the charts baton draws). */
  readonly warnings: readonly string[];
}
