import type { ReportRow } from './report';

const WIDTH = 900;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 60, right: 20, top: 50, bottom: 40 };
const COLORS: Record<string, string> = { blazor: '#c0392b', ours: '#2471a3' };
const SPAN_SECONDS = 12;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel: both policies' negotiations per 100 ms at the server, from the server being ready. */
function panelSvg(title: string, xLabel: string, rows: readonly ReportRow[], top: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const highest = Math.max(10, ...rows.flatMap((row) => row.per100ms.slice(0, SPAN_SECONDS * 10)));
  const step = 10 ** Math.floor(Math.log10(highest));
  const ceiling = Math.ceil(highest / step) * step;
  const x = (bin: number) => MARGIN.left + (bin / (SPAN_SECONDS * 10)) * plotWidth;
  const y = (count: number) => top + MARGIN.top + plotHeight * (1 - count / ceiling);
  const parts = [`<text x="${MARGIN.left}" y="${top + 22}" font-size="15" font-weight="600">${escape(title)}</text>`];
  for (let level = 0; level <= ceiling; level += step) {
    const gridY = y(level).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${gridY}" y2="${gridY}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${gridY}" font-size="11" text-anchor="end" dominant-baseline="middle">${level}</text>`);
  }
  for (let second = 0; second <= SPAN_SECONDS; second += 2) {
    parts.push(`<text x="${x(second * 10).toFixed(1)}" y="${top + PANEL_HEIGHT - 18}" font-size="11" text-anchor="middle">${second}</text>`);
  }
  parts.push(`<text x="${WIDTH - MARGIN.right}" y="${top + PANEL_HEIGHT - 4}" font-size="11" text-anchor="end">${escape(xLabel)}</text>`);
  parts.push(`<text x="${MARGIN.left}" y="${top + PANEL_HEIGHT - 4}" font-size="11">negotiations per 100 ms at the server</text>`);
  const admission = rows[0] === undefined ? 0 : rows[0].admissionPerSecond / 10;
  if (admission > 0 && admission <= ceiling) {
    const admissionY = y(admission).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${admissionY}" y2="${admissionY}" stroke="#555" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right - 4}" y="${Number(admissionY) - 5}" font-size="11" text-anchor="end">R/10 = ${admission.toFixed(0)} (measured admission)</text>`);
  }
  rows.forEach((row, index) => {
    const points: string[] = [];
    for (let bin = 0; bin < Math.min(row.per100ms.length, SPAN_SECONDS * 10); bin++) {
      const level = y(row.per100ms[bin] ?? 0).toFixed(1);
      points.push(`${x(bin).toFixed(1)},${level}`, `${x(bin + 1).toFixed(1)},${level}`);
    }
    const color = COLORS[row.policy] ?? '#555';
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${points.join(' ')}"/>`);
    const label = `${row.policy === 'ours' ? 'circuit-reconnect default' : "Blazor's default"}: peak ${row.peakPer100ms}, p95 ${(row.p95Ms / 1000).toFixed(2)} s`;
    parts.push(`<rect x="${MARGIN.left + index * 330}" y="${top + 33}" width="14" height="3" fill="${color}"/>`);
    parts.push(`<text x="${MARGIN.left + index * 330 + 20}" y="${top + 38}" font-size="12">${escape(label)}</text>`);
  });
  return parts.join('\n');
}

const outageTitle = (hub: string, clients: number, outageSeconds: number) =>
  `${hub}: ${clients.toLocaleString('en-US')} clients, server killed for ${outageSeconds} s`;

/**
 * The real herd's curves, one panel per hub, N and outage: a hand-written SVG (no plotting library).
 * @param title - a panel's title @param xLabel - what time 0 on the x axis is
 */
export function renderRealHerdChart(
  rows: readonly ReportRow[],
  title: (hub: string, clients: number, outageSeconds: number) => string = outageTitle,
  xLabel = 'seconds after the server is ready',
): string {
  const keys = [...new Set(rows.map((row) => `${row.hub}|${row.clients}|${row.outageSeconds}`))];
  const panels = keys.map((key, index) => {
    const [hub = '', clients = '', outage = ''] = key.split('|');
    const group = rows.filter((row) => `${row.hub}|${row.clients}|${row.outageSeconds}` === key);
    return panelSvg(title(hub, Number(clients), Number(outage)), xLabel, group, index * PANEL_HEIGHT);
  });
  const height = PANEL_HEIGHT * Math.max(1, panels.length);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">`,
    '<title>Reconnect attempts at a restarted real server, per 100 ms</title>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}
