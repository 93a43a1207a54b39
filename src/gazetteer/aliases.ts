/** Other names news uses for countries (ISO 3166-1 alpha-2 code by name). */
export const COUNTRY_ALIASES: Record<string, string> = {
  'U.S.': 'US', US: 'US', USA: 'US', 'U.S.A.': 'US', America: 'US', 'United States of America': 'US',
  UK: 'GB', 'U.K.': 'GB', Britain: 'GB', 'Great Britain': 'GB',
  Holland: 'NL', 'the Netherlands': 'NL', Burma: 'MM', 'Czechia': 'CZ', 'Ireland': 'IE', 'Russian Federation': 'RU',
  'Soviet Union': 'RU', USSR: 'RU', 'Ivory Coast': 'CI', "Cote d'Ivoire": 'CI', 'DR Congo': 'CD', Congo: 'CG',
  'North Korea': 'KP', 'South Korea': 'KR', 'Korea': 'KR', 'Macedonia': 'MK', 'Swaziland': 'SZ', 'Vatican': 'VA',
  'Bahamas': 'BS', 'Gambia': 'GM', 'Palestine': 'PS', 'UAE': 'AE', 'Timor-Leste': 'TL', 'Zaire': 'CD',
  'Yugoslavia': 'RS', 'Bosnia': 'BA', 'Cape Verde': 'CV', 'Vietnam': 'VN', 'Viet Nam': 'VN',
}

/** Older or English names of towns that GeoNames lists under their current name (lower case). */
export const TOWN_ALIASES: Record<string, string> = {
  calicut: 'kozhikode', bombay: 'mumbai', madras: 'chennai', calcutta: 'kolkata', peking: 'beijing', rangoon: 'yangon',
  saigon: 'ho chi minh city', dacca: 'dhaka', poona: 'pune', benares: 'varanasi', trivandrum: 'thiruvananthapuram',
}

/** Areas news names that are neither countries nor GeoNames regions (country code where there is one). */
export const AREAS: Record<string, string> = {
  Europe: '', Asia: '', Africa: '', 'North America': '', 'South America': '', 'Latin America': '', 'Central America': '',
  'Middle East': '', 'Far East': '', 'Southeast Asia': '', 'South Asia': '', 'East Asia': '', 'Central Asia': '',
  'West Bank': 'PS', 'Gaza Strip': 'PS', Gaza: 'PS', Balkans: '', Caribbean: '', Scandinavia: '', Caucasus: '',
  Siberia: 'RU', Midwest: 'US', Mediterranean: '', Atlantic: '', Pacific: '', Arctic: '', 'Persian Gulf': '', Gulf: '',
  Kashmir: '', Tibet: 'CN', Kosovo: 'RS', 'Nagorno-Karabakh': 'AZ', Chechnya: 'RU', Kurdistan: '', Sahara: '',
  England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB', 'Horn of Africa': '', 'Sub-Saharan Africa': '', Antarctica: '', Oceania: '', 'Wall Street': 'US',
}

/**
 * Demonyms, for countries named through an affiliation ("the Chinese embassy").
 * In CoNLL terms these are MISC, so the NER evaluation does not score them as LOC.
 */
export const DEMONYMS: Record<string, string> = {
  Afghan: 'AF', Albanian: 'AL', Algerian: 'DZ', American: 'US', Angolan: 'AO', Argentine: 'AR', Argentinian: 'AR',
  Armenian: 'AM', Australian: 'AU', Austrian: 'AT', Azerbaijani: 'AZ', Bahraini: 'BH', Bangladeshi: 'BD',
  Belarusian: 'BY', Belgian: 'BE', Bolivian: 'BO', Bosnian: 'BA', Brazilian: 'BR', British: 'GB', Bulgarian: 'BG',
  Burmese: 'MM', Cambodian: 'KH', Cameroonian: 'CM', Canadian: 'CA', Chadian: 'TD', Chilean: 'CL', Chinese: 'CN',
  Colombian: 'CO', Congolese: 'CD', Croatian: 'HR', Cuban: 'CU', Cypriot: 'CY', Czech: 'CZ', Danish: 'DK',
  Dutch: 'NL', Ecuadorian: 'EC', Egyptian: 'EG', Emirati: 'AE', English: 'GB', Eritrean: 'ER', Estonian: 'EE',
  Ethiopian: 'ET', Filipino: 'PH', Finnish: 'FI', French: 'FR', Georgian: 'GE', German: 'DE', Ghanaian: 'GH',
  Greek: 'GR', Guatemalan: 'GT', Haitian: 'HT', Honduran: 'HN', Hungarian: 'HU', Icelandic: 'IS', Indian: 'IN',
  Indonesian: 'ID', Iranian: 'IR', Iraqi: 'IQ', Irish: 'IE', Israeli: 'IL', Italian: 'IT', Jamaican: 'JM',
  Japanese: 'JP', Jordanian: 'JO', Kazakh: 'KZ', Kenyan: 'KE', Korean: 'KR', Kuwaiti: 'KW', Kyrgyz: 'KG',
  Lao: 'LA', Latvian: 'LV', Lebanese: 'LB', Liberian: 'LR', Libyan: 'LY', Lithuanian: 'LT', Malaysian: 'MY',
  Malian: 'ML', Maltese: 'MT', Mexican: 'MX', Moldovan: 'MD', Mongolian: 'MN', Moroccan: 'MA', Mozambican: 'MZ',
  Namibian: 'NA', Nepalese: 'NP', Nepali: 'NP', Nigerian: 'NG', Nigerien: 'NE', Norwegian: 'NO', Omani: 'OM',
  Pakistani: 'PK', Palestinian: 'PS', Panamanian: 'PA', Paraguayan: 'PY', Peruvian: 'PE', Philippine: 'PH',
  Polish: 'PL', Portuguese: 'PT', Qatari: 'QA', Romanian: 'RO', Russian: 'RU', Rwandan: 'RW', Saudi: 'SA',
  Scottish: 'GB', Senegalese: 'SN', Serbian: 'RS', Singaporean: 'SG', Slovak: 'SK', Slovenian: 'SI',
  Somali: 'SO', Spanish: 'ES', Sudanese: 'SD', Swedish: 'SE', Swiss: 'CH', Syrian: 'SY', Taiwanese: 'TW',
  Tajik: 'TJ', Tanzanian: 'TZ', Thai: 'TH', Tunisian: 'TN', Turkish: 'TR', Turkmen: 'TM', Ugandan: 'UG',
  Ukrainian: 'UA', Uruguayan: 'UY', Uzbek: 'UZ', Venezuelan: 'VE', Vietnamese: 'VN', Welsh: 'GB', Yemeni: 'YE',
  Zambian: 'ZM', Zimbabwean: 'ZW',
}
