"""Recap patterns a narrator reads naturally: written form -> exactly what the voice is handed."""

from __future__ import annotations

import pytest

from recapcast.text.speakable import speakable, split_sentences


@pytest.mark.parametrize("written, spoken", [
    # Episode codes
    ("S3E4 is the best one.", "season three episode four is the best one."),
    ("In S02E06, she leaves.", "In season two episode six, she leaves."),
    ("the s1e10 finale", "the season one episode ten finale"),
    ("The Ninth Archive 3x02 recap", "The Ninth Archive season three episode two recap"),
    ("Ep. 5 starts slow.", "episode five starts slow."),
    ("Eps. 3–4 drag.", "episodes three to four drag."),
    # Ratings and scores
    ("Rating: 4/5 stars", "Rating: four out of five stars"),
    ("I give it a 9/10.", "I give it a nine out of ten."),
    ("A 3.5/5 from me.", "A three point five out of five from me."),
    ("They won 3-2.", "They won three to two."),
    # Fractions
    ("Add 1/2 cup of sugar.", "Add half a cup of sugar."),
    ("It runs at 1/2 of its output.", "It runs at half of its output."),
    ("She walks 3/4 of a mile.", "She walks three quarters of a mile."),
    ("About 2/3 of them stay.", "About two thirds of them stay."),
    ("It took 1/3 of the time.", "It took one third of the time."),
    ("2 1/2 hours later", "two and a half hours later"),
    ("½ an hour", "half an hour"),
    # Heights, words joined to a number, leading zeros, the comma after an amount
    ("He is 5'10\" tall.", "He is five foot ten tall."),
    ("a 12-year-old girl in Season 2's finale", "a twelve-year-old girl in Season two's finale"),
    ("Agent 007 and room 0451", "Agent oh oh seven and room oh four five one"),
    ("after WWII.", "after World War Two."),
    ("He paid $9,500, to someone.", "He paid nine thousand five hundred dollars, to someone."),
    # British times, grades, scores out of a total, star ratings, a name ending in +
    ("at 7.30pm on BBC One", "at seven thirty p-m on BBC One"),
    ("Grade: B+. An A- for effort.", "Grade: B-plus. An A-minus for effort."),
    ("Judges: 8, 9, 9 = 26/30", "Judges: eight, nine, nine equals twenty six out of thirty"),
    ("9/11 and 24/7", "nine eleven and twenty four seven"),
    ("It streams on Disney+.", "It streams on Disney plus."),
    ("★★★½ from me, ★ from him", "three and a half stars from me, one star from him"),
    ("the S 2 E 3 recap, #7)", "the season two episode three recap, number seven)"),
    ("INT. KITCHEN - NIGHT", "Interior KITCHEN, NIGHT"),
    ("Verdict: ★★★★☆", "Verdict: four out of five stars"),
    ("at 53.421 N, 2.235 W", "at fifty three point four two one north, two point two three "
                             "five west"),
    ("paid ₩50,000,000", "paid fifty million won"),
    ("Rhea Ripley def. Liv Morgan", "Rhea Ripley defeated Liv Morgan"),
    ("add 2 tbsp and 1 tsp, then ½ cup of flour",
     "add two tablespoons and one teaspoon, then half a cup of flour"),
    ("Penal Code § 187, Dana (55)", "Penal Code section one hundred eighty seven, Dana (fifty "
                                    "five)"),
    ("1/8 inch", "one eighth inch"),
    ("1/5 of the budget", "one fifth of the budget"),
    ("a 3/5 for me", "a three out of five for me"),
    ("open 24/7", "open twenty four seven"),
    ("after 9/11", "after nine eleven"),
    ("a 7/10 and a 10/10", "a seven out of ten and a ten out of ten"),
    # Titles and ranks
    ("Lt. Cmdr. Data salutes.", "Lieutenant Commander Data salutes."),
    ("Capt. Holt and Sgt. Jeffords", "Captain Holt and Sergeant Jeffords"),
    ("Det. Rosa Diaz", "Detective Rosa Diaz"),
    ("Prof. Xavier", "Professor Xavier"),
    ("Gen. Leia Organa and Sen. Amidala", "General Leia Organa and Senator Amidala"),
    ("Col. Mustard, Maj. Kira and Adm. Ackbar",
     "Colonel Mustard, Major Kira and Admiral Ackbar"),
    ("Gov. Florrick met Rev. Green.", "Governor Florrick met Reverend Green."),
    # Dates and months
    ("It airs Nov. 14.", "It airs November fourteenth."),
    ("Updated Nov. 14, 2026", "Updated November fourteenth, twenty twenty six"),
    ("on Jan. 5, 2027 at 10 p.m.", "on January fifth, twenty twenty seven at ten p-m."),
    ("Sept. 3 and Feb 28", "September third and February twenty eighth"),
    ("Posted March 4, 2027", "Posted March fourth, twenty twenty seven"),
    ("on 14 November 2026", "on the fourteenth of November twenty twenty six"),
    ("The 4th of July", "The fourth of July"),
    ("Aired 11/14/2026.", "Aired November fourteenth twenty twenty six."),
    ("May 5 is late.", "May fifth is late."),
    # Times and zones
    ("10 p.m. ET", "ten p-m eastern"),
    ("at 8:30 p.m. PT on Sundays", "at eight thirty p-m pacific on Sundays"),
    ("It airs Saturdays at 9/8c.", "It airs Saturdays at nine eight central."),
    ("at 9 p.m. EST", "at nine p-m eastern"),
    ("The clock reads 12:05.", "The clock reads twelve oh five."),
    ("at 10 a.m. GMT", "at ten a-m G M T"),
    # Units
    ("It is 40 km away.", "It is forty kilometers away."),
    ("doing 50 mph", "doing fifty miles per hour"),
    ("a 1 km walk", "a one kilometer walk"),
    ("It is -5°C outside.", "It is minus five degrees Celsius outside."),
    ("a balmy 75°F", "a balmy seventy five degrees Fahrenheit"),
    ("turn it 90° left", "turn it ninety degrees left"),
    ("at 2.5 GHz", "at two point five gigahertz"),
    ("a 6 ft wall and 3 kg of rice", "a six foot wall and three kilograms of rice"),
    ("a 7 min read", "a seven minute read"),
    ("30 km/h", "thirty kilometers per hour"),
    ("200 m away", "two hundred meters away"),
    # Money
    ("¥3,000 a cup", "three thousand yen a cup"),
    ("₹500 each", "five hundred rupees each"),
    ("£200 in cash", "two hundred pounds in cash"),
    ("€12.50 worth", "twelve euros and fifty cents worth"),
    ("$1.2M budget", "one point two million dollars budget"),
    ("a $10K prize", "a ten thousand dollars prize"),
    ("$3B deal", "three billion dollars deal"),
    ("£4.5bn", "four point five billion pounds"),
    ("$1 and 1p", "one dollar and one p"),
    ("$0.99", "ninety nine cents"),
    ("It costs 20 €.", "It costs twenty euros."),
    # Roman numerals
    ("The Frost Relay, Part II", "The Frost Relay, Part two"),
    ("Part III will pick up", "Part three will pick up"),
    ("Henry V and Charles V", "Henry the fifth and Charles the fifth"),
    ("Henry VIII's wives", "Henry the eighth's wives"),
    ("The S3 finale", "The season three finale"),
    ("Henry VIII had six wives.", "Henry the eighth had six wives."),
    ("Elizabeth II and Louis XIV", "Elizabeth the second and Louis the fourteenth"),
    ("World War II", "World War two"),
    ("Rocky IV is on.", "Rocky four is on."),
    ("Chapter I begins", "Chapter one begins"),
    ("Then Malcolm X spoke and I left.", "Then Malcolm X spoke and I left."),
    ("Mix it, Vic.", "Mix it, Vic."),
    # vs., approx., abbreviations
    ("Chiamaka vs. Haruto", "Chiamaka versus Haruto"),
    ("Kiku vs Kenji", "Kiku versus Kenji"),
    ("at approx. 50 mph", "at approximately fifty miles per hour"),
    ("on pp. 4–6", "on pages four to six"),
    ("see p. 12", "see page twelve"),
    ("The No. 9 freight", "The number nine freight"),
    # Hashtags and handles
    ("#TeamRed is in shambles", "Team Red is in shambles"),
    ("Follow @mateus_grows now", "Follow mateus grows now"),
    ("@GrowOffTV switched off replies", "Grow Off TV switched off replies"),
    ("#BringBackSeason2", "Bring Back Season two"),
    ("Trish's #1 fan", "Trish's number one fan"),
    # Decades, ordinals, percentages, years
    ("the '90s and the 1980s", "the nineties and the nineteen eighties"),
    ("the 80s", "the eighties"),
    ("the 2010s", "the twenty tens"),
    ("a 21st-century drone", "a twenty first-century drone"),
    ("finishes 1st, then 2nd, 3rd and 22nd",
     "finishes first, then second, third and twenty second"),
    ("Roughly 20% of it", "Roughly twenty percent of it"),
    ("back to 1962", "back to nineteen sixty two"),
    ("In 2005 and 1905", "In two thousand five and nineteen oh five"),
    ("There were 1,500 people.", "There were one thousand five hundred people."),
    ("for 2,000,000 years", "for two million years"),
    # Acronyms and shouting
    ("The ship's A.I., Kiku", "The ship's A-I, Kiku"),
    ("the U.S. team", "the U-S team"),
    ("Q3 earnings", "Q three earnings"),
    ("the TS-4000 unit", "the TS four thousand unit"),
    ("I AM SCREAMING.", "I am screaming."),
    ("QUARTER-FINAL NIGHT!!!", "quarter-final night!"),
    ("the FBI and NASA", "the FBI and NASA"),
    # Durations
    ("at 01:02:03 in", "at one hour two minutes three seconds in"),
    ("The film runs 1h 20m.", "The film runs one hour twenty minutes."),
    ("at 14:00 and 14:30", "at fourteen hundred and fourteen thirty"),
    ("Rating: 7.5. Total: 28.5.", "Rating: seven point five. Total: twenty eight point five."),
    ("Version 1.2.3 ships.", "Version one point two point three ships."),
    ("Grade: A−.", "Grade: A-minus."),
    ("Mrs. Okafor in 4B wants it.", "Missus Okafor in four B wants it."),
    ("It airs at 21.45, then 22.00 GMT.", "It airs at twenty one forty five, then twenty two "
     "hundred G M T."),
    ("It fell by 2.50 points, at 3.14 percent.",
     "It fell by two point five zero points, at three point one four percent."),
    ("Det. Sgt. Ray Pacheco (ret.) came w/ Theo to Apt. 3C.",
     "Detective Sergeant Ray Pacheco (retired) came with Theo to Apartment three C."),
    ("It won 3-to-1 in Jan. '24.", "It won three to one in January twenty four."),
    ("He waited 72 hrs. to explain.", "He waited seventy two hours to explain."),
    ("Skyforge Academy (空鍛学園) opens in 2×06.", "Skyforge Academy opens in season two "
     "episode six."),
    # Letters a voice must spell are joined, so a lone "a" is not read as the article
    ("AT&T, Q&A and Tom & Jerry", "A-T and T, Q and A and Tom and Jerry"),
    # A month and day where a date is expected; 50/50 and 20/20 as said
    ("They married on 6/15.", "They married on June fifteenth."),
    ("a 50/50 chance and 20/20 vision", "a fifty-fifty chance and twenty-twenty vision"),
    ("It aired 2026-11-14.", "It aired November fourteenth, twenty twenty six."),
    # A range whose unit or currency is written once
    ("It costs $5-10K.", "It costs five to ten thousand dollars."),
    ("from $5–$10", "from five to ten dollars"),
    ("a 10-15% drop", "a ten to fifteen percent drop"),
    ("It hit 70-75°F.", "It hit seventy to seventy five degrees Fahrenheit."),
    ("between 1-2 p.m.", "between one and two p-m."),
    ("The Kestrels won 3-2.", "The Kestrels won three to two."),
    # Signs, scales and times
    ("He loses -$500.", "He loses minus five hundred dollars."),
    ("a ~20% drop, ~30 people", "a roughly twenty percent drop, about thirty people"),
    ("for the 1,000th time", "for the one thousandth time"),
    ("It drew 2.1M viewers.", "It drew two point one million viewers."),
    ("a 4K TV", "a four K TV"),
    ("It is 3x more fun.", "It is three times more fun."),
    # Numbers that are names: phone numbers digit by digit, rooms and flights in pairs
    ("Dial 911 or call 555-0199.", "Dial nine one one or call five five five, oh one nine nine."),
    ("Room 237 and Flight 815", "Room two thirty seven and Flight eight fifteen"),
    ("after 9/11", "after nine eleven"),
    # Shouting keeps acronyms and Roman numerals
    ("NO DOGS IN THE UK OFFICE.", "no dogs in the UK office."),
    ("CIVIL WAR II BEGINS", "civil War two begins"),
    # Days and places
    ("It airs Tues. at 9/8c.", "It airs Tuesday at nine eight central."),
    ("He ships out to Ft. Bragg.", "He ships out to Fort Bragg."),
    ("the choir of St Aldhelm's", "the choir of Saint Aldhelm's"),
    ("At the 38-min mark of a 12-km run", "At the thirty eight minute mark of a twelve "
     "kilometer run"),
    ("Capt. Þórunn Sigurðardóttir orders it.", "Captain Þórunn Sigurðardóttir orders it."),
    ("a single 300 lb block and 300 lb of ice", "a single three hundred pound block and three "
     "hundred pounds of ice"),
    ("The fund is 2.3x leveraged; it grew 3x.", "The fund is two point three times leveraged; "
     "it grew three times."),
])
def test_recap_patterns(written: str, spoken: str):
    assert speakable(written) == spoken


