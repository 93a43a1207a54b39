import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../../../text/calendar'

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean))
/** Names of several words, one a line. */
const lines = (list: string) =>
  list
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

/** Capitalised at the start of a sentence by grammar, never a name (compared in lower case). */
export const FUNCTION_WORDS = words(`
  a an the this that these those he she it they we i you me him her us them his its their our my your
  in on at of for from to by with without after before during as but and or nor if when while since although though
  because so yet there here what who whom whose which where how why all some many most other others another each every
  both no not none one two three four five six seven eight nine ten according speaking asked also however meanwhile
  still then now today yesterday tomorrow tonight last next earlier later thus hence instead despite under over
  about above below between among into onto upon until unless whether following including such only even just
  more less much few several any both either neither do does did is are was were be been has have had will would
  can could may might must shall should yes oh mr mrs ms mme mlle former
  afterwards afterward subsequently separately additionally furthermore moreover nevertheless nonetheless
  finally initially eventually currently previously recently
  near outside inside across throughout around against toward towards through beyond along behind beside within via amid
`)

/** Never part of a name: days and months ("on Tuesday"); not "may", a verb far more often than a month ("May Smith" is a name). */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS.filter((month) => month !== 'may'), ...MONTH_ABBREVIATIONS])

/** Lower-case words that may sit inside a name: "Fitna al Hindustan", "Bank of England", "Maarten van der Velde". */
export const CONNECTORS = words(`of for al el bin bint ibn de da del dela della dello delle degli der di du van von la le le des dos y`)

/** The head of a title or role before a name ("Interior Minister", "Spokesperson", "Gen."), in lower case. */
export const ROLE_HEADS = words(`
  minister ministers president vice-president president-elect premier chancellor spokesperson spokesman spokeswoman
  secretary secretary-general chairman chairwoman chairperson chair director governor senator ambassador envoy
  general gen. colonel col. lieutenant lt. captain capt. commander commissioner sergeant sgt. admiral marshal major
  chief king queen prince princess pope cardinal bishop archbishop rabbi imam sheikh ayatollah mufti maulana mullah cleric
  pastor priest reverend rev. father mayor judge justice whip
  attorney prosecutor coach manager leader head representative rep. sen. gov. congressman congresswoman lawmaker
  mp dr dr. prof prof. professor dean officer inspector superintendent constable detective ceo founder executive
  striker midfielder defender goalkeeper captain fullback winger quarterback pitcher batsman bowler
  analyst economist broker trader strategist democrat republican
  presidents governors senators ambassadors mayors premiers chancellors secretaries
  sheriff assemblyman assemblywoman assemblymember councillor councilor councilman councilwoman alderman legislator member
  player actor actress journalist author novelist poet artist scientist researcher lawyer activist businessman
  businesswoman entrepreneur astronaut athlete footballer cricketer rapper musician comedian historian podcaster
  broadcaster presenter photographer physician surgeon
`)

/** Titles that name, after "to", where their holder is posted ("Ambassador to Portugal", "Special Envoy to the Sahel"), in lower case. */
export const POSTED_ROLES = words(`ambassador envoy representative adviser advisor delegate consul emissary commissioner attaché nuncio`)

/** Honorifics: they mark a person but are not a role worth reporting. */
export const HONORIFICS = words(`mr. mrs. ms. mr mrs ms sir dame mme mlle monsignor monseñor monsenor msgr msgr. mgr mgr.`)

/** The last word of an organisation's name ("Foreign Ministry", "Pakistan Peoples Party", "Acme Corp."). */
export const ORG_SUFFIXES = words(`
  ministry embassy consulate party council inc inc. corp corp. corporation co co. ltd ltd. plc llc ag nv gmbh
  sa s.a. spa s.p.a. ab oyj bhd tbk bv pty kk sarl srl
  company bank university college school union army navy police agency group association committee court
  parliament assembly commission department office service services fc club airlines airways institute
  foundation organisation organization federation front nations movement force forces authority board bureau
  center centre church congress exchange fund government hospital society trust industries holdings motors
  systems technologies securities partners telecom communications press times post news network channel reserve
  airlines railways railroad energy petroleum oil steel chemicals pharmaceuticals electronics media entertainment
  magazine journal gazette herald tribune administration presidency survey management observatory laboratory
  museum library underground transport railway television
  brigade battalion regiment corps guard guards cabinet senate tribunal alliance coalition federation team
  secretariat directorate cathedral command prefecture newsroom newsdesk desk radio tv broadcasting electric power chemical
  cement mining insurance units unit international patrol rescue league bulletin daily
  tribe tribes nation band bros bros.
  construction studios lodge
`)

