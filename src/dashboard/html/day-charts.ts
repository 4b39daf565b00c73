import type { DayStatView, QueueView } from '../queue-view.js';
import { durationText } from '../time-text.js';
import { renderBarChart } from './bar-chart.js';
import { html, type Html } from './html.js';
import { none } from './parts.js';

/** Axis tops in minutes whose halves read well too: 15 min, 1 h, 4 h, 1 d. */
const minuteTops = [10, 20, 30, 60, 120, 240, 480, 720, 1440, 2880, 5760, 14400];

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Throughput and time to merge per UTC day, as charts, with the numbers in a table below. */
export function renderDayCharts(view: QueueView): Html {
  const { days } = view;
  if (days.length === 0) return html``;
  const span = `from ${days[0]!.day} to ${days.at(-1)!.day} (UTC)`;
  const merged = days.reduce((sum, d) => sum + d.merged, 0);
  const busiest = days.reduce((a, b) => (b.merged > a.merged ? b : a));
  const medians = days.filter((d) => d.medianMinutesToMerge !== null);
  return html`<div class="charts">
      <figure class="chart-figure">
        ${renderBarChart({
          id: 'chart-merged',
          title: 'Pull requests merged per day',
          desc:
            merged === 0
              ? `No pull request was merged ${span}.`
              : `${merged} merged ${span}; the most in a day: ${busiest.merged}, on ${busiest.day}. The numbers are in the table below.`,
          bars: days.map((d) => ({
            label: shortDay(d.day),
            value: d.merged,
            tip: `${d.day}: ${d.merged} merged`,
          })),
          yLabel: 'Merged per day',
          format: (value) => String(Math.round(value * 10) / 10),
        })}
      </figure>
      <figure class="chart-figure">
        ${renderBarChart({
          id: 'chart-time',
          title: 'Median time from queued to merged, per day',
          desc:
            medians.length === 0
              ? `No pull request was merged ${span}, so there is no time to merge.`
              : `Median time from queued to merged ${span}, on the ${medians.length} days with merges: from ${minutesText(Math.min(...medians.map((d) => d.medianMinutesToMerge!)))} to ${minutesText(Math.max(...medians.map((d) => d.medianMinutesToMerge!)))}. The numbers are in the table below.`,
          bars: days.map((d) => ({
            label: shortDay(d.day),
            value: d.medianMinutesToMerge,
            tip:
              d.medianMinutesToMerge === null
                ? `${d.day}: no merges`
                : `${d.day}: ${minutesText(d.medianMinutesToMerge)}`,
          })),
          yLabel: 'Median time to merge',
          format: minutesText,
          tops: minuteTops,
        })}
      </figure>
    </div>
    <details class="chart-data">
      <summary>The numbers, day by day</summary>
      ${dayTable(days)}
    </details>`;
}

function dayTable(days: DayStatView[]): Html {
  return html`<table class="data">
    <caption>
      Merged and dequeued pull requests and median time to merge per day (UTC), oldest first
    </caption>
    <thead>
      <tr>
        <th scope="col">Day</th>
        <th scope="col" class="num">Merged</th>
        <th scope="col" class="num">Dequeued</th>
        <th scope="col">Median time to merge</th>
      </tr>
    </thead>
    <tbody>
      ${days.map(
        (d) =>
          html`<tr>
            <th scope="row">${d.day}</th>
            <td class="num">${d.merged}</td>
            <td class="num">${d.dequeued}</td>
            <td>
              ${d.medianMinutesToMerge === null ? none('No merges') : minutesText(d.medianMinutesToMerge)}
            </td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}

function minutesText(minutes: number): string {
  return durationText(minutes * 60_000);
}

/** `Mar 1` from `2026-03-01`. */
function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${months[Number(month) - 1] ?? month} ${Number(date)}`;
}
