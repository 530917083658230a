// A person's gender where a name shows it: an honorific or royal title, or a common first name (a hint only).

export type Gender = 'm' | 'f';

/** Common English first names, as a hint only (a later "he"/"she" about the person outweighs it). */
export const MALE_NAMES = new Set(`james john robert michael william david richard joseph thomas charles christopher daniel matthew
  anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
  jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
  raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
  christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce
  gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis
  bernie barack mitt mike bill tom jim tim rob bob dan dave steve chris ted ben sam nick tony ahmed mohammed muhammad
  ali omar hassan ivan igor vladimir sergei dmitri pierre jean luis carlos miguel pedro jorge giuseppe marco hans karl`.split(/\s+/));
export const FEMALE_NAMES = new Set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
  margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon
  laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
  rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
  joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice
  jean abigail alice julia judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie
  brittany charlotte marie kayla alexis lori hillary melania ivanka chelsea michele nina olga natasha fatima aisha
  leila ana sofia lucia carmen elena irina anne claire sophie marta helga ingrid`.split(/\s+/));

/** Honorifics that say a man, and a woman ("Mr. Obama", "Mrs. Obama"). */
const MALE_HONORIFICS = ['Mr', 'Sir'];
const FEMALE_HONORIFICS = ['Mrs', 'Ms', 'Miss'];
/** Titles that say a man, and a woman (alternations for regular expressions): the honorifics and the royal and noble titles. */
export const MALE_TITLES = [...MALE_HONORIFICS, 'King', 'Prince', 'Lord'].join('|');
export const FEMALE_TITLES = [...FEMALE_HONORIFICS, 'Madam', 'Dame', 'Queen', 'Princess', 'Lady'].join('|');
/** Honorifics written as abbreviations, with or without a full stop ("Mr." and "Mr"). */
const ABBREVIATED_HONORIFICS = new Set(['Mr', 'Mrs', 'Ms']);
/** The honorifics as tokens give them: lower case, and an abbreviation also with its full stop. */
const honorificTokens = (words: string[]) =>
  new Set(words.flatMap((w) => (ABBREVIATED_HONORIFICS.has(w) ? [w.toLowerCase(), `${w.toLowerCase()}.`] : [w.toLowerCase()])));
const MALE_HONORIFIC = honorificTokens(MALE_HONORIFICS);
const FEMALE_HONORIFIC = honorificTokens(FEMALE_HONORIFICS);

/** The gender an honorific token gives (its lower case: "mr." a man, "mrs."/"ms." a woman), or null for any other word. */
export function honorificGender(lower: string): Gender | null {
  return MALE_HONORIFIC.has(lower) ? 'm' : FEMALE_HONORIFIC.has(lower) ? 'f' : null;
}
const MALE_TITLE = new RegExp(`^(?:${MALE_TITLES})\\b`);
const FEMALE_TITLE = new RegExp(`^(?:${FEMALE_TITLES})\\b`);

/** The gender a title written with a name gives ("Mr.", "Queen"), or null. */
export function titleGender(title: string | null): Gender | null {
  if (!title) return null;
  return MALE_TITLE.test(title) ? 'm' : FEMALE_TITLE.test(title) ? 'f' : null;
}

/** The gender a common first name suggests (lower-cased), or null. */
export function firstNameGender(first: string | null): Gender | null {
  if (!first) return null;
  return MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
}
