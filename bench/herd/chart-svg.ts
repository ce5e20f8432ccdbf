import type { HerdResult } from './herd';

/** One line of a chart panel. */
export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly result: HerdResult;
}

/** One panel: several policies in the same scenario. */
export interface ChartPanel {
  readonly title: string;
  /** Seconds shown on the x axis, from the drop. */
  readonly spanSeconds: number;
  readonly series: readonly ChartSeries[];
}

const WIDTH = 900;
const PANEL_HEIGHT = 300;
const MARGIN = { left: 70, right: 20, top: 56, bottom: 40 };
const DECADES = 6;
const ADMISSION_PER_SECOND = 2000;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panelSvg(panel: ChartPanel, top: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (second: number) => MARGIN.left + (second / panel.spanSeconds) * plotWidth;
  const y = (perSecond: number) => top + MARGIN.top + plotHeight * (1 - Math.log10(Math.max(1, perSecond)) / DECADES);
  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="${top + 24}" font-size="15" font-weight="600">${escape(panel.title)}</text>`);
  for (let decade = 0; decade <= DECADES; decade++) {
    const gridY = y(10 ** decade).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${gridY}" y2="${gridY}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${gridY}" font-size="11" text-anchor="end" dominant-baseline="middle">${(10 ** decade).toLocaleString('en-US')}</text>`);
  }
  const tickStep = panel.spanSeconds > 150 ? 30 : 10;
  for (let second = 0; second <= panel.spanSeconds; second += tickStep) {
    const tickX = x(second).toFixed(1);
    parts.push(`<text x="${tickX}" y="${top + PANEL_HEIGHT - 18}" font-size="11" text-anchor="middle">${second}</text>`);
  }
  parts.push(`<text x="${WIDTH - MARGIN.right}" y="${top + PANEL_HEIGHT - 4}" font-size="11" text-anchor="end">seconds after the drop</text>`);
  parts.push(`<text x="${MARGIN.left}" y="${top + PANEL_HEIGHT - 4}" font-size="11">attempts reaching the server per second (log scale; 1 = none)</text>`);
  const admissionY = y(ADMISSION_PER_SECOND).toFixed(1);
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${admissionY}" y2="${admissionY}" stroke="#555" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${WIDTH - MARGIN.right - 4}" y="${Number(admissionY) - 5}" font-size="11" text-anchor="end">admission rate 2,000/s</text>`);
  const back = panel.series[0]?.result.outageSeconds ?? 0;
  const backX = x(back).toFixed(1);
  parts.push(`<line x1="${backX}" x2="${backX}" y1="${top + MARGIN.top}" y2="${top + PANEL_HEIGHT - MARGIN.bottom}" stroke="#2a2" stroke-dasharray="3 3"/>`);
  parts.push(`<text x="${Number(backX) + 4}" y="${top + MARGIN.top + 12}" font-size="11" fill="#2a2">server back</text>`);

  panel.series.forEach((series, index) => {
    const points: string[] = [];
    const counts = series.result.attemptsPerSecond;
    for (let second = 0; second < Math.min(counts.length, panel.spanSeconds); second++) {
      const level = y(counts[second] ?? 0).toFixed(1);
      points.push(`${x(second).toFixed(1)},${level}`, `${x(second + 1).toFixed(1)},${level}`);
    }
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="1.6" points="${points.join(' ')}"/>`);
    const legendX = MARGIN.left + index * 230;
    parts.push(`<rect x="${legendX}" y="${top + 37}" width="14" height="3" fill="${series.color}"/>`);
    parts.push(`<text x="${legendX + 20}" y="${top + 42}" font-size="12">${escape(series.label)}</text>`);
  });
  return parts.join('\n');
}

/**
 * Attempts reaching the server per second (log scale) for each panel's policies: a hand-written
 * SVG, so the README's chart needs no plotting library.
 */
export function renderAttemptsChart(panels: readonly ChartPanel[]): string {
  const height = PANEL_HEIGHT * panels.length;
  const body = panels.map((panel, index) => panelSvg(panel, index * PANEL_HEIGHT)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">`,
    `<title>Reconnect attempts per second, 10,000 clients</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
