// Deterministic pseudo-random data for the benchmark: a seeded PRNG, ids, and idea and
// comment texts of realistic length and word distribution (a Zipf-like vocabulary, so
// the full-text index has the shape of real prose: a few very common words, a long tail).

/** mulberry32: small, fast, good enough for test data; the same seed gives the same data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
  };
}
export type Random = ReturnType<typeof createRandom>;

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A cuid-like id (lower-case letters and digits, 25 characters, starting with "c"). */
export function randomId(random: Random): string {
  let id = "c";
  for (let index = 0; index < 24; index++) id += ID_ALPHABET[Math.floor(random.next() * 36)];
  return id;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** A lucia v3 session id: 25 random bytes in lower-case base32 (40 characters). */
export function sessionId(random: Random): string {
  let id = "";
  for (let index = 0; index < 40; index++) id += BASE32[Math.floor(random.next() * 32)];
  return id;
}

// Words people actually use when they propose digital public services; the first ones are
// the most frequent (weights follow Zipf's law over this order).
const DOMAIN_WORDS = `the and to of a in for city with that is on this be it by more people can an as from would
our residents service online app could or we all new data have should are will not at public local time
when which also their about there one make easier so use information like they than access better need
help services system platform where municipality each every open free simple citizens mobile website
bus parking school library park street waste energy water health care children elderly youth families
map real timetable booking appointment payment permit form request report issue repair road bike cycling
route stop station ticket pass card queue office hall council budget vote feedback survey survey volunteer
event calendar culture museum tourism visitor beach harbour port market shop business startup company job
training course skills coding workshop classroom teacher student university research sensor noise air
quality pollution heat tree green garden recycling bin collection container compost solar light lamp
streetlight traffic crossing safety lighting camera alarm emergency flood storm weather forecast alert
notification message email sms chatbot assistant translation language accessible accessibility wheelchair
ramp blind deaf senior neighbourhood district centre village community association club sport pool gym
field playground dog walking path trail river lake forest snow ice winter summer festival music theatre
cinema archive history heritage photo video stream broadcast wifi network connection fibre broadband
signal coverage open-data dashboard statistics api dataset portal registry document certificate identity
login signature account profile privacy consent security backup cloud server software license code
pilot trial test prototype launch evaluation usage impact cost saving euro funding grant partner
procurement contract tender supplier provider operator hospital clinic doctor nurse pharmacy medicine
vaccination care home meal delivery transport taxi sharing scooter car electric charging point fleet
cargo logistics parcel locker post office registry tax fee fine invoice receipt discount subsidy`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = ["ka", "lo", "ri", "ne", "ta", "vi", "sa", "mu", "pe", "do", "li", "ra", "ko", "ve", "ni", "tu", "ma", "si", "ja", "po"];

/** ~6,000 words: the domain words first, then a long tail of rarer made-up words. */
function buildVocabulary(): string[] {
  const random = createRandom(7);
  const words = [...DOMAIN_WORDS];
  const seen = new Set(words);
  while (words.length < 6000) {
    const length = random.int(2, 4);
    let word = "";
    for (let index = 0; index < length; index++) word += random.pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

const VOCABULARY = buildVocabulary();
// Cumulative Zipf weights (s = 1.05) for sampling by binary search.
const CUMULATIVE = (() => {
  const cumulative = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let rank = 0; rank < VOCABULARY.length; rank++) {
    sum += 1 / (rank + 1) ** 1.05;
    cumulative[rank] = sum;
  }
  return cumulative;
})();
const TOTAL_WEIGHT = CUMULATIVE[CUMULATIVE.length - 1];

function word(random: Random): string {
  const target = random.next() * TOTAL_WEIGHT;
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle] < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low];
}

function sentence(random: Random, min: number, max: number, extra?: string): string {
  const words: string[] = [];
  const count = random.int(min, max);
  for (let index = 0; index < count; index++) words.push(word(random));
  if (extra) words.splice(random.int(0, words.length), 0, extra);
  const text = words.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/**
 * Words the search phases look for, with a controlled frequency:
 * - COMMON_WORD in about a quarter of the ideas (a typical broad query),
 * - RARE_WORD in one idea in a thousand (a precise query).
 * Neither is in the generated vocabulary, so these frequencies are exact.
 */
export const COMMON_WORD = "digital";
export const RARE_WORD = "beekeeping";

export type IdeaText = { title: string; summary: string; body: string };

/** Title ~60 characters, summary ~220, Markdown body ~1,200 (3–6 paragraphs, sometimes a list). */
export function ideaText(random: Random, index: number): IdeaText {
  const common = random.chance(0.25) ? COMMON_WORD : undefined;
  const rare = index % 1000 === 7 ? RARE_WORD : undefined;
  const title = sentence(random, 5, 10, common && random.chance(0.4) ? common : undefined).slice(0, -1);
  const summary = [sentence(random, 12, 20, rare), sentence(random, 10, 18)].join(" ");
  const paragraphs: string[] = [];
  const count = random.int(3, 6);
  for (let index = 0; index < count; index++) {
    if (index === 1 && random.chance(0.3)) {
      paragraphs.push(["", "", ""].map(() => `- ${sentence(random, 4, 9)}`).join("\n"));
      continue;
    }
    const sentences = [sentence(random, 8, 20, index === 0 ? common : undefined), sentence(random, 8, 20), sentence(random, 6, 16)];
    if (random.chance(0.2)) sentences[1] = `**${sentences[1]}**`;
    paragraphs.push(sentences.join(" "));
  }
  return { title, summary, body: paragraphs.join("\n\n") };
}

/** A comment of one to four sentences (~80–400 characters). */
export function commentText(random: Random): string {
  const sentences: string[] = [];
  const count = random.int(1, 4);
  for (let index = 0; index < count; index++) sentences.push(sentence(random, 6, 16));
  return sentences.join(" ");
}

/**
 * Splits `total` over `n` items with a heavy tail (a Pareto distribution, capped at
 * `max`): most items get a few, a handful get thousands — as supports and comments do.
 */
export function heavyTailCounts(random: Random, n: number, total: number, max: number): Int32Array {
  const counts = new Int32Array(n);
  if (n === 0 || total === 0) return counts;
  const raw = new Float64Array(n);
  let sum = 0;
  for (let index = 0; index < n; index++) {
    raw[index] = 1 / (1 - random.next()) ** (1 / 1.3) - 0.6;
    sum += raw[index];
  }
  // Scale to the total, cap, then hand out what the cap and the rounding left over.
  let assigned = 0;
  for (let index = 0; index < n; index++) {
    counts[index] = Math.min(max, Math.floor((raw[index] / sum) * total));
    assigned += counts[index];
  }
  let guard = 0;
  while (assigned < total && guard < total * 4) {
    const index = Math.floor(random.next() * n);
    if (counts[index] < max) {
      counts[index]++;
      assigned++;
    }
    guard++;
  }
  return counts;
}
