// General English word lists the extraction rules share: titles, demonyms, organisation words,
// speech verbs, a small world gazetteer. Nothing here is about any one topic or story.

const set = (words: string) => new Set(words.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Words that make up titles and roles before a name ("Deputy Prime Minister", "Gen.", "Field Marshal"). */
export const TITLE_WORDS = set(`
  president vice deputy prime minister secretary general gen. gen field marshal commander leader chief
  spokesman spokeswoman spokesperson ambassador senator sen. rep. representative congressman congresswoman
  governor mayor director chairman chairwoman chair ceo king queen prince princess sheikh emir colonel col.
  lt. lieutenant captain capt. major maj. sgt. sergeant admiral adm. adviser advisor envoy official officer
  foreign defense defence interior finance state national security justice attorney judge justice
  chancellor premier pope cardinal bishop archbishop rev. reverend dr. professor prof. speaker
  head founder executive managing president-elect former acting interim ex- militia army military
  warlord strongman rebel opposition party labor labour union spokesman minister-president coach
  manager analyst correspondent editor reporter economist lawyer diplomat
  secretary-general attorney-general director-general governor-general vice-president vice-chairman
  undersecretary under-secretary
`);

/** Lower-case words that open a job title without being one ("senior vice president", "project manager"). */
export const TITLE_MODIFIERS = set('senior junior assistant associate principal lead project general');

/** Honorifics that mark the next capitalised words as a person's name. */
export const HONORIFICS = set(`mr mr. mrs mrs. ms ms. miss dr dr. sir dame gen. gen col. lt. capt. sgt. adm. rev. prof. sen. rep. gov. pres.`);

/** Title words that, directly before a capitalised name, make it a person (not an organisation). */
export const PERSON_TITLES = set(`
  president minister secretary undersecretary under-secretary general gen. gen marshal commander leader chief spokesman spokeswoman
  spokesperson ambassador senator sen. rep. representative congressman congresswoman governor mayor
  director chairman chairwoman ceo king queen prince princess sheikh emir colonel col. lt. lieutenant
  captain capt. major maj. sgt. sergeant admiral adm. adviser advisor envoy chancellor premier pope
  cardinal bishop archbishop rev. reverend dr. professor prof. judge justice coach warlord strongman
  president-elect mr mr. mrs mrs. ms ms. dr miss sir dame
  secretary-general attorney-general director-general governor-general vice-president vice-chairman
`);

/** Nationality and region adjectives that may lead a role ("Egyptian President"). */
export const DEMONYMS = set(`
  american u.s. us british english scottish welsh irish french german italian spanish portuguese dutch
  belgian swiss austrian swedish norwegian danish finnish polish czech slovak hungarian romanian bulgarian
  greek turkish russian ukrainian belarusian georgian armenian azerbaijani iranian iraqi syrian lebanese
  israeli palestinian jordanian saudi emirati qatari kuwaiti bahraini omani yemeni egyptian libyan
  tunisian algerian moroccan sudanese ethiopian somali kenyan nigerian ghanaian south african chinese
  japanese korean indian pakistani afghan bangladeshi indonesian malaysian thai vietnamese filipino
  australian canadian mexican brazilian argentine argentinian chilean colombian venezuelan peruvian
  cuban european african asian arab western eastern northern southern un u.n. eu nato
`);

/** Last words that make a capitalised name an organisation. */
export const ORG_HEADS = set(`
  government ministry department agency army forces force navy police council committee commission
  congress parliament senate assembly court party union brotherhood movement front alliance coalition
  organization organisation association federation institute university college school bank fund
  company corporation corp corp. inc inc. ltd ltd. llc group holdings solutions partners times post
  news press journal herald tribune guardian telegraph network channel bureau office service services
  command authority administration board foundation society church council nations league club team
  state representatives house cabinet regime militia guard guards unit battalion brigade
  exchange reserve airlines airways motors systems technologies labs media radio television tv
`);

/** Words that, leading a capitalised run, are organisations' own ("Bank of …", "Ministry of …"). */
export const ORG_LEADS = set(`ministry department bank university institute council committee house office board court government army league federation`);

/** Verbs of saying that attribute quotes and statements. */
export const SPEECH_VERBS = set(`
  said says say told tells added adds continued stressed insisted argued explained noted wrote writes
  asked asks declared announced warned claimed claims lamented suggested replied responded recalled
  acknowledged admitted conceded complained cautioned urged predicted observed remarked tweeted posted
  stated states maintained contended emphasised emphasized confirmed denied reported reports
`);

/** Pronouns that can point at a speaker. */
export const SPEAKER_PRONOUNS = set(`he she they i we it`);

/** Function words that are capitalised only because they start a sentence. */
export const SENTENCE_STARTERS = set(`
  the a an and but or so yet for nor in on at by to of from with without as if when while after before
  since until because although though this that these those it its he she they we i you his her their our
  my your there here what which who whom whose where why how all some many most several both each every
  no not despite during among between under over into onto upon about against amid amidst still also
  however meanwhile instead then thus now later earlier today yesterday tomorrow last next one two three
  according asked speaking unlike like even only just more less such another other once
  mr mrs ms
  nobody nothing everybody everyone everything somebody someone something anybody anyone anything none
`);

/** Month and weekday names, which are never entities. */
export const CALENDAR_WORDS = set(`
  january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
`);

/** A small gazetteer of countries, regions and world cities (general knowledge), for typing places. */
export const PLACES = set(`
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
  bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
  burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia
  denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
  georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
  indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
  kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
  malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro
  morocco mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria norway
  oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia
  rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden
  switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu
  uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain england
  scotland wales america europe africa asia antarctica oceania arctic middle east gaza crimea donbas
  kashmir tibet xinjiang hong kong macau sahara sahel balkans caucasus caribbean mediterranean
  washington london paris berlin moscow beijing tokyo delhi mumbai cairo riyadh doha dubai abu dhabi tehran
  baghdad damascus beirut ankara istanbul athens rome madrid lisbon brussels amsterdam vienna warsaw kyiv
  kiev minsk budapest prague bucharest sofia belgrade stockholm oslo copenhagen helsinki dublin edinburgh
  ottawa toronto montreal vancouver chicago boston houston dallas atlanta miami seattle denver phoenix
  philadelphia detroit angeles francisco york jersey texas california florida virginia ohio michigan
  georgia carolina arizona nevada oregon alaska hawaii maryland massachusetts pennsylvania illinois
  tripoli tunis algiers rabat khartoum addis ababa nairobi lagos abuja
  johannesburg pretoria kinshasa jerusalem tel aviv amman kabul islamabad karachi lahore dhaka kathmandu
  bangkok hanoi manila jakarta singapore seoul pyongyang taipei shanghai sydney melbourne auckland
  mexico bogota lima santiago caracas havana brasilia buenos aires
`);

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = set(`
  i i'm i've i'd i'll god internet covid tv ok okay
`);
