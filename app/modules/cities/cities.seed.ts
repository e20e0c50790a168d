// The eight cities of the URBACT network "Digital Innovation 4 Cities".
// defaultLocale is the city's language even where the interface does not offer it yet:
// locale detection falls back to English until that language is complete.
export const networkCities = [
  { slug: "botosani", name: "Botoșani", countryCode: "RO", defaultLocale: "ro", timeZone: "Europe/Bucharest" },
  { slug: "messina", name: "Messina", countryCode: "IT", defaultLocale: "it", timeZone: "Europe/Rome" },
  { slug: "roquetas-de-mar", name: "Roquetas de Mar", countryCode: "ES", defaultLocale: "es", timeZone: "Europe/Madrid" },
  { slug: "oulu", name: "Oulu", countryCode: "FI", defaultLocale: "fi", timeZone: "Europe/Helsinki" },
  { slug: "saint-quentin", name: "Saint-Quentin", countryCode: "FR", defaultLocale: "fr", timeZone: "Europe/Paris" },
  { slug: "limerick", name: "Limerick", countryCode: "IE", defaultLocale: "en", timeZone: "Europe/Dublin" },
  { slug: "ventspils", name: "Ventspils", countryCode: "LV", defaultLocale: "lv", timeZone: "Europe/Riga" },
  { slug: "portalegre", name: "Portalegre", countryCode: "PT", defaultLocale: "pt", timeZone: "Europe/Lisbon" },
] as const;