/** First words of organisations' names ("Air Arabia", "Radio Free Europe", "Banco Santander"). */
export const ORG_PREFIXES = words(`air radio banco banca deutsche credit hotel daily gazeta`)

/** Capitalised abbreviations that name no organisation. */
// Also the directions of photo captions ("the mayor (LEFT)"), diseases written in capitals ("COVID", "SARS") and things
// named by initials ("CCTV footage", "an ATM"); none of them is read as a name first in a sentence either.
export const NOT_ORG_ACRONYMS =
  words(`MP MPs MEP CT MRI UV GPS SUV GMT UTC EST EDT PST CET BST CEO CFO COO GDP GNP CPI TV AM PM OK AIDS HIV DNA VAT IPO ERA RBI MVP NB PS PR ID
  LEFT RIGHT CENTRE CENTER TOP BOTTOM ABOVE BELOW COVID SARS MERS ARDS QC KC MSP OBE MBE CBE KBE DBE CCTV ATM PPE LED USB SMS PIN`)

/** Organisations known by one word or an acronym, and a few known by several words ("Lok Sabha"). */
export const KNOWN_ORGS = new Set([
  ...words(`
  NATO UN U.N. EU OPEC IMF FBI CIA FSB KGB BBC CNN Reuters AFP AP UEFA FIFA IOC NBA NFL NHL WTO ASEAN PLO IRA
  Hamas Hezbollah Taliban Pentagon Interpol Nasdaq NYSE Microsoft Google Apple Amazon Facebook Meta Twitter
  Wikipedia Wikinews Boeing Airbus Toyota Nissan Honda Ford Gazprom Nokia Sony Samsung Intel IBM OECD UNICEF
  UNESCO UNHCR ICC ICJ Greenpeace Bundesbank Bundestag Knesset Duma Congress Parliament Senate Treasury Fed
  Interfax Itar-Tass Tass Xinhua Bloomberg Kremlin Politburo Hizbollah Hezbollah Fatah Likud Labour Tories
  PKK ETA Mossad Shin-Bet Gazprom Lukoil Aeroflot Lufthansa Renault Peugeot Fiat Volkswagen BMW Daimler
  Siemens Philips Unilever Nestle Shell BP Exxon Chevron Texaco Mobil Citibank Citicorp Barclays HSBC NatWest
  Storting Folketing Riksdag Sejm Majlis
  Walmart Costco Alibaba Tencent Huawei Netflix Uber 8chan 4chan Reddit YouTube Instagram TikTok WhatsApp Telegram
  ISIL ISIS Daesh Da'esh Da’esh Al-Qaeda al-Qaeda Al-Shabaab al-Shabaab
`),
  ...lines(`
  Dow Jones
  Agence France-Presse
  Associated Press
  Lok Sabha
  Rajya Sabha
  Red Cross
  Red Crescent
  Boko Haram
  Islamic State
`),
])

/** Lower-case nouns after a name that make it an organisation ("the Mullazai Qaumi Etihad chairman"), a club's players among them ("Kent batsman"). */
export const ORG_MEMBERS = words(`
  chairman chairwoman chief spokesman spokeswoman spokesperson members member leader leaders head officials militants
  fighters workers employees shareholders executives captain coach manager players squad shares stock news agency
  newspaper daily subsidiary unit producer editor correspondent reporter photographer photojournalist columnist
  network militia batsman bowler all-rounder striker midfielder defender goalkeeper winger
`)

/** Lower-case nouns before a name that make it an organisation ("the banned group Fitna al Hindustan"). */
export const ORG_KINDS = words(`
  group organisation organization party company firm outfit movement militia network agency bank club team newspaper
  union giant maker producer manufacturer carrier airline insurer retailer broker brokerage daily weekly magazine
  broadcaster conglomerate subsidiary unit side champions operator developer exporter importer lender
  database website publication watchdog charity chain supermarket utility outlet publisher studio label brand
  consortium startup
`)

/** Lower-case nouns after a demonym that make it an affiliation with a country ("the Chinese embassy"). */
export const AFFILIATIONS = words(
  `embassy consulate government ministry military army navy police authorities officials forces president leader troops state media side delegation foreign`,
)

