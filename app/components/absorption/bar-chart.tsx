// Horizontal bars drawn on the server (no JavaScript needed) whose value labels are
// formatted by the caller (percentages, days). The SVG is one image with a title that
// points to the data table every chart on these pages comes with.
import { useId } from "react";
import { useTranslation } from "react-i18next";

export type ChartBar = { label: string; value: number; display: string; group?: string };

const COLORS = ["#1d4ed8", "#b45309"];

export function BarChart({ title, bars, max }: { title: string; bars: ChartBar[]; max?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), Number.MIN_VALUE);
  const groups = [...new Set(bars.map((bar) => bar.group ?? ""))];
  const rowHeight = 28;
  const labelWidth = 220;
  const chartWidth = 340;
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return (
    <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${labelWidth + chartWidth + 70} ${height}`} className="mb-3 h-auto w-full max-w-2xl">
      <title id={`${id}-title`}>{t("services:chartSummary", { title })}</title>
      {bars.map((bar, index) => {
        const width = top > 0 ? (bar.value / top) * chartWidth : 0;
        const y = index * rowHeight;
        const label = bar.group ? `${bar.label} · ${bar.group}` : bar.label;
        return (
          <g key={`${bar.label}-${bar.group ?? ""}`} aria-hidden="true">
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#1e293b">
              {label.length > 30 ? `${label.slice(0, 29)}…` : label}
            </text>
            <rect x={labelWidth} y={y + 5} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={rowHeight - 10} fill={COLORS[groups.indexOf(bar.group ?? "") % COLORS.length]} />
            <text x={labelWidth + width + 6} y={y + 18} fontSize="13" fill="#1e293b">
              {bar.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
