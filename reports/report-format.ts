/** The output formats of a report. Apart from the renderers, so the CLI can list them without loading vega. */
export const reportFormats = ['html', 'md', 'csv', 'json'] as const;

/** One output format of a report. */
export type ReportFormat = (typeof reportFormats)[number];
