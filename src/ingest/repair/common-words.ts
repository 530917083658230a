// A small list of common English words. Two uses: a first token found here is a whole word, not the tail
// of a cut one; and a word found here ("us", "may", "state", "house") is truecased only when a
// neighbouring word confirms it ("the US", "White House"), since alone it is usually the ordinary word.

const WORDS = `a about above across act actually add after again against ago agree ahead air all almost alone along
already also although always am among an and another answer any anyone anything are area around as ask at away back
bad base be became because become been before began begin behind being believe below best better between big bill
black body book both bring brought build business but by call called came can cannot car care carry case cause
center central certain change check child children city class clear close cold come coming common company complete
could country course court cover cross cut dark day days deal decide deep did do does doing done door down draw
drive during each early east easy eat economy education either else end enough even ever every example eye face fact
fall family far fast father feel feet few field fight figure fill final find fine fire first five follow food foot
for force foreign form forward found four free friend from front full further game gave general get give given go
going gone good got government great green ground group grow had half hand happen hard has have he head hear heard
heart help her here high him himself his history hold home hope hot hour house how however hundred i idea if
important in including into is island issue it its itself just keep kind king knew know land language large last
late later law lead leader leave left less let letter life light like line list listen little live long look lot
love low made main major make man many march mark matter may me mean measure meet member men might mile million
mind minute miss money month more morning most mother move much must my name nation national near need never new
news next night no north not note nothing now number of off offer office often oh old on once one only open or
order other others our out over own page paper part party pass past pay people per perhaps person picture piece
place plan play point police policy political power present president press pretty problem program public pull put
question quick quite rain ran rather reach read ready real really reason record red report rest right road rock
room round rule run said same saw say school sea second see seem seen self send sense serve set several shall she
ship short should show side since six small so social some something soon sound south space speak special stand
start state still stop story street strong study such sun support sure system table take talk team tell ten than
that the their them then there these they thing things think third this those though thought thousand three through
time to today together told too took top toward town tree true try turn two under until up upon us use used usual
very voice vote wait walk want war was watch water way we week well went were west what when where whether which
while white who whole why will wind with within without woman women word words work world would write year years
yes yet you young your`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