/** Words that make a capitalised run an event, a street or a thing rather than a person ("Asia Cup", "Fleet Street"). */
export const NOT_PERSON_WORDS = words(`
  cup open championship championships games olympics trophy prix tour series masters classic grand final finals
  marathon awards award festival summit prize ceremony expo olympiad
  street avenue road square bridge airport station stadium park hall house palace building tower
  day week year east west north south northern southern eastern western central airlines index average
  reserve treasury exchange division conference league world international national federal republic
  democrats republicans communists socialists liberals conservatives revolution war wall hotel motel women men
  church mosque temple river lake mountain mountains island islands valley bay sea ocean coast beach port fort
  saint st st. new old real el la los las san santa red region regions province district state states catholic orthodox protestant
  muslim moslem islamic jewish buddhist hindu sikh islam christianity judaism hinduism buddhism sikhism
`)

/** Prepositions that put a place after them ("in Mastung", "from Quetta"). */
export const PLACE_PREPOSITIONS = words(`in at from near to into across outside around toward towards via through inside throughout`)

/** Nouns for kinds of place before a list of them ("districts, including Kalat, Tump, and Sariab"). */
export const PLACE_KINDS = words(`districts cities towns villages provinces regions areas states countries places capitals`)

/** Nations within a country that field their own national sides ("the England captain"), in lower case. */
export const NATIONS = new Set(['england', 'scotland', 'wales', 'northern ireland'])

/** First words that make a name a storm, an operation or another event rather than a person ("Hurricane Dorian", "Operation Inherent Resolve"). */
export const THING_HEADS = words(`hurricane typhoon cyclone storm operation battle siege project`)

/**
 * Last words that make a name a facility, a publication, an event, a programme, a disease or a time zone rather
 * than a person ("Cielo Vista Mall", "Daily Telegraph", "Costume Ball", "Gun Violence Archive", "Infectious
 * Diseases", "Greenwich Mean Time").
 */
export const THING_TAILS = words(`
  mall plaza stadium arena hospital museum telegraph times gazette herald tribune time programme program festival
  archive archives ball gala parade concert fair diseases disease syndrome fever virus initiative review journal
  chronicle observer courier monitor daily weekly mail express report index act bill treaty accord agreement doctrine
  amendment clause laws regulations
`)

/** Of the tails above, those that are also surnames ("Emily Post", "Lucille Ball", "Ellie Fair"): a thing only in a name of three words or more. */
export const THING_TAILS_ALSO_SURNAMES = words(`ball fair post times mail monitor review express`)

/** Letters after a name that are no part of it: honours and offices ("Durham Hall QC", "Jane Doe MP"). */
export const POSTNOMINALS = new Set(['QC', 'KC', 'MP', 'MEP', 'MSP', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'PhD', 'MD', 'SC'])

/** Prepositions after which an unknown run of capitalised words is a place ("in Maidan Shahr"), not a person. */
export const STRONG_PLACE_PREPOSITIONS = words(`in near outside across throughout inside`)

/** "South Yemen", "Northern Syria": a part of a country that is no country itself ("South Sudan" is one). */
export const COMPASS_WORDS = words(`north south east west northern southern eastern western central upper lower`)

/** Relatives named by one word in apposition ("his widow, Denise"). */
export const KIN = words(`
  widow widower wife husband mother father son daughter brother sister uncle aunt cousin nephew niece grandson
  granddaughter grandmother grandfather fiancée fiancé partner stepmother stepfather
`)

/** Arabic words that open names of places ("Tell Halaf", "Ain Diwar", "Deir Hafer"): a hill, a spring, a monastery… */
export const ARABIC_PLACE_OPENERS = words(`tell tel tal ain deir jabal jebel wadi kafr beit umm khirbet nahr qasr`)

/** An article or a saint before a name the gazetteer lacks ("La Llagosta", "San Andrés"). */
export const PLACE_NAME_OPENERS = words(`la le el los las les san santa santo são saint st st. port fort new`)

/** The last word of an airport's name. */
export const AIRPORT_WORDS = words(`airport airfield airbase`)

/** Verbs after a lone surname that make it a person ("Naqvi said"). */
export const SPEECH_VERBS_AFTER_NAME = words(`said says told added stated argued wrote insisted acknowledged admitted recalled explained`)
