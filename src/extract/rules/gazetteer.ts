// General-knowledge name lists for typing entities: common given names, more places (US states, world
// cities), words that end place and facility names, units. Data only; nothing about any one story.

const set = (words: string) => new Set(words.trim().split(/\s+/).map((w) => w.toLowerCase()));

/**
 * Common given names (English-speaking world, Europe, Latin America, South and East Asia, the Arab world).
 * A capitalised pair opening with one is a person unless something says otherwise.
 */
export const FIRST_NAMES = set(`
  aaron adam adrian ahmad ahmed aidan alan albert alex alexander alexandra alexei alfred ali alice alicia
  alison allan amanda amber amy ana andre andrea andreas andrew andy angela angelina angus ann anna anne
  annie anthony antonio arthur ashley barack barbara barry ben benjamin bernard bernie beth betty bill billy
  bob bobby boris brad bradley brandon brenda brett brian bruce bryan carl carla carlos carmen carol caroline
  catherine charles charlie charlotte chris christian christina christine christopher chuck claire clara
  claude colin connor craig cynthia daniel danny darren dave david dean deborah debra denis dennis derek diana
  diane diego dmitry dominic don donald donna doug douglas dylan ed eddie edward elena elizabeth ellen emily
  emma emmanuel eric erik erin ethan eugene eva evan frances francesco francis francisco frank franz fred
  frederick gabriel gareth gary george georg gerald gerhard gina giovanni giuseppe glen glenn gordon grace
  graham greg gregory hannah hans harold harry heather heidi helen helmut henry hillary howard hugh hugo ian
  igor irene isaac isabel ivan jack jacob jacques james jamie jan jane janet jason javier jean jeff jeffrey
  jennifer jenny jeremy jerry jesse jessica jim jimmy joan joe joel johann john johnny jon jonathan jorge jose
  joseph josh joshua juan judith judy julia julian julie justin karen karl kate katherine kathleen kathy katie
  keith kelly ken kenneth kevin kim kirk kyle larry laura lauren lawrence lee leon leonard lisa liz louis
  louise lucas lucy luis luke lynn madeleine manuel marc marco margaret maria marie mario mark martha martin
  mary matt matthew maurice max megan melissa michael michel michelle miguel mike mikhail mitch mohamed
  mohammad mohammed muhammad nancy natalie nathan neil nicholas nick nicola nicolas nigel nikolai nina noah
  norman oliver olivia omar oscar owen pablo pamela patricia patrick paul paula pedro pete peter phil philip
  phillip pierre rachel rafael ralph randy raymond rebecca richard rick rita rob robert roberto robin roger
  ron ronald rose ross roy russell ruth ryan sally sam samantha samuel sandra sandy sara sarah scott sean
  sebastian sergei sergey shane sharon shaun shirley simon sophie stanley stefan stephanie stephen steve
  steven stuart susan suzanne tanya ted teresa terry theresa thomas tim timothy tina todd tom tommy tony
  tracy travis valerie vanessa victor victoria vincent vladimir walter wayne wendy william willie yuri yusuf
  zachary hiroshi takashi yuki kenji akira wei li zhang chen raj rahul amit priya sanjay vijay sunil anil
  hassan hussein ibrahim khalid mahmoud mustafa youssef fatima aisha layla nasser tariq salim karim
  jean-pierre jean-claude francois francoise giorgio luca marco paolo klaus jurgen wolfgang dieter ingrid
  sven lars nils erik olaf pieter johan jens anders mikael
`);

/** US states and other regions written as one or two words (the multiword ones by their last word too). */
export const MORE_PLACES = set(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma
  oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin wyoming
  ontario quebec alberta bavaria catalonia scandinavia siberia patagonia punjab bengal kurdistan darfur
  seattle portland sacramento oakland pittsburgh baltimore cleveland cincinnati minneapolis
  nashville memphis orlando tampa austin honolulu anchorage toulouse hamburg munich frankfurt cologne
  stuttgart bremen marseille lyon nice milan turin naples florence venice barcelona seville valencia
  porto geneva zurich basel manchester birmingham liverpool glasgow bristol leeds cardiff belfast
  rotterdam antwerp krakow gdansk st petersburg kazan vladivostok odessa kharkiv tbilisi yerevan baku
  tashkent almaty astana mecca medina jeddah benghazi misrata sirte mosul basra aleppo homs kandahar
  herat peshawar chennai kolkata bangalore bengaluru hyderabad osaka kyoto nagoya busan incheon guangzhou
  shenzhen chengdu wuhan nanjing tianjin hangzhou jakarta surabaya bali phuket perth brisbane adelaide
  wellington christchurch montevideo quito guayaquil medellin cali monterrey guadalajara tijuana
  luanda maputo harare lusaka dakar accra kampala kigali mogadishu asmara juba casablanca marrakech
`);

/** Last words of place and facility names ("Changi International Airport", "Tahrir Square"). */
export const PLACE_HEADS = set(`
  airport airfield airbase square street avenue boulevard road bridge river lake sea ocean island islands
  mountain mountains mount valley bay county province region district city peninsula coast desert canal
  strait gulf harbour harbor beach park center centre hall plaza palace stadium arena cathedral mosque
  temple hospital prison heights hills falls springs crossing border
`);

/** First words of place names ("San Jose", "Los Angeles", "Port Said", "Mount Kenya"). */
export const PLACE_LEADS = set(`san santa santo sao los las el port mount fort lake cape saint st. st`);

/** Unit and currency codes that look like acronyms ("8 GB", "GB #20 billion", "10 a.m. UTC"). */
export const UNITS = set(`
  gb mb kb tb gbps mbps ghz mhz khz kw mw gw kwh mwh mph kph km kg mm cm lb lbs oz bpd usd eur gbp jpy cny
  chf aud cad utc gmt est edt pst pdt cet bst am pm
`);

/** Holidays and seasons, which are dates, not entities. */
export const HOLIDAYS = set(`christmas easter ramadan eid hanukkah thanksgiving diwali halloween lent advent`);

/** First words of state bodies written after their country ("US Air Force", "UK Ministry of Defence"): the country is a place of its own. */
export const GOVERNMENT_BODIES = set(`
  air army navy marines department ministry government congress senate parliament cabinet embassy
  military police treasury
`);
