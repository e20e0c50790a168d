// Charts drawn as SVG on the server: they need no JavaScript, and each one comes with a
// data table holding the same figures (the table is the text alternative; the SVG is
// marked as an image with a short title pointing to it).
import { useId } from "react";
import { useTranslation } from "react-i18next";

export type BarDatum = { label: string; value: number };

/** Horizontal bars: one row per category (labels can be long). */
export function HorizontalBarChart({
  title,
  data,
}: {
  title: string;
  data: BarDatum[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const rowHeight = 28;
  const labelWidth = 200;
  const chartWidth = 360;
  const height = Math.max(rowHeight, data.length * rowHeight);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${labelWidth + chartWidth + 50} ${height}`}
      className="mb-3 h-auto w-full max-w-2xl"
    >
      <title id={`${id}-title`}>
        {t("administration:statistics.chartSummary", { title })}
      </title>
      {data.map((datum, index) => {
        const width = (datum.value / max) * chartWidth;
        const y = index * rowHeight;
        return (
          <g key={datum.label} aria-hidden="true">
            <text
              x={labelWidth - 8}
              y={y + 18}
              textAnchor="end"
              fontSize="13"
              fill="#1e293b"
            >
              {datum.label.length > 28
                ? `${datum.label.slice(0, 27)}…`
                : datum.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 5}
              width={Math.max(width, datum.value > 0 ? 2 : 0)}
              height={rowHeight - 10}
              fill="#1d4ed8"
            />
            <text
              x={labelWidth + width + 6}
              y={y + 18}
              fontSize="13"
              fill="#1e293b"
            >
              {datum.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Grouped vertical bars per week: one colour per series, with a legend. */
export function WeeklyBarChart({
  title,
  weeks,
  series,
}: {
  title: string;
  weeks: string[];
  series: { name: string; color: string; values: number[] }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...series.flatMap((serie) => serie.values));
  const groupWidth = 48;
  const plotHeight = 160;
  const top = 24;
  const left = 36;
  const width = left + weeks.length * groupWidth + 10;
  const barWidth = (groupWidth - 12) / Math.max(1, series.length);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${plotHeight + top + 40}`}
      className="mb-3 h-auto w-full max-w-3xl"
    >
      <title id={`${id}-title`}>
        {t("administration:statistics.chartSummary", { title })}
      </title>
      <g aria-hidden="true">
        <text
          x={left - 6}
          y={top + 4}
          textAnchor="end"
          fontSize="11"
          fill="#1e293b"
        >
          {max}
        </text>
        <text
          x={left - 6}
          y={top + plotHeight}
          textAnchor="end"
          fontSize="11"
          fill="#1e293b"
        >
          0
        </text>
        <line
          x1={left}
          x2={width}
          y1={top + plotHeight}
          y2={top + plotHeight}
          stroke="#475569"
        />
        {weeks.map((week, weekIndex) => (
          <g key={week}>
            {series.map((serie, serieIndex) => {
              const value = serie.values[weekIndex] ?? 0;
              const barHeight = (value / max) * plotHeight;
              return (
                <rect
                  key={serie.name}
                  x={left + weekIndex * groupWidth + 6 + serieIndex * barWidth}
                  y={top + plotHeight - barHeight}
                  width={barWidth - 2}
                  height={barHeight}
                  fill={serie.color}
                />
              );
            })}
            <text
              x={left + weekIndex * groupWidth + groupWidth / 2}
              y={top + plotHeight + 16}
              textAnchor="middle"
              fontSize="10"
              fill="#1e293b"
            >
              {week}
            </text>
          </g>
        ))}
        {series.map((serie, index) => (
          <g key={serie.name}>
            <rect
              x={left + index * 130}
              y={4}
              width={12}
              height={12}
              fill={serie.color}
            />
            <text
              x={left + index * 130 + 16}
              y={14}
              fontSize="12"
              fill="#1e293b"
            >
              {serie.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** The figures of a chart as a table (visible: it is the accessible version). */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <table className="mb-8 w-full max-w-2xl border-collapse text-left text-sm">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`py-1 pr-4 ${index > 0 ? "text-right" : ""}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])} className="border-b border-slate-200">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="py-1 pr-4 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={index} className="py-1 pr-4 text-right tabular-nums">
                  {cell}
                </td>
              )
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
