// "Trending" = supports weighted by recency, without a background job.
//
// Every support is stored with a weight that grows exponentially with the moment it was
// given: weight(t) = 2^((t - EPOCH) / HALF_LIFE). Idea.trendScore is the sum of its
// supports' weights, kept exact by adding the weight when a support is cast and
// subtracting the same stored weight when it is withdrawn (atomic increments, see
// supports.server.ts). Ranking by this sum is the same as ranking by a score in which each
// support decays by half every HALF_LIFE, measured "now" — dividing every idea's score by
// the same 2^(now/HALF_LIFE) never changes the order — so the order is right at any moment
// and nothing needs recomputing as time passes.
//
// Float range (IEEE 754 double, REAL in SQLite, DOUBLE PRECISION in PostgreSQL):
// - the largest finite double is just under 2^1024, so a weight stays finite for
//   1024 half-lives after EPOCH = 3072 days, i.e. until 2034-05-31 (see
//   WEIGHT_OVERFLOWS_AT). Long before that (say once the exponent passes ~900), run a
//   rebase: move EPOCH forward by k·HALF_LIFE and divide every Support.weight and
//   Idea.trendScore by 2^k in one transaction — ranking is unchanged, and the exponent
//   is small again. With a rebase every few years the scheme is fine for decades.
// - the ratio between the newest and the oldest support that still matter is bounded by
//   the 53-bit mantissa: a support 53 half-lives (~5 months) older than the newest ones
//   no longer changes the sum (which is what "trending" means anyway).
// - subtracting a stored weight can leave a rounding residue of about 1e-16 times the
//   score (e.g. -2e-17 instead of 0 once every support is withdrawn); harmless for
//   ordering. supportCount, an integer, is the exact figure shown to people.

/** 2026-01-01T00:00:00Z: the reference instant of every weight. */
export const TREND_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Three days: a support counts twice as much as one given three days earlier. */
export const TREND_HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000;
/** The first instant at which a weight would overflow to Infinity (rebase before this). */
export const WEIGHT_OVERFLOWS_AT = new Date(TREND_EPOCH_MS + 1024 * TREND_HALF_LIFE_MS);

/** The weight of a support given at `date`. */
export function supportWeight(date: Date = new Date()): number {
  return 2 ** ((date.getTime() - TREND_EPOCH_MS) / TREND_HALF_LIFE_MS);
}

/** A trend score seen at `now`: each support's weight decayed to the present (for display or debugging). */
export function decayedScore(trendScore: number, now: Date = new Date()): number {
  return trendScore / supportWeight(now);
}
