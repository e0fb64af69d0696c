/**
 * Demonyms: the English words that name a country's people or qualify what
 * belongs to it ("Russian", "Russians", "the Chinese Ministry of Foreign
 * Affairs"), with the country's ISO 3166 alpha-2 code. Matching rule 10 reads
 * them (DESIGN.md): a mention right after a demonym of another country than
 * the entity's is not that entity.
 *
 * The table covers the countries of the shared corpus (Vietnam, Russia and
 * those its articles name: Thailand, Japan, Germany, Sweden, the United
 * Kingdom), the land and sea neighbours of Vietnam and of Russia, the
 * permanent members of the UN Security Council, the members of ASEAN, and the
 * other countries that come up most in English news about the region. Each
 * country has its adjective, its singular and plural nouns, and the two-word
 * forms ("North Korean", "Sri Lankan"); "Korean" alone is South Korea, as in
 * the news. Left out on purpose: words that are not the adjective of one
 * present-day country ("Soviet", "English", "Arab"), and a country's name used
 * as an adjective ("US", "UK").
 */

/** Country code → its demonyms as written (adjective, singular and plural nouns). */
const DEMONYMS_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  // The shared corpus and what its articles name.
  VN: ['Vietnamese'],
  RU: ['Russian', 'Russians'],
  TH: ['Thai', 'Thais'],
  JP: ['Japanese'],
  DE: ['German', 'Germans'],
  SE: ['Swedish', 'Swede', 'Swedes'],
  GB: ['British', 'Briton', 'Britons', 'Brit', 'Brits'],
  // The permanent members of the Security Council not above.
  US: ['American', 'Americans'],
  FR: ['French', 'Frenchman', 'Frenchmen', 'Frenchwoman', 'Frenchwomen'],
  CN: ['Chinese'],
  // Vietnam's neighbours and ASEAN.
  LA: ['Lao', 'Laotian', 'Laotians'],
  KH: ['Cambodian', 'Cambodians'],
  MY: ['Malaysian', 'Malaysians'],
  SG: ['Singaporean', 'Singaporeans'],
  ID: ['Indonesian', 'Indonesians'],
  PH: ['Philippine', 'Filipino', 'Filipinos', 'Filipina', 'Filipinas'],
  MM: ['Burmese'],
  BN: ['Bruneian', 'Bruneians'],
  TL: ['Timorese', 'East Timorese'],
  // Russia's neighbours.
  NO: ['Norwegian', 'Norwegians'],
  FI: ['Finnish', 'Finn', 'Finns'],
  EE: ['Estonian', 'Estonians'],
  LV: ['Latvian', 'Latvians'],
  LT: ['Lithuanian', 'Lithuanians'],
  PL: ['Polish', 'Pole', 'Poles'],
  BY: ['Belarusian', 'Belarusians', 'Belarussian', 'Belarussians'],
  UA: ['Ukrainian', 'Ukrainians'],
  GE: ['Georgian', 'Georgians'],
  AZ: ['Azerbaijani', 'Azerbaijanis', 'Azeri', 'Azeris'],
  KZ: ['Kazakh', 'Kazakhs', 'Kazakhstani', 'Kazakhstanis'],
  MN: ['Mongolian', 'Mongolians'],
  KP: ['North Korean', 'North Koreans'],
  // Others often in the region's news.
  KR: ['South Korean', 'South Koreans', 'Korean', 'Koreans'],
  TW: ['Taiwanese'],
  IN: ['Indian', 'Indians'],
  PK: ['Pakistani', 'Pakistanis'],
  BD: ['Bangladeshi', 'Bangladeshis'],
  LK: ['Sri Lankan', 'Sri Lankans'],
  NP: ['Nepalese', 'Nepali', 'Nepalis'],
  AF: ['Afghan', 'Afghans'],
  AU: ['Australian', 'Australians'],
  NZ: ['New Zealander', 'New Zealanders'],
  CA: ['Canadian', 'Canadians'],
  IT: ['Italian', 'Italians'],
  ES: ['Spanish', 'Spaniard', 'Spaniards'],
  PT: ['Portuguese'],
  NL: ['Dutch', 'Dutchman', 'Dutchmen'],
  BE: ['Belgian', 'Belgians'],
  CH: ['Swiss'],
  AT: ['Austrian', 'Austrians'],
  DK: ['Danish', 'Dane', 'Danes'],
  IE: ['Irish'],
  GR: ['Greek', 'Greeks'],
  CZ: ['Czech', 'Czechs'],
  HU: ['Hungarian', 'Hungarians'],
  RO: ['Romanian', 'Romanians'],
  BG: ['Bulgarian', 'Bulgarians'],
  RS: ['Serbian', 'Serbians', 'Serb', 'Serbs'],
  MD: ['Moldovan', 'Moldovans'],
  AM: ['Armenian', 'Armenians'],
  UZ: ['Uzbek', 'Uzbeks', 'Uzbekistani', 'Uzbekistanis'],
  KG: ['Kyrgyz', 'Kyrgyzstani', 'Kyrgyzstanis'],
  TJ: ['Tajik', 'Tajiks'],
  TM: ['Turkmen'],
  TR: ['Turkish', 'Turk', 'Turks'],
  IR: ['Iranian', 'Iranians'],
  IQ: ['Iraqi', 'Iraqis'],
  SY: ['Syrian', 'Syrians'],
  IL: ['Israeli', 'Israelis'],
  SA: ['Saudi', 'Saudis', 'Saudi Arabian', 'Saudi Arabians'],
  AE: ['Emirati', 'Emiratis'],
  QA: ['Qatari', 'Qataris'],
  EG: ['Egyptian', 'Egyptians'],
  ZA: ['South African', 'South Africans'],
  NG: ['Nigerian', 'Nigerians'],
  CU: ['Cuban', 'Cubans'],
  MX: ['Mexican', 'Mexicans'],
  BR: ['Brazilian', 'Brazilians'],
  AR: ['Argentine', 'Argentines', 'Argentinian', 'Argentinians'],
  CL: ['Chilean', 'Chileans'],
  VE: ['Venezuelan', 'Venezuelans'],
};

/** Lower-case demonym (its words joined by one space) → country code. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(DEMONYMS_BY_COUNTRY).flatMap(([code, words]) => words.map((word) => [word.toLowerCase(), code] as const)),
);

/** The last words of the two-word demonyms ("korean" of "north korean"), lower-case. */
export const DEMONYM_SECOND_WORDS: ReadonlySet<string> = new Set(
  [...DEMONYMS.keys()].filter((key) => key.includes(' ')).map((key) => key.slice(key.indexOf(' ') + 1)),
);

/**
 * The country of a demonym written as one word or two words joined by one
 * space, in any case ("Chinese", "CHINESE", "North Korean"); undefined for any
 * other word. A word with diacritics is never an English demonym: "Thái" (a
 * Vietnamese name) is not "Thai", so the lookup lower-cases without folding.
 */
export function countryOfDemonym(words: string): string | undefined {
  return DEMONYMS.get(words.toLowerCase());
}
