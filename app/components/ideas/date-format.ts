// Intl formatters are costly to build (locale data lookup, time zone resolution) and cheap
// to reuse: a list page formats 20 dates, a timeline dozens. One formatter per (locale,
// time zone, options), shared by server renders and the browser. The key space is small
// (supported languages × city time zones × a few styles); the cap only guards against a
// caller passing arbitrary values.
const MAX_CACHED = 500;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, create: () => F): F {
  let format = cache.get(key);
  if (!format) {
    format = create();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, format);
  }
  return format;
}

/** A shared Intl.DateTimeFormat; throws as its constructor does on an unknown time zone. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A shared Intl.RelativeTimeFormat. */
export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions = {}): Intl.RelativeTimeFormat {
  return cached(relativeFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(locale, options));
}