@pytest.mark.parametrize("paragraph, sentences", [
    ("We open at 2 a.m. in the box. It is late.", ["We open at 2 a.m. in the box.",
                                                   "It is late."]),
    ("It airs at 10 p.m. ET. Watch it.", ["It airs at 10 p.m. ET.", "Watch it."]),
    ("Lt. Cmdr. Dufresne waits. Capt. Sato leaves.",
     ["Lt. Cmdr. Dufresne waits.", "Capt. Sato leaves."]),
    ("Ep. 5 is out. Prof. Sorokina is back.", ["Ep. 5 is out.", "Prof. Sorokina is back."]),
    ("At 9 a.m. Monday, she calls. He runs.", ["At 9 a.m. Monday, she calls.", "He runs."]),
    ("He flies to Ft. Bragg. It airs Tues. at 9.", ["He flies to Ft. Bragg.",
                                                    "It airs Tues. at 9."]),
    # A dotted acronym or "etc." ends a sentence when the next starts as sentences do
    ("They fly to Washington, D.C. The next morning is cold. The U.S. Army waits.",
     ["They fly to Washington, D.C.", "The next morning is cold.", "The U.S. Army waits."]),
    ("She buys pears, apples, etc. Then he leaves.",
     ["She buys pears, apples, etc.", "Then he leaves."]),
])
def test_abbreviations_and_times_do_not_end_sentences(paragraph: str, sentences: list[str]):
    assert split_sentences(paragraph) == sentences
