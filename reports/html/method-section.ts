import type { ReportData } from '../report-data.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** How every figure is computed, and the caveats found while building this report. */
export function renderMethod(data: ReportData): SafeHtml {
  const { settings } = data;
  return html`<ul class="method">
      <li><strong>Quality</strong> counts answered attempts only. Errors and timeouts are reported in their own column and never count as wrong answers. With pass/fail scorers it is the pass rate with a ${Math.round(settings.confidence * 100)} % Wilson interval; where a scorer gives partial credit it is the mean score with a percentile bootstrap interval (${settings.bootstrapResamples} resamples, seed ${settings.bootstrapSeed}, reproducible).</li>
      <li><strong>Cost per task</strong> is the candidate model’s cost over all its attempts divided by their number; <strong>cost per correct answer</strong> divides the same cost by the correct answers, so wrong answers and failed calls are paid for. Judge calls are booked apart. A model with unpriced answers shows no cost rather than a misleading 0.</li>
      <li><strong>Latency</strong> percentiles (p50, p95, p99) and time to first token are over answered attempts, as measured by the harness (continuous quantiles).</li>
      <li><strong>pass@k</strong> (shown when tasks were repeated) uses the unbiased estimator 1 − C(n−c, k)/C(n, k) with k the number of repeats.</li>
      <li><strong>Comparisons</strong> pair attempts on the same suite, task, model and repeat: McNemar’s test for pass/fail, a paired bootstrap for scores; p-values are ${settings.adjust === 'holm' ? 'Holm-adjusted over all rows' : 'not adjusted'}, α = ${settings.alpha}.</li>
      <li>Every chart’s vega-lite spec, with its data, is saved next to this page in <code>*.specs/</code> so it can be re-rendered elsewhere.</li>
    </ul>
    ${data.notes.length === 0 ? null : html`<h3>Notes</h3><ul class="notes">${data.notes.map((note) => html`<li>${note}</li>`)}</ul>`}`;
}
