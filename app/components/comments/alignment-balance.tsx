import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AlignmentBalance as Balance } from "~/modules/comments/comments.server";

const SEGMENTS = [
  { key: "IN_FAVOUR", fill: "fill-green-700", swatch: "bg-green-700" },
  { key: "AGAINST", fill: "fill-red-700", swatch: "bg-red-700" },
  { key: "NEUTRAL", fill: "fill-slate-400", swatch: "bg-slate-400" },
] as const;

/** Whole percentages that add up to 100 (largest remainders get the rounding). */
function percentages(values: number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((value) => (value * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] += 1;
    left -= 1;
  }
  return floors;
}

/**
 * How the comments lean: counts as text (the real information) and a stacked bar drawn
 * with SVG attributes (no inline styles: the CSP forbids them), labelled for screen readers.
 */
export function AlignmentBalance({ balance }: { balance: Balance }) {
  const { t } = useTranslation();
  const titleId = useId();
  const headingId = useId();
  const counts = SEGMENTS.map((segment) => balance[segment.key]);
  const [inFavourPercent, againstPercent, neutralPercent] = percentages(counts);
  const percent = [inFavourPercent, againstPercent, neutralPercent];
  let offset = 0;
  return (
    <div className="mb-6" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-1 text-base font-semibold">
        {t("comments:balance.title")}
      </h3>
      {balance.total === 0 ? (
        <p className="m-0 text-slate-700">{t("comments:balance.none")}</p>
      ) : (
        <>
          <p className="mb-2 mt-0">
            {t("comments:balance.summary", { inFavour: balance.IN_FAVOUR, against: balance.AGAINST, neutral: balance.NEUTRAL })}
          </p>
          <svg role="img" aria-labelledby={titleId} viewBox="0 0 100 6" preserveAspectRatio="none" className="h-3 w-full max-w-md rounded bg-slate-100">
            <title id={titleId}>{t("comments:balance.chart", { inFavourPercent, againstPercent, neutralPercent })}</title>
            {SEGMENTS.map((segment, index) => {
              const x = offset;
              offset += percent[index];
              return percent[index] > 0 ? <rect key={segment.key} x={x} y={0} width={percent[index]} height={6} className={segment.fill} /> : null;
            })}
          </svg>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
            {SEGMENTS.map((segment, index) => (
              <li key={segment.key} className="flex items-center gap-1">
                <span className={`inline-block h-3 w-3 rounded-sm ${segment.swatch}`} />
                {t(`comments:alignment.${segment.key}`)} {percent[index]}%
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
