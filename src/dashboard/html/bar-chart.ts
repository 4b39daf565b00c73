import { html, type Html } from './html.js';

export interface Bar {
  /** The axis label (`Mar 1`). */
  label: string;
  /** Null: no value that day (no bar, not a zero). */
  value: number | null;
  /** What a pointer's tooltip says of the bar. */
  tip: string;
}

const width = 640;
const height = 200;
const left = 60;
const right = 8;
const top = 12;
const bottom = 40;

/**
 * A bar chart drawn on the server as SVG: an image with a title and a description for screen
 * readers (the numbers are in a table beside it), axis labels, no script and no inline style
 * (colours come from the stylesheet's classes, so the dark scheme applies too).
 */
export function renderBarChart(input: {
  id: string;
  title: string;
  desc: string;
  bars: Bar[];
  yLabel: string;
  format: (value: number) => string;
  /** Tops the axis may have, smallest first; by default 2, 4, 10, 20, 40, 100, … */
  tops?: readonly number[];
}): Html {
  const { id, bars } = input;
  const highest = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const max = input.tops?.find((top) => top >= highest) ?? niceMax(highest);
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const step = plotWidth / Math.max(bars.length, 1);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];
  const every = Math.ceil(bars.length / 7);
  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    focusable="false"
  >
    <title id="${id}-title">${input.title}</title>
    <desc id="${id}-desc">${input.desc}</desc>
    ${ticks.map(
      (tick) =>
        html`<line
            class="chart-grid"
            x1="${left}"
            x2="${width - right}"
            y1="${round(y(tick))}"
            y2="${round(y(tick))}"
          /><text class="chart-label" x="${left - 6}" y="${round(y(tick) + 4)}" text-anchor="end"
            >${input.format(tick)}</text
          > `,
    )}
    ${bars.map((bar, index) => {
      const x = left + index * step + step * 0.15;
      const label =
        (bars.length - 1 - index) % every === 0
          ? html`<text
              class="chart-label"
              x="${round(x + step * 0.35)}"
              y="${height - bottom + 16}"
              text-anchor="middle"
              >${bar.label}</text
            >`
          : '';
      const rect =
        bar.value === null || bar.value <= 0
          ? ''
          : html`<rect
              class="chart-bar"
              x="${round(x)}"
              y="${round(y(bar.value))}"
              width="${round(step * 0.7)}"
              height="${round(plotHeight - (y(bar.value) - top))}"
              rx="2"
              ><title>${bar.tip}</title></rect
            >`;
      return html`${rect}${label} `;
    })}
    <line
      class="chart-axis"
      x1="${left}"
      x2="${width - right}"
      y1="${top + plotHeight}"
      y2="${top + plotHeight}"
    />
    <text class="chart-label" x="${left}" y="${height - 4}">${input.yLabel}</text>
  </svg>`;
}

/** A round top for the axis, so the middle tick is a round number too. */
function niceMax(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 4, 10].find((m) => m * magnitude >= value) ?? 10;
  return nice * magnitude;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
