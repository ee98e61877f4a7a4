"""The identifier scrubber: each kind of identifier is found, each trap survives, and the
stories it was written against stay fully scrubbed (the honest figures, on stories it was never
changed for, come from bench/scrub_bench.py)."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

from alongside.lib.scrub import PLACEHOLDERS, Span, find, redact
from tests.scrub_cases import DATA, SETS, UNSEEN, load


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("I found Mr. Okafor at 0340.", "Mr. Okafor", "NAME"),
        ("The wife, Dolores, kept saying he was fine.", "Dolores", "NAME"),
        ("Jennifer Walsh was only 34.", "Jennifer Walsh", "NAME"),
        ("She died on March 3rd with the radio on.", "March 3rd", "DATE"),
        ("We got the call on Christmas Eve.", "Christmas Eve", "DATE"),
        ("It was a Tuesday, just after handover.", "Tuesday", "DATE"),
        ("He had been with us since 10/03/2019.", "10/03/2019", "DATE"),
        ("Mrs. Petrova was 97 and had outlived everyone.", "97", "AGE"),
        ("A woman of ninety-three with a broken hip.", "ninety-three", "AGE"),
        ("His mum rang on 020 7946 0321 every hour.", "020 7946 0321", "PHONE"),
        ("I emailed m.oc@stmarys-nhs.uk afterwards.", "m.oc@stmarys-nhs.uk", "EMAIL"),
        ("It's on www.legacy.com/obituaries/sk now.", "www.legacy.com/obituaries/sk", "URL"),
        ("The referral named 192.168.14.203, of all things.", "192.168.14.203", "IP"),
        ("I signed for MRN 48213377 before my coffee.", "48213377", "ID"),
        ("His policy, number HMO-55872144, didn't cover it.", "HMO-55872144", "ID"),
        ("Call sign Echo 7 was first on scene.", "Echo 7", "ID"),
        ("A house on 41 Maple Street.", "41 Maple Street", "ADDRESS"),
        ("To 17 Orchard Close, Leeds LS1 4QT.", "17 Orchard Close, Leeds LS1 4QT", "ADDRESS"),
        ("The roads near Doncaster were black ice.", "Doncaster", "CITY"),
        ("I was at St. Bartholomew's Hospital then.", "St. Bartholomew's Hospital", "ORG"),
        ("A man collapsed outside Walgreens on Lake Street.", "Walgreens on Lake Street", "ORG"),
        ("The patient in bed 12 was 82.", "bed 12", "LOCATION"),
        ("We lost a teenager on Ward 7B last night.", "Ward 7B", "LOCATION"),
        ("It was my third death on 4 West.", "4 West", "LOCATION"),
        ("We moved her to the Snowdrop Room.", "Snowdrop", "LOCATION"),
        ("She'd been with us since mid-October.", "mid-October", "DATE"),
        ("He came in early March and never went home.", "early March", "DATE"),
        ("Nothing changed until November.", "November", "DATE"),
        ("A pile-up on the A1(M) in fog.", "A1(M)", "ADDRESS"),
        ("I was a junior at Addenbrooke's when it happened.", "Addenbrooke's", "ORG"),
        ("They transferred him to St Thomas', and he died there.", "St Thomas", "CITY"),
        ("The car, registration YK19 XFD, was on its roof.", "YK19 XFD", "ID"),
        ("A plate like KX71 BHD is all I remember.", "KX71 BHD", "ID"),
        ("The police gave us a case number, CAD 4471/22, for the notes.", "CAD 4471/22", "ID"),
        ('The last message on his phone was from "Bex".', "Bex", "NAME"),
        ("Pradeep had been a surgeon for forty years.", "Pradeep", "NAME"),
        ("We all loved Gareth, who made the tea.", "Gareth", "NAME"),
        ("The record number was on every sticker, RXH 448 2917.", "RXH 448 2917", "ID"),
        ("Mrs. Earl Grey was our oldest patient.", "Mrs. Earl Grey", "NAME"),
        # A title makes a person of a surname that is also an eponym.
        ("Mrs. Stokes died on the ward at dawn.", "Mrs. Stokes", "NAME"),
        ("Dr. Hickman was the registrar on call.", "Dr. Hickman", "NAME"),
        ("We sat with Mr. Foley until the end.", "Mr. Foley", "NAME"),
        # What only a person does, and a role beside a name, make a person of a surname.
        ("Stokes said he would stay with the family.", "Stokes", "NAME"),
        ("I rang Hughes, the GP, to tell her.", "Hughes", "NAME"),
        ("His brother, Marcus Bell, punched the wall.", "Marcus Bell", "NAME"),
        ("The lecturer used her real initials, K.M. I kept thinking of her.", "K.M", "NAME"),
        ("I told them in the quiet room on 4B.", "4B", "LOCATION"),
        # A numbered room with what it is for, and a regional air ambulance (round 65).
        ("She lived an hour in her mum's arms in Birthing Room 6.", "Birthing Room 6", "LOCATION"),
        ("Critical care paramedic with STARS out of Grande Prairie.", "STARS", "ORG"),
        ("The ventilator in ICU bed 6 alarmed all night.", "ICU bed 6", "LOCATION"),
        ("He was in ICU bed A all week.", "ICU bed A", "LOCATION"),  # a bed by its letter
        ("Then Room 6 was free, and we moved her in.", "Room 6", "LOCATION"),  # not "Then Room"
        ("She died on Unit 4 North.", "Unit 4 North", "LOCATION"),
        # Rounds 66 (sets 69, 70 and es 39) and 67 (set 71): a hospice by its own name and an
        # Irish surname written small, a region's hospital by its compass, an age corrected in
        # Spanish, a feast written small, a town's fire brigade, two names after an age, a feast
        # after "of", a hospital of a town and its district, and a health service.
        ("my palliative block at trinity hospice. she died at six.", "trinity hospice", "ORG"),
        ("placement at st margaret of scotland hospice.", "st margaret of scotland hospice", "ORG"),
        ("a man under a tractor. mossie o'connell. his son ran.", "mossie o'connell", "NAME"),
        ("Registrar in geriatrics at North West Regional. She died.", "North West Regional", "ORG"),
        ("Don Anselmo Rojo, 91... perdón, tenía 94. Fue pastor.", "94", "AGE"),
        ("Murió la noche de las velitas, con su hija.", "noche de las velitas", "DATE"),
        ("paramédico de bomberos de tonalá. su mamá llegó.", "bomberos de tonalá", "ORG"),
        ("un chavo de 20, kevin ulises, atropellado en la avenida.", "kevin ulises", "NAME"),
        ("He died the night of All Souls, at home.", "All Souls", "DATE"),
        ("Nursing student on placement at Grantham and District.", "Grantham and District", "ORG"),
        ("Via North West Hospital and Health Service.", "Hospital and Health Service", "ORG"),
        # Round 68 (set 72 and es 40): a county's hospital, a full name opening a sentence and
        # a neighbour written small; a link on a country's short domain.
        ("student nurse on ward 7c at dorset county. my first death.", "dorset county", "ORG"),
        ("nights on the ward. bridie walsh, 86, from the island.", "bridie walsh", "NAME"),
        ("he was on his own. his neighbour mandy found him.", "mandy", "NAME"),
        ("Tienen una colecta en gofund.me/8f3a21c7 para el entierro.", "gofund.me/8f3a21c7",
         "URL"),
        # Round 69 (set 73 and es 41): a full name after a comma, an academic hospital written
        # small, a hospice named by what it is of, an upper town, a Cuban neighbourhood, a
        # city's emergency squad, a Brazilian town with "do", a Spanish nickname.
        ("a man down, darrell combs, 52, overdose. his girl watched.", "darrell combs", "NAME"),
        ("she died at nelson mandela academic two days later.", "nelson mandela academic", "ORG"),
        ("Hospice nurse with Hospice of the Valley in Mesa.", "Hospice of the Valley", "ORG"),
        ("tens en el cesfam. don tito, 81, murió en su casa en lota alto. la señora nelly vino",
         "lota alto", "CITY"),
        ("Murió en su casa del reparto Paraíso con las ventanas abiertas.", "reparto Paraíso",
         "ADDRESS"),
        ("Paramédica del ERUM. Un albañil de 45 se cayó de un andamio.", "ERUM", "ORG"),
        ("Contrabandista en la frontera con Santana do Livramento. Su nieto vino.",
         "Santana do Livramento", "CITY"),
        ("estudiante en el hospital de la línea. chano, 69, pescador, me enseñó a hacer nudos",
         "chano", "NAME"),
        # Round 70 (set 74 and es 42): a feast written small, a full name no dictionary has, an
        # eldest child, the Fallas' last night, a service with its region, a town reached, a
        # motorway written small.
        ("his wife kept asking. it was pongal the next day and she went home", "pongal", "DATE"),
        ("rn at the hospital. mele tuipulotu, 44, tongan mum of six. her church sang",
         "mele tuipulotu", "NAME"),
        ("her church sang in the corridor. her eldest viliami asked me if she could hear",
         "viliami", "NAME"),
        ("Se murió la noche de la cremà, y su nieto vino oliendo a pólvora.", "cremà", "DATE"),
        ("paramédico del samu coquimbo. un señor de 63 se descompensó en una fiesta",
         "samu coquimbo", "ORG"),
        ("la bajamos en una cobija entre seis. murió antes de llegar a latacunga", "latacunga",
         "CITY"),
        ("un motorizado, accidente en la autopista francisco fajardo. su mujer lloraba",
         "autopista francisco fajardo", "ADDRESS"),
        # es 38, read in session 40: a Chilean work-accident insurer's hospital.
        ("Intensivista de la Mutual de Seguridad. Un obrero de 33 se cayó de un andamio.",
         "Mutual de Seguridad", "ORG"),
        ("The hospice bed came to Ann Arbor, MI 48104.", "MI 48104", "ZIP"),
        ("By December there were forty-one candles.", "December", "DATE"),
        # Names that are also words: in the middle of a sentence, after a role, before what
        # only a person does or an age, or owning something.
        ("We talked to Ivy the whole time.", "Ivy", "NAME"),
        ("The district nurse, Hazel, let me hold his hand.", "Hazel", "NAME"),
        ("Frank was 79 and had worked the docks.", "Frank", "NAME"),
        ("Grace said she was ready.", "Grace", "NAME"),
        ("We sat with Ruby's mum until morning.", "Ruby", "NAME"),
        # At the start of a sentence: before an age in words, a role or a family.
        ("Ruby was six and had leukaemia.", "Ruby", "NAME"),
        ("Joy was our ward clerk for twenty years.", "Joy", "NAME"),
        ("Precious and her husband lost their son at 24 weeks.", "Precious", "NAME"),
        ("A woman of 93 was admitted with pneumonia.", "93", "AGE"),
        ("The car went into the canal by Salford Quays.", "Salford Quays", "CITY"),
        ("Coastguard 22 got him out, and Helimed 58 landed on the beach.", "Coastguard 22", "ID"),
        ("Coastguard 22 got him out, and Helimed 58 landed on the beach.", "Helimed 58", "ID"),
        # Round 6 (from held-out 9's misses): a place and "General", a direction in a street
        # address, a weekday before a day of the month, a name that is also a word after the
        # small word starting its sentence.
        ("She came up to us from Furness General.", "Furness General", "ORG"),
        ("Call to 4410 W Fullerton Ave for a shooting.", "4410 W Fullerton Ave", "ADDRESS"),
        ("We held the phone to his ear on Sunday the 14th.", "Sunday the 14th", "DATE"),
        ("After Constance died we found a list in her locker.", "Constance", "NAME"),
        ("It went wrong. Afterwards Faith took us all to the chapel.", "Faith", "NAME"),
        # Round 7 (from held-out 10's misses, and two older ones): a hospital by its own name
        # after a word of clinical work and "at"; a device's serial.
        ("ICU nurse at Groote Schuur. We withdrew care.", "Groote Schuur", "ORG"),
        ("On my elective in Kampala at Mulago I saw it.", "Mulago", "ORG"),
        ("I nursed him on Ward 7B at Derriford for a week.", "Derriford", "ORG"),
        ("Ventilator 4417-A was the one assigned to him.", "Ventilator 4417-A", "ID"),
        # Whoever "had been my crewmate" is a person, in any list or none.
        ("Shaz had been my crewmate for six years.", "Shaz", "NAME"),
        ("Tosh was our charge nurse on nights.", "Tosh", "NAME"),
        # Round 8 (from held-out 11's misses): the hospital where it happened, by its own
        # name; a bed space; a prison number; a bank holiday.
        ("She died at Alder Hey that evening.", "Alder Hey", "ORG"),
        ("He was transferred at Morriston to the burns unit.", "Morriston", "ORG"),
        ("I was at bed space 12 when we withdrew.", "bed space 12", "LOCATION"),
        ("He died on trolley 4 in the corridor.", "trolley 4", "LOCATION"),
        ("His prison number was A4471CK.", "A4471CK", "ID"),
        ("We were called out on August bank holiday.", "August bank holiday", "DATE"),
        ("She died at Christmas, at home.", "Christmas", "DATE"),  # a date, not a hospital
        # Round 9 (from held-out 12's misses): a hospital by its initials after a word of work
        # and "at"; a place named by the city or street around it; a name that is also a word.
        ("I'm a junior resident at AIIMS, on nights.", "AIIMS", "ORG"),
        ("I'm an ER doctor in Lagos, at LASUTH. A boy came in.", "LASUTH", "ORG"),
        ("Cardiac arrest at the Shoprite in Pietermaritzburg.", "Shoprite", "ORG"),
        ("We met outside the Regal on Hope Street.", "Regal", "ORG"),
        ("One of them, Blessing, was a market trader.", "Blessing", "NAME"),
        # Round 10 (from held-out 13's misses): a prison by its letters, a cell by its number,
        # a street whose kind comes first, a farm, a market or a ski run where it happened, a
        # title of respect, and a hospital whose name begins with "The".
        ("He died in the health wing at HMP Barlinnie.", "HMP Barlinnie", "ORG"),
        ("He died in cell 4 of the healthcare unit.", "cell 4", "LOCATION"),
        ("She lived in a residence on rue Sherbrooke for years.", "rue Sherbrooke", "ADDRESS"),
        ("Ted lived alone at Low Fold Farm and wouldn't leave it.", "Low Fold", "CITY"),
        ("A motorbike crash at Kejetia Market.", "Kejetia", "CITY"),
        ("A snowboarder hit a tree on Crackenback run.", "Crackenback", "CITY"),
        ("The scrub sister, Mama Thandi, kept me going.", "Thandi", "NAME"),
        ("He was a fellow nurse at The Alfred before he died.", "The Alfred", "ORG"),
        # Round 11 (from held-out 14's misses): a day of a month of another calendar, saints'
        # days, a place "of" a place, a known place alone after a comma, a bracketed check digit.
        ("She died on the 27th of Ramadan, and he thanked us.", "27th of Ramadan", "DATE"),
        ("She still writes every All Saints' Day.", "All Saints' Day", "DATE"),
        ("She died on St David's Day with a daffodil by her bed.", "St David's Day", "DATE"),
        ("Out-of-hours GP in Douglas, Isle of Man.", "Isle of Man", "CITY"),
        ("School nurse in Port of Spain.", "Port of Spain", "CITY"),
        ("Neonatal transport team, Anchorage. We flew a baby girl.", "Anchorage", "CITY"),
        ("Her employer gave us her HKID, A123456(7).", "A123456(7)", "ID"),
        # Round 12 (from held-out 15's misses): a capitalised word English rarely uses is a
        # proper noun no list knows; streets whose kind comes first in Polish or Italian;
        # rooms numbered with a dash; a number after "was"; months in other languages; a
        # weekday counted within a season; a name with an illness, or spoken to.
        ("House officer at Komfo Anokye in Kumasi.", "Komfo Anokye", "ORG"),
        ("His daughter couldn't get across from Oban in time.", "Oban", "CITY"),
        ("I am the only GP on Barra. Calum MacNeil died on the ferry.", "Calum MacNeil", "NAME"),
        ("Bà Lan died in the night next to a girl.", "Bà Lan", "NAME"),
        ("A flat on ulica Piotrkowska 112 in Łódź.", "ulica Piotrkowska 112", "ADDRESS"),
        ("My first death was in room 14-072.", "room 14-072", "LOCATION"),
        ("His patient number was SNS 284 719 036.", "SNS 284 719 036", "ID"),
        ("She died the next day, on 17. mai, with the parade outside.", "17. mai", "DATE"),
        ("He died on 3 de mayo de 2021.", "3 de mayo de 2021", "DATE"),
        ("She died on the second Sunday of Advent.", "second Sunday of Advent", "DATE"),
        ("Medical student, third year, at CHUM in the city.", "CHUM", "ORG"),
        ("Frank had motor neurone disease and used an eye-gaze board.", "Frank", "NAME"),
        ('A note from her mum: "Poppy, we love you."', "Poppy", "NAME"),
        # Round 13 (from held-out 16's misses): honorifics of more languages, Turkish months,
        # the blocks and shafts of camps and mines, Welsh streets with the number first, county
        # roads, hospitals whose kind comes first, a hospital of kind words placed by its city,
        # a hospital after "at the".
        ("Mevrouw de Vries arrested in the cath lab.", "Mevrouw de Vries", "NAME"),
        ("He died on 6 Şubat, one year later.", "6 Şubat", "DATE"),
        ("The camp block was Block B-17, near Site C.", "Block B-17", "LOCATION"),
        ("A fall of ground at Shaft 9.", "Shaft 9", "LOCATION"),
        ("He died at 3 Ffordd Caergybi, at home.", "3 Ffordd Caergybi", "ADDRESS"),
        ("Their farm on County Road 12 was an hour out.", "County Road 12", "ADDRESS"),
        ("She was a nurse at Hospital del Salvador for years.", "Hospital del Salvador", "ORG"),
        ("On elective at Central Teaching Hospital in Lusaka.", "Central Teaching Hospital", "ORG"),
        ("A student at Cardiff, on placement at the Heath.", "Heath", "ORG"),
        # Round 14 (from held-out 17's misses): Madam, a long code of capitals and digits, a
        # boat by what is said of it, a rare word starting a sentence placed by its city, a
        # city-state.
        ("Madam Lim died on the night of the festival.", "Madam Lim", "NAME"),
        ("Her number was CNCMRA33A41C351X.", "CNCMRA33A41C351X", "ID"),
        ("The skipper of the Ocean Harvest radioed about a deckhand.", "Ocean Harvest", "ID"),
        ("Ochsner in New Orleans. Miss Delphine sang gospel.", "Ochsner", "ORG"),
        ("Tan Tock Seng Hospital, Singapore.", "Singapore", "CITY"),
        # Round 15 (from held-out 18's misses): an officer's hospital by its letters, a CHU, a
        # numbered hospital, a room in Swedish, a day of an Islamic month, a city as its own
        # people write it.
        ("Medical officer at SKIMS in Srinagar.", "SKIMS", "ORG"),
        ("We took her to CHU Joseph Ravoahangy.", "CHU Joseph Ravoahangy", "ORG"),
        ("A herder came to Hospital No. 1 by truck.", "Hospital No. 1", "ORG"),
        ("Her room was rum 412, by the window.", "rum 412", "LOCATION"),
        ("She died of COVID on 12 Ramadan.", "12 Ramadan", "DATE"),
        ("Motol in Praha. The trams outside.", "Praha", "CITY"),
        # Round 16 (from held-out 19's misses): a hospital's letters between "at" and its city,
        # days named in Spanish or Galician, a hyphenated village after "in", a numbered
        # hospital's whole name, a junction, Setswana titles.
        ("Palliative care at CHUAC in A Coruña.", "CHUAC", "ORG"),
        ("She died on the Día das Letras Galegas.", "Día das Letras Galegas", "DATE"),
        ("I certified her at her farmhouse in Plonéour-Lanvern.", "Plonéour-Lanvern", "CITY"),
        ("City Clinical Hospital No. 7, in the city.", "City Clinical Hospital No. 7", "ORG"),
        ("After the bombing at the Zobe junction we ran out.", "Zobe junction", "CITY"),
        ("Mma Kgosi died of meningitis.", "Mma Kgosi", "NAME"),
        # Round 17 (from held-out 20's misses): a hospital's letters before "hospital" or its
        # city wherever they stand, hospitals named first by their kind abroad or after it, a
        # name with its age beside it, Egyptian and Andean titles, a saint's ward written
        # small, a Polish ward, a Welsh street with its article, an Irish road, a phone with
        # its country code, a CPF, Romanian months, a day of a lunar month, a town's service.
        ("TAYS in Tampere. A young mother died.", "TAYS", "ORG"),
        ("AHEPA hospital in Thessaloniki.", "AHEPA", "ORG"),
        ("I work in obstetrics at IMIP, Recife.", "IMIP", "ORG"),
        ("Intensive care at Sjúkrahúsið á Akureyri.", "Sjúkrahúsið á Akureyri", "ORG"),
        ("RSUD Dr. Soetomo in Surabaya.", "RSUD Dr. Soetomo", "ORG"),
        ("Bệnh viện Trung ương Huế. She died.", "Bệnh viện Trung ương Huế", "ORG"),
        ("Teaching Hospital Kandy. He died on Vesak.", "Teaching Hospital Kandy", "ORG"),
        ("She was moved to Szent János Kórház that night.", "Szent János Kórház", "ORG"),
        ("Sigrún, 34, died after an avalanche.", "Sigrún", "NAME"),
        ("Am Mahmoud, 80, died of kidney failure.", "Am Mahmoud", "NAME"),
        ("Mamá Dominga came down from the hills.", "Mamá Dominga", "NAME"),
        ("My first death was on St. Brendan's ward.", "St. Brendan's ward", "LOCATION"),
        ("I nurse on Oddział 7 in the city.", "Oddział 7", "LOCATION"),
        ("We went to 14 Heol y Nant for a man.", "14 Heol y Nant", "ADDRESS"),
        ("He came off his motorbike on the N71 near the town.", "N71", "ADDRESS"),
        ("I let her call him on mine, +961 3 218 447.", "+961 3 218 447", "PHONE"),
        ("Her CPF was 123.456.789-09.", "123.456.789-09", "ID"),
        ("He drowned on 1 iunie, Children's Day.", "1 iunie", "DATE"),
        ("Died on the 15th of the seventh lunar month.", "15th of the seventh lunar month", "DATE"),
        ("Billings EMS. A rancher was pinned.", "Billings", "CITY"),
        # Round 18 (from held-out 21's misses): a name of any title with its age starting a
        # sentence, Bhutanese, Taiwanese, Hokkien and Cameroonian titles, a house number and a
        # rare street, Eid al-Adha counted whole, a named day, a day of Chinese New Year, a
        # generic hospital placed after a comma, a rare name before a small "hospital", a phone
        # with groups of five.
        ("JDWNRH in Thimphu. Ap Dorji, 81, died.", "Ap Dorji", "NAME"),
        ("A-ma Lin, 89, died on Qingming.", "A-ma Lin", "NAME"),
        ("The ward. Ah Ma Tan, 95, died at dawn.", "Ah Ma Tan", "NAME"),
        ("Maman Ngo Biyong, 64, died of a stroke.", "Maman Ngo Biyong", "NAME"),
        ("Nancy was 98 and lived alone at 3 Priestpopple.", "3 Priestpopple", "ADDRESS"),
        ("He died on the first day of Eid al-Adha.", "first day of Eid al-Adha", "DATE"),
        ("Gogo Sibanda died on Heroes' Day.", "Heroes' Day", "DATE"),
        ("She died on the ninth day of Chinese New Year.", "ninth day of Chinese New Year", "DATE"),
        ("Royal Hospital, Muscat. An engineer died.", "Royal Hospital", "ORG"),
        ("Rizgary hospital in Erbil. A girl died of burns.", "Rizgary", "ORG"),
        ('His wife was in his phone as "Home", +91 94471 38820.', "+91 94471 38820", "PHONE"),

        # Round 19 (from held-out 22's misses): a hospital by the one word its town calls it,
        # a place of work of plain words between "at" and its city, names in the letters of
        # Latin Extended, a Sesotho title, a month of a festival.
        ("She died in the Royal that night.", "Royal", "ORG"),
        ("A trauma nurse at Shock Trauma in Baltimore.", "Shock Trauma", "ORG"),
        ("Christchurch Hospital. Mr. Tūhoe, 57, died.", "Mr. Tūhoe", "NAME"),
        ("Pani Łucja came from the village.", "Pani Łucja", "NAME"),
        ("Maseru. 'Me Mpho, 61, died of TB.", "Me Mpho", "NAME"),
        ("He died on Ghost Month's first day.", "Ghost Month", "DATE"),

        # Round 20 (from held-out 23's misses): a hospital's letters with its name's words
        # before them, a generic hospital placed by a saint's town, a hospital named for a
        # day, a saint in Romanian, a rare city after a hospital's letters, Greek and Javanese
        # months, a passport's letters and number, feasts.
        ("Northern Light EMMC in Bangor.", "Northern Light EMMC", "ORG"),
        ("General Hospital in St Helier. He died.", "General Hospital", "ORG"),
        ("Hospital 28 de Agosto in Manaus.", "Hospital 28 de Agosto", "ORG"),
        ("Spitalul Sf. Spiridon. He died.", "Spitalul Sf. Spiridon", "ORG"),
        ("PAGNI in Heraklion. He died.", "PAGNI", "ORG"),
        ("He died on 15 Avgoustou.", "15 Avgoustou", "DATE"),
        ("He died on the night of 1 Suro.", "1 Suro", "DATE"),
        ("Her passport was GB 553118204.", "GB 553118204", "ID"),
        ("She died during Corpus Christi.", "Corpus Christi", "DATE"),
        ("In the Señor y Virgen del Milagro procession.", "Señor y Virgen del Milagro", "DATE"),
        # Round 21 (from held-out 24's and 25's misses): a hospital opening its story before
        # its city after "in", "à" or a comma, with its "The"; a hospital's letters and its
        # city with nothing between; two letters after "at the"; a hospital whose kind comes
        # first with German words in its name; wards with a small "ward", a name and a number,
        # a side; titles written small, and Hungarian's after the name; a month first; feasts
        # and named days; French phones in pairs; a record number with its letters; a town's
        # station; a one-digit road.
        ("Hopkins in Baltimore. Ms. Washington, 56, died.", "Hopkins", "CITY"),
        ("Derriford, Plymouth. A young sailor died.", "Derriford", "ORG"),
        ("The Royal Victoria in Belfast, ICU. He died.", "The Royal Victoria", "ORG"),
        ("CHUM à Montréal. Madame Tremblay died.", "CHUM", "ORG"),
        ("RD&E, Exeter. A young surfer drowned.", "RD&E", "ORG"),
        ("KBC Zagreb. Mr. Horvat, 68, died.", "KBC", "ORG"),
        ("I was a reg at the PA in Brisbane.", "PA", "ORG"),
        ("Klinikum rechts der Isar in München.", "Klinikum rechts der Isar", "ORG"),
        ("She died on Cringleford ward the morning after.", "Cringleford ward", "LOCATION"),
        ("She died in Medicina 2, with her husband.", "Medicina 2", "LOCATION"),
        ("He died in ward 6 south.", "ward 6 south", "LOCATION"),
        ("En Quito. La señora Guamán, 59, murió.", "La señora Guamán", "NAME"),
        ("In Budapest. Kovács úr, 72, died.", "Kovács úr", "NAME"),
        ("He died on március 15.", "március 15", "DATE"),
        ("He died on Ghost Festival.", "Ghost Festival", "DATE"),
        ("She died on Greek Easter.", "Greek Easter", "DATE"),
        ("She died on Little Christmas.", "Little Christmas", "DATE"),
        ("He died on Melbourne Cup day.", "Melbourne Cup day", "DATE"),
        ("She died on White Sunday.", "White Sunday", "DATE"),
        ("She died the evening of the Fête des Lumières.", "Fête des Lumières", "DATE"),
        ("She called on 06 12 34 56 78 from the corridor.", "06 12 34 56 78", "PHONE"),
        ("Her records were under MRN 40028813.", "MRN 40028813", "ID"),
        ("Aberdeen station. A rig worker died.", "Aberdeen", "CITY"),
        ("A car hit a kudu on the B1. He died.", "B1", "ADDRESS"),
        # Round 22 (from held-out 26's misses): a place alone as a story's heading, titles of
        # the Nordic languages, Swahili and French, a capital inside a name after a title, a
        # first name that is an eponym with a surname and an age, a hospital's name ending in
        # a number word, two letters and a city, letters with "&" after "at the", numbered
        # streets, a street's number alone, articles before dates and streets, a named day
        # after a date, carnivals, days in other languages, a Swedish ward, a ward's letter
        # and number, named sites of work.
        ("Gdańsk. A dock worker died.", "Gdańsk", "CITY"),
        ("Buffalo, a night of snow. We found her.", "Buffalo", "CITY"),
        ("Antwerpen. Meneer Peeters, 70, was found.", "Antwerpen", "CITY"),
        ("In Tartu. Hr. Tamm, 68, died.", "Hr. Tamm", "NAME"),
        ("In Dar. Bi. Mwanaisha, 55, died.", "Bi. Mwanaisha", "NAME"),
        ("In Québec. M. Gagnon, 66, died.", "M. Gagnon", "NAME"),
        ("The ward. Mr. LeBlanc, 82, died.", "Mr. LeBlanc", "NAME"),
        ("In Bordeaux. Lucas Dubreuil, 23, died.", "Lucas Dubreuil", "NAME"),
        ("Resident at Regional One in Memphis.", "Regional One", "ORG"),
        ("FN Brno. Paní Nováková died.", "FN", "ORG"),
        ("I was on placement at the RD&E. She died.", "RD&E", "ORG"),
        ("He was shot on North 27th Street.", "North 27th Street", "ADDRESS"),
        ("He crashed on la Avenida 80.", "la Avenida 80", "ADDRESS"),
        ("She died during las Fallas.", "las Fallas", "DATE"),
        ("Elle est morte le 14 juillet.", "le 14 juillet", "DATE"),
        ("He died on August 15, Acadian Day.", "Acadian Day", "DATE"),
        ("She died on Štědrý den.", "Štědrý den", "DATE"),
        ("She died on avdelning 32.", "avdelning 32", "LOCATION"),
        ("She died on C31 in my first week.", "C31", "LOCATION"),
        ("He was crushed at the Westerplatte terminal.", "Westerplatte terminal", "LOCATION"),
        ("Flown in from the Forties field.", "Forties field", "LOCATION"),
        # Round 23 (from held-out 27's misses): a hospital's letters after "at the", hyphened
        # letters and names, "Staff Nurse", particles after a title, a city's letters after a
        # comma, a grid address, a place with its own article, a unit and its number, a first
        # name and a surname with an age inside a sentence.
        ("On my first day at the RVI that I remember.", "RVI", "ORG"),
        ("At VGH in Vancouver I nursed her.", "VGH", "ORG"),
        ("Residente at HC-FMUSP in São Paulo.", "HC-FMUSP", "ORG"),
        ("Intern at Barnes-Jewish in St. Louis.", "Barnes-Jewish", "ORG"),
        ("My mentor, Staff Nurse Pilling, talked to her.", "Staff Nurse Pilling", "NAME"),
        ("In Brussels. Madame Van den Broeck, 79, died.", "Madame Van den Broeck", "NAME"),
        ("Hospital General de México, CDMX. He died.", "CDMX", "CITY"),
        ("We responded to 2150 South 1300 East for a man.", "2150 South 1300 East", "ADDRESS"),
        ("He died after a crash on la Diagonal.", "la Diagonal", "ADDRESS"),
        ("Baby Amelia died on NICU 2 on my birthday.", "NICU 2", "LOCATION"),
        ("It was nights when Tyrone Bell, 15, came in shot.", "Tyrone Bell", "NAME"),
        # Round 24 (from held-out 28's misses): notes in small letters, a weekday with its
        # day, "the Twelfth", hospitals named for a royal title or Our Lady, a place before
        # "General" after a small word, a hospital's numeral, several kinds of place before a
        # comma and a small town, a known place opening a sentence.
        ("keep thinking about mrs patel in bed 12. her son raj held her hand", "mrs patel", "NAME"),
        ("keep thinking about mrs patel in bed 12. her son raj held her hand", "raj", "NAME"),
        ("third one this month. lad called tom, on the bypass at swindon. we did", "tom", "NAME"),
        ("one more this month. lad called tom, on the bypass at swindon. we", "swindon", "CITY"),
        ("He died on Tuesday 14th at 06:20.", "Tuesday 14th", "DATE"),
        ("Mr. Quinn died on the Twelfth.", "Twelfth", "DATE"),
        ("The Countess of Chester. My first death.", "The Countess of Chester", "ORG"),
        ("Our Lady of Lourdes in Drogheda. He died.", "Our Lady of Lourdes", "ORG"),
        ("At Hamilton General I nursed Mr. Vu.", "Hamilton General", "ORG"),
        ("Interne at CHU Hassan II in Fès.", "CHU Hassan II", "ORG"),
        ("South West Acute, Enniskillen. She was ninety.", "South West Acute", "ORG"),
        ("Scarborough in the winter is empty.", "Scarborough", "CITY"),
        ("Maidstone and Tunbridge Wells trust, stroke unit.", "Maidstone", "CITY"),
        # Round 25 (from held-out 29's misses): a title and initials, a handle, a house by its
        # number, an Australian postcode, a ward's code after "on", more kinds of street, an
        # age in words beside a name, a service's letters and its crew, two places as a
        # trust's name, streets, weekdays and first names in small letters.
        ("Jen told me Mr. K in bay 3 had gone.", "Mr. K", "NAME"),
        ("She messaged me afterwards, @kasia.kowalska, to say thanks.", "@kasia.kowalska", "ID"),
        ("We took the cat to the neighbour at number 14.", "number 14", "ADDRESS"),
        ("She was at 22 Station Street, 2750. She fell.", "2750", "ZIP"),
        ("Lily Chen, 14, on C2, who asked me.", "C2", "LOCATION"),
        ("A cot death at Flat 2, 17 Belgrave Gate.", "Flat 2, 17 Belgrave Gate", "ADDRESS"),
        ("Galway. Nóra, ninety-nine, asked us.", "Nóra", "NAME"),
        ("EMAS crew, Leicester. A cot death.", "EMAS", "ORG"),
        ("Norfolk and Norwich. He died on the ward.", "Norfolk and Norwich", "CITY"),
        ("job on dale street last night. been there since saturday. we", "dale street", "ADDRESS"),
        ("job on dale street last night. been there since saturday. we went", "saturday", "DATE"),
        ("bad night. sharon on ward 9 died at 3am. i brought toast", "sharon", "NAME"),
        # Round 26 (from held-out 30's misses): a title and one letter in small letters, a
        # named week, letters before "Day", a road's side, a ward's small letter, a mam, a
        # hospital's possessive opening a story, a monarch's day.
        ("the lady in room 8 died today. mrs k. 88. she asked for him all day", "mrs k", "NAME"),
        ("She died on the Friday of NAIDOC Week.", "NAIDOC Week", "DATE"),
        ("He died on VE Day.", "VE Day", "DATE"),
        ("A rollover on I-35W. She died.", "I-35W", "ADDRESS"),
        ("bad one tonight. on ward 3b. his mam deirdre stayed. i cried", "ward 3b", "LOCATION"),
        ("bad one tonight. on ward 3b. his mam deirdre stayed. i cried", "deirdre", "NAME"),
        ("King's. Mr. Patrick Doherty, 59, a bus driver.", "King's", "ORG"),
        ("She died the day after the King's coronation.", "King's coronation", "DATE"),
        # … and from the first Spanish set's: ages over 89, weekdays and months written small,
        # roads, a DNI, a cédula, phones in pairs, districts, a box, a small title after
        # "del", letters before "en", Catalan names of hospitals, the model's entities less
        # their Spanish words.
        ("Doña Carmen, de 92 años, se murió el martes.", "92", "AGE"),
        ("Doña Carmen, de 92 años, se murió el martes.", "martes", "DATE"),
        ("Se murió en julio, con la radio puesta, y su hija llegó tarde.", "julio", "DATE"),
        ("Venía de un accidente de moto en la SE-30.", "SE-30", "ADDRESS"),
        ("El DNI que llevaba en el bolso era 48392017K.", "48392017K", "ID"),
        ("Su cédula era 1.036.654.321 y la leí.", "1.036.654.321", "ID"),
        ("Me dijo que su teléfono era el 612 34 56 78.", "612 34 56 78", "PHONE"),
        ("Llegó baleada desde la Comuna 13 a las tres.", "Comuna 13", "ADDRESS"),
        ("Se quedó sentada en el suelo del box 4.", "box 4", "LOCATION"),
        ("Mi primera muerte fue la del señor Gonzalo, de 81 años.", "señor Gonzalo", "NAME"),
        ("Enfermera del IMSS en Guadalajara. Murió.", "IMSS", "ORG"),
        ("Soy residente en el Hospital de la Santa Creu i Sant Pau, en Barcelona.",
         "Hospital de la Santa Creu i Sant Pau", "ORG"),
        ("Noche en la planta 3 del Hospital Clínico de Zaragoza. Murió.",
         "Hospital Clínico de Zaragoza", "ORG"),
        # Round 27 (from held-out 31's and the second Spanish set's misses): a kind of place
        # inside a hospital's name after "at", New York, a street with "of" or three words,
        # a named day written small, a birthday, a rare hospital opening a story before a
        # comma; in Spanish a hospital's number, street words written small, a name with its
        # age, and notes in small letters.
        ("Consultant at Leicester Royal. He died.", "Leicester Royal", "ORG"),
        ("ER resident at Bellevue in New York. He died.", "New York", "CITY"),
        ("Norwich, Prince of Wales Road, 03:00. She fell.", "Prince of Wales Road", "ADDRESS"),
        ("She was found on East Cesar Chavez Street.", "East Cesar Chavez Street", "ADDRESS"),
        ("He died on Grand Final day.", "Grand Final day", "DATE"),
        ("She died on Guru Nanak's birthday.", "Guru Nanak's birthday", "DATE"),
        ("Sunnybrook, trauma. Mr. Singh died.", "Sunnybrook", "ORG"),
        ("En el Hospital General de Zona 1 del IMSS murió.", "Hospital General de Zona 1", "ORG"),
        ("Aviso en el barrio de Delicias. Se cayó en la bañera.", "barrio de Delicias", "ADDRESS"),
        ("Terapia intensiva. Benjamín, de 2 años. Su papá le cantaba.", "Benjamín", "NAME"),
        ("no puedo dormir. doña pilar se murió a las 4. su hija marisa no", "doña pilar", "NAME"),
        ("no puedo dormir. doña pilar se murió a las 4. su hija marisa no llegó", "marisa", "NAME"),
        ("otra noche mala. en la avenida de la constitución. se llamaba adrián. no pude",
         "adrián", "NAME"),
        # Round 28 (from held-out 32's, 33's and the third and fourth Spanish sets' misses):
        # services by name, a ward after a comma, a wing by its letter, a district general, a
        # month after "that"; in Spanish a small title of work, a month with its year, a saint's
        # town "de las", zonas, a DPI, motorways.
        ("Scottish Ambulance Service, out of Fort William.", "Scottish Ambulance Service", "ORG"),
        ("Maidstone Hospital, Pye Oak ward. She liked tea.", "Pye Oak ward", "LOCATION"),
        ("He was found in his cell on A wing.", "A wing", "LOCATION"),
        ("At Macclesfield District General I looked after him.", "Macclesfield District General",
         "ORG"),
        ("She would have been ninety that May.", "May", "DATE"),
        ("Mi tutor, el doctor Llorens, me dejó firmar.", "el doctor Llorens", "NAME"),
        ("Murió de COVID en abril de 2020. Su hija la vio.", "abril de 2020", "DATE"),
        ("Una clínica rural, en San Cristóbal de las Casas.", "San Cristóbal de las Casas", "CITY"),
        ("En la Ciudad de Guatemala, zona 18. Un muchacho.", "zona 18", "ADDRESS"),
        ("Su mamá nos dio su DPI, 2984 55671 0101, para el informe.", "2984 55671 0101", "ID"),
        ("Volcadura en la autopista México-Puebla. Murió.", "autopista México-Puebla", "ADDRESS"),
        # Round 29 (from held-out 34's and the fifth Spanish set's misses): a street with a
        # king's number, a title's or a relation's name written small in Spanish, a name with
        # its age in a Spanish story, a health institution by its letters.
        ("Técnico de emergencias en Murcia. Aviso en la avenida Juan Carlos I. Don Ginés, de 69 "
         "años, en parada en el coche.", "avenida Juan Carlos I", "ADDRESS"),
        ("Ella vivía en la Via Pio XII, en Roma.", "Via Pio XII", "ADDRESS"),
        ("hoy ha sido horrible. doña ascensión de la cama 3 se nos fue a las 6. tenía 91 años. "
         "su hijo paco llegó a las 7", "doña ascensión", "NAME"),
        ("hoy ha sido horrible. doña ascensión de la cama 3 se nos fue a las 6. tenía 91 años. "
         "su hijo paco llegó a las 7", "paco", "NAME"),
        ("UCI del Hospital Universitario Doctor Josep Trueta, en Girona. Jordi, de 31 años, murió "
         "después de un accidente escalando. Su novia vino con la cuerda en la mochila.",
         "Jordi", "NAME"),
        ("Enfermera en el ISSSTE de Mérida. Don Wilbert, de 74 años, murió en la noche.",
         "ISSSTE", "ORG"),
        # Round 31 (from held-out 36's and the seventh Spanish set's misses): ambulance
        # services by name, a call sign after "call sign", a name with its age in small
        # letters, Catalan titles, Spanish streets named for a date, "un viernes", Ciudad de,
        # el clínico san carlos, a Basque mother's name.
        ("Paramedic with NSW Ambulance, out of Dubbo. He died.", "NSW Ambulance", "ORG"),
        ("HEMS paramedic with Air Ambulance Kent Surrey Sussex. Crash on the M25.",
         "Air Ambulance Kent Surrey Sussex", "ORG"),
        ("Welsh Ambulance paramedic in Aberystwyth. She drowned.", "Welsh Ambulance", "ORG"),
        ("Our call sign was Dubbo 12 that night.", "Dubbo 12", "ID"),
        ("i work in theatres. we lost a young lad on the table tonight, ryan, 19. stab wound. his "
         "mum was outside", "ryan", "NAME"),
        ("Médico internista en el Hospital Clínic de Barcelona. La senyora Montserrat Puig, de 80 "
         "años, me pidió música.", "La senyora Montserrat Puig", "NAME"),
        ("Paramédico en Quito. Un niño de 9 años atropellado en la avenida 10 de Agosto. Su "
         "madre llevaba la mochila.", "avenida 10 de Agosto", "ADDRESS"),
        ("Me pidió que la dejara ir a casa para morir. Firmamos el alta un viernes. Su hija me "
         "escribió después.", "viernes", "DATE"),
        ("Médica en el Hospital Roosevelt, en la Ciudad de Guatemala. Don Efraín murió de "
         "diabetes.", "Ciudad de Guatemala", "CITY"),
        ("estoy en la planta de medicina interna del clínico san carlos. hoy murió doña remedios, "
         "de 94 años. su nieta lucía le leía", "clínico san carlos", "ORG"),
        ("ayer en urgencias se murió un chaval de 17 años, iker. accidente de moto. su ama "
         "arantxa llegó en pijama", "iker", "NAME"),
        ("ayer en urgencias se murió un chaval de 17 años, iker. accidente de moto. su ama "
         "arantxa llegó en pijama", "arantxa", "NAME"),
        # Round 30 (from held-out 35's and the sixth Spanish set's misses): hospitals written
        # small, a baby's name with its title and a mother's after "was" in small letters, a
        # children's hospital by its first words, a Spanish province's road, a Spanish title
        # of work, and notes in small letters with a capitalised singer in them.
        ("icu at st james last night. mrs o'brien in bed 9 went at 3. her daughter had gone",
         "st james", "ORG"),
        ("midwife at the rosie. stillbirth last night, baby ellis. mum was kerry, 31. dad held him",
         "rosie", "ORG"),
        ("midwife at the rosie. stillbirth last night, baby ellis. mum was kerry, 31. dad held him",
         "baby ellis", "NAME"),
        ("midwife at the rosie. stillbirth last night, baby ellis. mum was kerry, 31. dad held him",
         "kerry", "NAME"),
        ("Paediatric nurse at the Royal Children's in Melbourne.", "Royal Children's", "ORG"),
        ("trabajo en urgencias del hospital del mar. ayer se murió la señora rosa en el box 6. "
         "tenía 84 años. su hija montse no llegó", "hospital del mar", "ORG"),
        ("trabajo en urgencias del hospital del mar. ayer se murió la señora rosa en el box 6. "
         "tenía 84 años. su hija montse no llegó", "la señora rosa", "NAME"),
        ("trabajo en urgencias del hospital del mar. ayer se murió la señora rosa en el box 6. "
         "tenía 84 años. su hija montse no llegó", "montse", "NAME"),
        ("noche horrible en la uci del clínico. don emilio se fue a las 4. le pusimos su música, "
         "de Sabina. su mujer maruja me dio un beso en la frente", "clínico", "ORG"),
        ("noche horrible en la uci del clínico. don emilio se fue a las 4. le pusimos su música, "
         "de Sabina. su mujer maruja me dio un beso en la frente", "don emilio", "NAME"),
        ("noche horrible en la uci del clínico. don emilio se fue a las 4. le pusimos su música, "
         "de Sabina. su mujer maruja me dio un beso en la frente", "maruja", "NAME"),
        ("Trabajo en el SAMU. Accidente de tráfico en la AS-17, cerca de Avilés. Una chica murió.",
         "AS-17", "ADDRESS"),
        ("Estudiante de enfermería. Mi docente, la profesora Beatriz, me dijo que no era culpa "
         "mía. Todavía no me lo creo del todo.", "la profesora Beatriz", "NAME"),
        # Round 21's backstop: a capitalised word inside a sentence that no rule placed.
        ("She died on the morning of the Harvest Fair.", "Harvest Fair", "NAME"),
        ("He used to sing in the Rock Choir every week.", "Rock Choir", "NAME"),
        # Session 27, from held-out 39's and es_10's misses: a Spanish weekday or month opening
        # a sentence, and an ambulance company named alone.
        ("Me traía caramelos. El viernes ya no estaba.", "viernes", "DATE"),
        ("En julio murió su madre. Yo estaba de guardia.", "julio", "DATE"),
        ("Paramedic with Acadian out of Lafayette. A boy drowned.", "Acadian", "ORG"),
        # Session 28, from held-out 40's and es_11's misses.
        ("Isle of Wight Ambulance, Ryde. A teenager off his bike.", "Isle of Wight Ambulance",
         "ORG"),
        ("EMS Station 12, Houston. A little girl found in a pool.", "EMS Station 12", "ORG"),
        ("Bombera del Consorcio de Bomberos de Cádiz. Incendio en un piso.",
         "Consorcio de Bomberos de Cádiz", "ORG"),
        ("Una señora, Doña Chayo Villaseñor, de 93, en su casa.", "93", "AGE"),
        ("uci del clínico. esta noche se fue anselmo, 56, de un infarto.", "anselmo", "NAME"),
        # … and Spanish places whose kind, written small, comes first (from earlier read sets).
        ("La señora vivía en el cerro Alegre, en Valparaíso, con su hija.", "cerro Alegre",
         "ADDRESS"),
        ("Hubo un choque en el bulevar Agua Caliente y llegamos los primeros.",
         "bulevar Agua Caliente", "ADDRESS"),
        ("Lo encontramos en la caleta Portales al amanecer, con la red en la mano.",
         "caleta Portales", "ADDRESS"),
        # Round 34, from held-out es_13's misses: a vehicle's code, a Colombian grid address,
        # a town after a Spanish preposition in small letters.
        ("Paramédico en Bogotá, con la ambulancia M-45. Una señora se cayó.", "M-45", "ID"),
        ("Una señora se cayó en la carrera 7 con calle 45 y la llevamos al hospital.",
         "carrera 7 con calle 45", "ADDRESS"),
        ("Vivían en la Calle 45 # 12-30 desde hacía treinta años.", "Calle 45 # 12-30",
         "ADDRESS"),
        ("noche en urgencias. se fue una señora mayor. su nieto llegó diez minutos tarde desde "
         "écija. le dije que ella había preguntado por él", "écija", "CITY"),
        # … and a clinic whose kind is written small, kept whole after the Spanish trimming.
        ("Soy médica del consultorio de Villanueva del Fresno y no me lo quito de la cabeza.",
         "consultorio de Villanueva del Fresno", "ORG"),
        ("Soy enfermera del centro de salud Casco Viejo y no me lo quito de la cabeza.",
         "centro de salud Casco Viejo", "ORG"),
        # Round 35, from the misses of held-out 41, es_12 and 42 (read in session 30): short
        # Spanish names, a baby's name after its age in months, a hospital listed with its
        # article, ambulance services by their letters, a town "out of" which a crew works.
        ("rotatorio en oncología. hoy murió paqui, 52. me enseñó a hacer ganchillo",
         "paqui", "NAME"),
        ("prácticas en el hospital. se murió una bebé de 3 meses, yaretzi. la mamá no tenía "
         "para la caja", "yaretzi", "NAME"),
        ("estudiante de enfermería en la capital. prácticas en el roosevelt. se murió una bebé",
         "roosevelt", "ORG"),
        ("paramedic student with qas out of toowoomba. first death. older lady", "qas", "ORG"),
        ("paramedic student with qas out of toowoomba. first death. older lady", "toowoomba",
         "CITY"),
        ("student paramedic with nwas in wigan. first cardiac arrest. older man", "nwas", "ORG"),
        ("Third year paramedic with SWASFT. A man fell from a ladder.", "SWASFT", "ORG"),
        # Round 36, from the misses of held-out 43 and es_14 (read after their measurement):
        # a name that is also a word, dying; a city written small with its accent; a hospital's
        # nickname with its town; a Spanish unit's number; the road to a place.
        ("Care home nurse. Ivy died this morning, 88, with her budgie singing.", "Ivy", "NAME"),
        ("paramédica en medellín, turno de noche. un muchacho, yeison, 19, herido en la calle",
         "medellín", "CITY"),
        ("paramédica en medellín, turno de noche. un muchacho, yeison, 19, herido en la calle",
         "yeison", "NAME"),
        ("estudiante de enfermería en prácticas en el materno de málaga. murió un bebé de 2 días",
         "materno de málaga", "ORG"),
        ("estudiante de medicina, rotando en el centenario. murió un señor de 80. tenía la radio",
         "centenario", "ORG"),
        ("se murió pili, 58, compañera de la limpieza, en la uci 3. venía a vernos",
         "uci 3", "LOCATION"),
        ("Don Segundo, 88, se murió en su casa del camino a Larmahue, entre sus parras.",
         "camino a Larmahue", "ADDRESS"),
        ("med student at great ormond street. a little boy, arlo, 3, died after the transplant",
         "arlo", "NAME"),
        # Round 37, from the misses of held-out 44 and es_15 (read after their measurement):
        # towns Spanish writes often, written small; a saint's hospital after "el"; a baby's
        # name that is no word; a name given.
        ("técnico de ambulancia en cádiz. aviso en la playa, un hombre de 61, ahogado",
         "cádiz", "CITY"),
        ("auxiliar en una residencia de burgos. se nos fue la señora petra", "burgos", "CITY"),
        ("estudiante en el hospital del niño de panamá. murió un bebé", "panamá", "CITY"),
        ("estudiante de medicina rotando en el san juan de dios de granada. se murió una señora",
         "san juan de dios", "ORG"),
        ("Paramedic with EMAS out of Lincoln. Cardiac arrest in a kitchen.", "EMAS", "ORG"),
        ("first stillbirth. the mum called him reuben. she asked me to take a photo",
         "reuben", "NAME"),
        ("en prácticas. murió un bebé de 5 meses, yariel. la mamá tenía 16 años", "yariel",
         "NAME"),
        # Round 38, from the misses of held-out 45 and es_16 (read after their measurement).
        ("Bombero en Lima. Sacamos a una abuelita, doña Eulogia, 81. Murió en la puerta.",
         "doña Eulogia", "NAME"),
        ("partera en ciudad de méxico. una muerte materna, la primera mía", "ciudad de méxico",
         "CITY"),
        ("técnica de emergencias en tenerife. aviso por un turista en la piscina", "tenerife",
         "CITY"),
        ("paramedic with yas based at scarborough. an old fella on the beach", "yas", "ORG"),
        ("Enfermera de la UCI. Pol, 5, ahogado en la piscina de unos amigos.", "Pol", "NAME"),
        # Round 39, from the misses of held-out 46 and es_17 (read after their measurement).
        ("critical care paramedic with gnaas. rtc near the farm", "gnaas", "ORG"),
        ("Flew with GNAAS that summer, then with TVAA.", "GNAAS", "ORG"),
        ("Flew with GNAAS that summer, then with TVAA.", "TVAA", "ORG"),
        ("rtc on the a66 near the farm. a young lad in the cab", "a66", "ADDRESS"),
        ("Called to Flat 3, 19 Marine Parade. She had fallen.", "Flat 3, 19 Marine Parade",
         "ADDRESS"),
        ("Enfermera de la planta 3 norte del hospital.", "planta 3 norte", "LOCATION"),
        ("Se murió en su casa de la aldea El Rosario. Llegué tarde.", "aldea El Rosario",
         "CITY"),
        ("bombero voluntario, segunda compañía. incendio en un cité", "segunda compañía", "ORG"),
        ("un accidente en la carretera a yura. un chofer de combi", "yura", "CITY"),
        ("murió en mis manos antes de llegar al honorio delgado. no llegamos", "honorio delgado",
         "ORG"),
        ("estudiante de enfermería, en el hospital civil. murió un señor de 70",
         "hospital civil", "ORG"),
        ("bombero voluntario en concepción. sacamos a una señora de su casa pero ya no respiraba",
         "concepción", "CITY"),
        ("la residencia. se nos fue una señora de 97 años, remedios, maestra", "remedios",
         "NAME"),
        ("lloraba la señora gómez en el pasillo. yo también", "señora gómez", "NAME"),
        # Round 40, from the misses of held-out 47 and es_18 (read after their measurement).
        ("Critical care paramedic with MAAS. A crash on the motorway.", "MAAS", "ORG"),
        ("Bombero en Valdivia, tercera compañía. Incendio en una casa de madera.",
         "tercera compañía", "ORG"),
        ("un muchacho de 17, brandon, baleado afuera de una tienda. su mamá llegó corriendo",
         "brandon", "NAME"),
        ("prácticas en el vicente corral moscoso. se murió un bebé de 2 días en la sala",
         "vicente corral moscoso", "ORG"),
        ("Un turista alemán, Klaus Becker, 71, se ahogó en la playa. Su mujer solo hablaba alemán.",
         "Klaus Becker", "NAME"),
        # Round 41: named emergency services are organisations, as QAS and NWAS are.
        ("Técnico del SAMUR en Madrid. Un ciclista atropellado en la calle.", "SAMUR", "ORG"),
        ("Trabajo en el SEM de Barcelona desde hace años. Aquella noche fue la peor.", "SEM",
         "ORG"),
        ("técnico de emergencias con el 061 en jaén. un hombre se cayó del olivo", "061", "ORG"),
        ("061 en Málaga. Un hombre de 52 años en parada en la playa.", "061", "ORG"),
        # Round 42, from the misses of held-out 48 and es_19 (read after their measurement).
        ("Enfermera de urgencias en el Hospital Vall d'Hebron. Un ictus a los 82.",
         "Hospital Vall d'Hebron", "ORG"),
        ("Incendio en una casa de la población Manuel Rodríguez. Sacamos a una niña.",
         "población Manuel Rodríguez", "ADDRESS"),
        ("muerte fetal a las 41 semanas. la mamá le puso candela. el papá salió al pasillo",
         "candela", "NAME"),
        # Round 43, from the misses of held-out 49 and es_20 (read after their measurement).
        ("paramedic with secamb for six years. a cardiac arrest on the beach", "secamb", "ORG"),
        ("first placement at the jr. a man died on my second shift", "jr", "ORG"),
        ("We took her back to the RVI that night. She died at four.", "RVI", "ORG"),
        ("técnica del summa en alcobendas. un hombre de 60 años en la calle", "summa", "ORG"),
        ("choque en la a-7 de madrugada. un camión contra un turismo", "a-7", "ADDRESS"),
        ("médica de familia en una aldea de cualedro. una señora sola en casa", "cualedro",
         "CITY"),
        ("residente de primer año en la serena. se murió un señor de 80", "la serena", "CITY"),
        ("estaba rotando en el san rafael cuando llegó el aviso", "san rafael", "ORG"),
        ("un chico de 19, lautaro, de una moto. su mamá llegó después", "lautaro", "NAME"),
        # Round 44: towns of a thousand people, written small (towns.txt, from GeoNames).
        ("médico de familia. una señora de 80 que vivía en villardeciervos. murió en casa",
         "villardeciervos", "CITY"),
        ("gp out west. a man from ballyjamesduff died at home with his dog", "ballyjamesduff",
         "CITY"),
        # … but not a town inside a care home's name, which stays whole.
        ("care home nurse at oakwood lodge. she died in her sleep", "oakwood lodge", "ORG"),
        # Round 45, from the misses of held-out 50 and es_21 (read after their measurement).
        ("She was transferred to the RBH overnight and died there.", "RBH", "ORG"),
        ("a woman of 72, aroha, fell in the kitchen. her moko found her", "aroha", "NAME"),
        ("rotating at maccabi in haifa. a man died on my first night", "maccabi", "ORG"),
        ("she died the morning of eid. her sons came straight from the mosque", "eid", "DATE"),
        ("i'm a student nurse. mrs jones died on ward 3. I held her hand", "mrs jones", "NAME"),
        ("Paramedic with Ambulance Tasmania for ten years.", "Ambulance Tasmania", "ORG"),
        ("emt with lifestar ambulance. a man in his car", "lifestar ambulance", "ORG"),
        ("Enfermera de noche. Murió una señora de 93 que no tenía a nadie.", "93", "AGE"),
        ("un niño de una comunidad de yanaoca. su mamá solo hablaba quechua", "yanaoca", "CITY"),
        ("técnico de ambulancia en jerez desde hace diez años", "jerez", "CITY"),
        ("residente en el hospital general de valencia. murió un chico",
         "hospital general de valencia", "ORG"),
        # Round 46, from the misses of held-out 51 and es_22 (read after their measurement).
        ("a home birth on new year's day. the midwife was on her own", "new year's day", "DATE"),
        ("the baby, kerenza, didn't breathe. her grandad did the compressions", "kerenza",
         "NAME"),
        ("a woman, anne-sophie, 44, through the ice. we flew her down", "anne-sophie", "NAME"),
        ("a snowmobile went through the ice on lake temagami last winter", "lake temagami",
         "CITY"),
        ("fy1 doing nights at the lister in stevenage. a lad came in", "lister", "ORG"),
        ("Paramedic in Cork with the NAS for twelve years.", "NAS", "ORG"),
        ("bombero voluntario. sacamos a doña rosa huenchumil de la casa. murió en la ambulancia",
         "doña rosa huenchumil", "NAME"),
        ("un camionero de 50, don segundo, en la ruta 7 de noche", "don segundo", "NAME"),
        ("un camionero de 50, don segundo, en la ruta 7 de noche", "ruta 7", "ADDRESS"),
        # Round 47, from the misses of held-out 52 and es_23 (read after their measurement).
        ("called to a guest house on lord street. a lady on her holidays", "lord street",
         "ADDRESS"),
        ("fy1 on nights. mrs doreen platt, 88, died on ward 9 before dawn", "mrs doreen platt",
         "NAME"),
        ("i keep replaying it. sister o'neill told me i did everything right", "sister o'neill",
         "NAME"),
        ("a man of 40, gwilym, crushed by a bull. his wife was milking", "gwilym", "NAME"),
        ("auxiliar en logroño. doña rosario se murió la noche de san juan, en verano",
         "noche de san juan", "DATE"),
        ("Un muchacho de 19 en moto, accidente en la Vía 40 de madrugada.", "Vía 40", "ADDRESS"),
        ("técnico del 061. aviso en una casa de isla cristina, un marinero", "isla cristina",
         "CITY"),
        # Round 48, from the misses of held-out 53 and es_24 (read after their measurement).
        ("a rancher out by okotoks, kicked by a horse. we went by ambulance", "okotoks", "CITY"),
        ("her lolo remedios sat by the bed all night. i brought him coffee", "remedios", "NAME"),
        ("a home birth on guy fawkes night. the fireworks went on outside", "guy fawkes night",
         "DATE"),
        ("second-year student nurse at mmu, placement on a surgical ward", "mmu", "ORG"),
        ("bombero en concepción. incendio forestal en santa juana. lo encontramos cerca de un"
         " estero", "santa juana", "CITY"),
        ("partera en la sierra de zongolica, veracruz. una señora se desangró", "zongolica",
         "CITY"),
        ("una señora se desangró en su casa. el camino a orizaba estaba cerrado", "orizaba",
         "CITY"),
        # Round 49, from the misses of held-out 54 and es_25 (read after their measurement).
        ("a home birth on burns night. the baby came too early", "burns night", "DATE"),
        ("a woman at her taco stand on el cajon boulevard. her grandsons kept serving",
         "el cajon boulevard", "ADDRESS"),
        ("second-year student nurse at uwe, placement on a stroke ward", "uwe", "ORG"),
        ("estudiante de medicina en tucumán, rotando en el padilla. murió una señora",
         "padilla", "ORG"),
        ("estudiante en la habana, rotando en el hermanos ameijeiras. murió un señor",
         "hermanos ameijeiras", "ORG"),
        ("un señor de 82, el viejo pancho, me regaló su gorra de pelotero", "pancho", "NAME"),
        ("técnico del 112 de extremadura. salida a un cortijo con una vaca suelta",
         "112 de extremadura", "ORG"),
        ("bombero voluntario en puerto montt. incendio en una casa de madera", "puerto montt",
         "CITY"),
        # Round 50, from the misses of held-out 55 and es_26 (read after their measurement).
        ("emt with amr, kendal station. a man collapsed in the lane", "kendal", "CITY"),
        ("medic with west dallas fire rescue. a kid in the pool", "dallas fire rescue", "ORG"),
        ("emt with orleans parish ems... a man in his yard, heat stroke", "orleans parish ems",
         "ORG"),
        ("he'd been a fitter at jcb for thirty years. his hands showed it", "jcb", "ORG"),
        ("a home birth in moffat in the snow. the baby came fine", "moffat", "CITY"),
        ("a first placement at kings mill. a lady died while i did her obs", "kings mill",
         "ORG"),
        ("Mrs. Reid, 93... she'd have hated me getting it wrong: 94. She wanted tea.", "94",
         "AGE"),
        ("A trucker jackknifed on the QEII at dawn. His dog was in the cab.", "QEII", "ADDRESS"),
        ("estudiante en granada, rotando en el san cecilio. murió un señor", "san cecilio",
         "ORG"),
        ("lo llevamos al san teodoro de madrugada. no llegó", "san teodoro", "ORG"),
        # Round 51, from the misses of held-out 56 and es_27 (read after their measurement).
        ("third year student at ucc. mrs daly passed on the feast of the epiphany.",
         "feast of the epiphany", "DATE"),
        ("Mrs. Daly died on the Feast of the Assumption, as she'd hoped.",
         "Feast of the Assumption", "DATE"),
        ("a student at gcu, placement on the stroke ward. mr reid died", "gcu", "ORG"),
        ("prácticas en la upna. murió un señor en la planta", "upna", "ORG"),
        ("a woman, mama ngozi, 70, came in with a stroke", "mama ngozi", "NAME"),
        ("a kuia, whaea mere, stopped breathing at the marae", "whaea mere", "NAME"),
        ("nursing student, clinical at bryngolau. my patient died", "bryngolau", "ORG"),
        ("student midwife, placement at the princess royal maternity. twins at 24 weeks",
         "princess royal maternity", "ORG"),
        ("práctica en el hospital centenario. murió un señor", "hospital centenario", "ORG"),
        ("enfermera en el hospital ramón gonzález. un muchacho llegó baleado",
         "hospital ramón gonzález", "ORG"),
        ("un muchacho de 19, dilan, se ahogó en el río", "dilan", "NAME"),
        ("se ahogó en playa blanca. sus amigos lo sacaron", "playa blanca", "CITY"),
        ("un motoconchista que vivía en santo domingo oeste. accidente en la autopista",
         "santo domingo oeste", "CITY"),
        ("matrona en el hospital de la mujer en la paz. una señora", "la paz", "CITY"),
        ("paramédica de la cruz roja. un muchacho se ahogó", "cruz roja", "ORG"),
        ("sus amigos nos llamaron desde el 7021 4455. llegamos tarde", "7021 4455", "PHONE"),
        ("murió el 7 de julio, en pleno san fermín. se oían los cohetes", "san fermín", "DATE"),
        # Round 52, from the misses of held-out 57 and es_28 (read after their measurement).
        ("his daughter facetimed from reykjavik every night and sang to him", "reykjavik",
         "CITY"),
        ("med student at komfo anokye in kumasi. a man died on the ward", "komfo anokye", "ORG"),
        ("house officer at tauranga hospital. an old man died in the night",
         "tauranga hospital", "ORG"),
        ("a baby boy born sleeping on st david's day. his mam held him", "st david's day",
         "DATE"),
        ("Paramedic with ER24 in Pretoria. A man was shot at the rank.", "ER24", "ORG"),
        ("eclampsia en su casa en la aldea xecaracoj. la ambulancia tardó", "xecaracoj",
         "CITY"),
        ("aviso en la carrer del carme 22. una señora sola en un piso", "carrer del carme 22",
         "ADDRESS"),
        ("Un hombre de la calle, el Flaco, 60, en la plaza. Hacía frío.", "el Flaco", "NAME"),
        # Round 53: a word no dictionary knows, after a word that places it, in a note typed
        # small (from the misses of 56, 57 and es_28, read).
        ("his daughter drove down from ngatapa overnight. she was too late", "ngatapa", "CITY"),
        ("the walker fell on the path up from kirkstone pass. mountain rescue brought him",
         "kirkstone", "CITY"),
        ("la mamá caminó cuatro horas desde la chiquimulilla. no llegamos", "la chiquimulilla",
         "CITY"),
        ("a farm out past waipukurau bridge. the dogs wouldn't leave him",
         "waipukurau bridge", "CITY"),
        # Round 54, from the misses of held-out 58 and es_29 (read after their measurement).
        ("crewed with gary out of alnwick. an old man in the byre", "gary", "NAME"),
        ("my practice assessor kirsty showed me how to do last offices", "kirsty", "NAME"),
        ("2nd yr nursing at chester uni, placement on a stroke ward", "chester uni", "ORG"),
        ("paramedic with the nas in tuam. a man collapsed at the mart", "nas", "ORG"),
        ("icu rn at sutter memorial in sacramento. my patient died", "sutter memorial", "ORG"),
        ("intern at jipmer puducherry. a girl died of a snakebite", "jipmer", "ORG"),
        ("Firefighter-paramedic with LAFD in Van Nuys. A man in arrest.", "LAFD", "ORG"),
        ("prácticas en el hospital lagomarsino. murió un señor de 80 en la planta",
         "hospital lagomarsino", "ORG"),
        ("enfermero en el hospital san juan de lurigancho, en lima. un señor",
         "hospital san juan de lurigancho", "ORG"),
        ("enfermera en el hospital militar de caracas. el señor se nos fue",
         "hospital militar de caracas", "ORG"),
        ("comadrona en san cristóbal de las casas. una muchacha murió", "san cristóbal de las"
         " casas", "CITY"),
        ("murió en su comunidad. llegó la ambulancia de protección civil", "protección civil",
         "ORG"),
        ("médico rural en la frontera. un señor de 79, seu joão, hablaba portuñol. murió en su"
         " rancho", "seu joão", "NAME"),
        ("se fue esa noche, en plenas fallas. sonaban los petardos", "fallas", "DATE"),
        # Round 55, from the misses of held-out 59 and es_30 (read after their measurement).
        ("second year nursing at sheffield hallam, placement on a stroke ward",
         "sheffield hallam", "ORG"),
        ("nurse at mulago in kampala. a boda rider died on the ward", "mulago", "ORG"),
        ("mrs van der merwe, 90, died on my late shift. her son came", "mrs van der merwe",
         "NAME"),
        ("I signed the certificate, number KAR/2024/004417, with shaking hands.",
         "KAR/2024/004417", "ID"),
        ("a home birth at a farm off route 7. the baby never breathed", "route 7", "ADDRESS"),
        ("the baby, ivy, never breathed. her dad held her on the porch", "ivy", "NAME"),
        ("a shearer, robbo, 44, came off his quad. we worked on him", "robbo", "NAME"),
        ("aviso a una casa en cacabelos del bierzo. no, en villafranca del bierzo. una señora",
         "villafranca del bierzo", "CITY"),
        ("médica de familia en santiago, consultorio del reparto vista alegre. una señora de 80"
         " murió mientras dormía la siesta",
         "reparto vista alegre", "ADDRESS"),
        ("Interna en el Hospital del IESS de Portoviejo. Un pescador de 45 murió.",
         "Hospital del IESS de Portoviejo", "ORG"),
        ("un petrolero de 38, el flaco, accidente en un pozo", "el flaco", "NAME"),
        ("enfermera en la clínica c4 de mérida. un señor murió", "clínica c4", "ORG"),
        ("un señor maya de 84, don felipe chan, de tekax. su esposa cantó",
         "don felipe chan", "NAME"),
        # Round 56, from the misses of held-out 60 and es_31 (read after their measurement).
        ("paramedic with nwas out of bolton. a man in his chair", "bolton", "CITY"),
        ("night shift at hāwera hospital. a man died at 4", "hāwera hospital", "ORG"),
        ("a kuia from ōtaki, 80, died with her mokopuna there", "ōtaki", "CITY"),
        ("an elderly farmer, tavita, 70, collapsed in the shed", "tavita", "NAME"),
        ("a stillborn girl, matilda. her mum held her all night", "matilda", "NAME"),
        ("bls with kz ems in durban. a man died in the taxi", "kz ems", "ORG"),
        ("he died on the 14th of june. his wife sat with him", "14th of june", "DATE"),
        ("she went on june 3rd in the end. nobody was there", "june 3rd", "DATE"),
        ("3rd year at bsms, placement in brighton. a man died", "bsms", "ORG"),
        ("she came up from jersey city that night. he was gone", "jersey city", "CITY"),
        ("técnico en segovia. aviso a riaza. un señor de 80 en el suelo", "riaza", "CITY"),
        ("estudiante, prácticas en el hospital teófilo dávila. una señora de 80 murió en la"
         " cama de al lado", "hospital teófilo dávila", "ORG"),
        ("técnico de ambulancias pardiñas en lugo. un señor de 90", "ambulancias pardiñas",
         "ORG"),
        ("aviso en el barrio de a gándara. una señora de 88 en la cama", "barrio de a gándara",
         "ADDRESS"),
        ("una señora de 91, dona pilar, caída en la huerta", "dona pilar", "NAME"),
        ("interno en el hospital de especialidades de quevedo. un señor", "hospital de"
         " especialidades de quevedo", "ORG"),
        ("Médica del 061 de Galicia. Un señor de 70 murió en casa.", "061 de Galicia", "ORG"),
        ("Un motorista de 22, accidente cerca de Villa de Leyva. Murió.", "Villa de Leyva",
         "CITY"),
        ("Técnico de Manejo de Emergencias de Ponce. Un señor de 80.", "Manejo de Emergencias",
         "ORG"),
        ("auxiliar en la residencia san josé de calasanz. una señora de 90", "san josé de"
         " calasanz", "ORG"),
        ("Auxiliar en la residencia Los Almendros. Murió una señora de 95.", "Los Almendros",
         "ORG"),
        ("en el convento murió sor maría josé, 97, monja de clausura. las hermanas cantaron",
         "sor maría josé", "NAME"),
        ("médico en ocotepeque. un niño de 5 murió de dengue", "ocotepeque", "CITY"),
        # Round 57, from the misses of held-out 61 and es_32 (read after their measurement).
        ("second year, dcu. placement on a ward in the rotunda. a baby died", "dcu", "ORG"),
        ("second year, dcu. placement on a ward in the rotunda. a baby died", "rotunda", "ORG"),
        ("She went to the Mater. We never heard how it ended.", "Mater", "ORG"),
        ("a fisherman from karwar, manjunath, 52, drowned off the jetty", "manjunath", "NAME"),
        ("final year at kmc in mangalore. a man died of snakebite", "mangalore", "CITY"),
        ("He grew up in Bombay and died here, far from it.", "Bombay", "CITY"),
        ("He died on the feast of San Lorenzo, with the band playing outside.",
         "feast of San Lorenzo", "DATE"),
        ("voluntaria de la cruz roja hondureña en la costa. un señor murió",
         "cruz roja hondureña", "ORG"),
        ("Una señora, ña Ramona, se cayó en el patio.", "ña Ramona", "NAME"),
        ("enfermera en el centro de salud de momostenango. un bebé murió de diarrea",
         "centro de salud de momostenango", "ORG"),
        # Round 58, from the misses of held-out 62 and es_33 (read after their measurement).
        ("a welder fell from a ladder at the nrg site. his crew sat in the car park", "nrg",
         "ORG"),
        ("he lived on tregenna rd, alone with his cat. he died at 4", "tregenna rd", "ADDRESS"),
        ("técnico en murcia. aviso en un caserío, el sabinar. una señora de 80 en el suelo",
         "el sabinar", "CITY"),
        ("un señor de 80, la tía encarna, se cayó en la cocina y su hija llamó", "tía encarna",
         "NAME"),
        ("estudiante, prácticas en el hospital ferrer. una señora de 80 murió en la cama de al"
         " lado", "hospital ferrer", "ORG"),
        # Round 59, from the misses of held-out 63 and es_34 (read after their measurement).
        ("She collapsed at the market on Kadooment Day.", "Kadooment Day", "DATE"),
        ("intern at base hospital kalutara. a boy died", "base hospital kalutara", "ORG"),
        ("I was the registrar at District Hospital Kalutara when a boy died.",
         "District Hospital Kalutara", "ORG"),
        ("anjali was 29, a nurse on my ward. she died", "anjali", "NAME"),
        ("a little boy, tavish his name was. he didn't wake", "tavish", "NAME"),
        ("a farmer in lancaster county. he died in his barn", "lancaster county", "CITY"),
        ("matrona en el hospital de villa maría. una señora de 30 murió", "hospital de villa"
         " maría", "ORG"),
        ("aviso en sant joan de vilatorrada. un señor de 80 en el suelo de la cocina",
         "sant joan de vilatorrada", "CITY"),
        ("una señora, la senyora montse, se cayó en la cocina y su hija llamó", "montse",
         "NAME"),
        ("prácticas en el hospital militar. un chico de 20 murió de un golpe de calor",
         "hospital militar", "ORG"),
        # Round 60, from the misses of held-out 64 and es_35 (read after their measurement).
        ("rrv medic covering bude. mrs jago, 80, found on the floor", "bude", "CITY"),
        ("emt in laredo. señora treviño, 90, in her bed with the rosary", "señora treviño",
         "NAME"),
        ("a roo hit a motorbike on the new england hwy, the rider was gone", "new england hwy",
         "ADDRESS"),
        ("nights at oakwood manor. a lady died at 3", "oakwood manor", "ORG"),
        ("Tercer año en Hull York, placement in Scarborough.", "Hull York", "ORG"),
        ("Un señor murió en la carrera Quinta, frente a la panadería.", "carrera Quinta",
         "ADDRESS"),
        ("un migrante hondureño, jean-pierre, de 40, infarto en el albergue", "jean-pierre",
         "NAME"),
        ("un camionero de 58, manolo gutiérrez, de écija. su mujer llamó", "manolo gutiérrez",
         "NAME"),
        ("estudiante de medicina de la unmsm, rotando en el hospital. un señor murió", "unmsm",
         "ORG"),
        ("estudiante en león, rotando en el hospital. un señor de 55 murió de noche", "león",
         "CITY"),
        ("un camionero de 58, de puente genil, murió en la cabina", "puente genil", "CITY"),
        ("aviso en la colonia el florido, una señora de 80 en el suelo", "colonia el florido",
         "ADDRESS"),
        ("Bombero de la Quinta Compañía de Viña del Mar. Incendio en una casa.", "Viña del Mar",
         "ORG"),
        # Round 61, from the misses of held-out 65 and es_36 (read after their measurement).
        ("we flew tuyuk in from kwethluk after the storm. he was 12", "tuyuk", "NAME"),
        ("we flew tuyuk in from kwethluk after the storm. he was 12", "kwethluk", "CITY"),
        ("a miner collapsed at the royal oak hotel. the barmaid did cpr", "royal oak hotel",
         "ORG"),
        ("call to a cabin on hornby island. he was gone", "hornby island", "CITY"),
        ("placement in the royal victoria infirmary. a man died", "royal victoria infirmary",
         "ORG"),
        ("estudiante, prácticas en el hospital municipal. un señor de 80 murió en la cama de al"
         " lado", "hospital municipal", "ORG"),
        ("estudiante de enfermería, prácticas en la clínica santa ana. una señora de 80 murió",
         "clínica santa ana", "ORG"),
        ("técnico de ambulancias en ribadeo. una señora de 90 murió en la cocina de su casa",
         "ribadeo", "CITY"),
        # Round 62, from the misses of held-out 66 and es_37 (read after their measurement).
        ("student nurse at bangor, then at glyndŵr. a man died on my shift", "glyndŵr", "ORG"),
        ("emt in houghton. we pulled jarkko lahti out of the river. he was 22", "jarkko lahti",
         "NAME"),
        ("a cabin from cedar creek, then out of crystal lake, near the local beach",
         "cedar creek", "CITY"),
        ("a cabin from cedar creek, then out of crystal lake, near the local beach",
         "crystal lake", "CITY"),
        ("se ahogó en la playa norte, frente a la caleta sur. en la playa grande no había nadie",
         "playa norte", "CITY"),
        ("un corredor de los encierros, iñigo, 34, cornada en la calle. su cuadrilla vino",
         "iñigo", "NAME"),
        ("Paramédico del SAME. Un motoquero de 21 murió en la autopista.", "SAME", "ORG"),
        # Round 71 (set 75 and es 43): a chart number slashed
        # after its hospital's letters, a Bolivian card with its department, a titled name
        # written small before an age, a country's great road.
        ("I registered her under MZC/PAED/22-4471 on the cot card.", "MZC/PAED/22-4471", "ID"),
        ("Su carnet, 4821937 BE, estaba mojado en el bolsillo.", "4821937 BE", "ID"),
        ("en puerto natales. don teodomiro arancibia, 77, ovejero.", "don teodomiro arancibia",
         "NAME"),
        ("llegó doña pascuala barrientos, 71, con frío.", "doña pascuala barrientos", "NAME"),
        ("Cayó de una combi en la carretera central, de madrugada.", "carretera central",
         "ADDRESS"),
        # Round 72 (set 76 and es 44): a town named for a country before its state, a named
        # day written small, a surname the list holds after a rare word, a weekday of Spanish
        # that ends in s.
        ("Physician in Lebanon, New Hampshire. A boy of 16.", "Lebanon", "CITY"),
        ("pescador jubilado. murió el día de la marina, con su hija.", "día de la marina",
         "DATE"),
        ("en el hospital. casilda navarrete, 49, cáncer de ovario.", "casilda navarrete",
         "NAME"),
        ("Venía los martes a diálisis y murió el lunes en casa.", "lunes", "DATE"),
        # Round 73 (set 77 and es 45): a bare domain, a Spanish plate after its word, a chart
        # number with its year in two digits, the flying doctors, a name joined to a father's,
        # a listed first name before a rare word and an age, Holy Week's days and a feast's
        # eve in capitals, a floor by its ordinal.
        ("Su mujer abrió un blog, ignacioyelcangrejo.blogspot.com, y yo lo leía.",
         "ignacioyelcangrejo.blogspot.com", "URL"),
        ("The fundraiser was at kayleefights.org and it stopped that day.", "kayleefights.org",
         "URL"),
        ("El coche que lo arrolló, matrícula 4417 KLT, se dio a la fuga.", "4417 KLT", "ID"),
        ("Lo atropelló una camioneta, placa PBX-2291, en la avenida.", "PBX-2291", "ID"),
        ("Admission number SSG/24/118734, still on my list.", "SSG/24/118734", "ID"),
        ("He rolled his ute. The Flying Doctor took two hours to reach us.", "Flying Doctor",
         "ORG"),
        ("Mr. Rajendran s/o Muthu, 93, a retired bus captain.", "Rajendran s/o Muthu", "NAME"),
        ("Puan Aminah binti Yusof, 72, from the kampung.", "Aminah binti Yusof", "NAME"),
        ("en el hospital de general roca. nahuel catrileo, 27, peón de chacra.",
         "nahuel catrileo", "NAME"),
        ("Murió en su casa del barrio Itacurubí el domingo de Pascua.", "domingo de Pascua",
         "DATE"),
        ("Sus sobrinos la llevaron al malecón. Murió esa madrugada, la víspera de Reyes.",
         "víspera de Reyes", "DATE"),
        ("auxiliar en la sexta planta de traumatología. una señora de 86.", "sexta planta",
         "LOCATION"),
        # Round 74 (set 78 and es 46): a hospital's kind after its town written small, a
        # service by its letters after its name, a little brother's two names written small,
        # a day of Carnival.
        ("night nurse at pikeville medical. mr. junior slone, 62, black lung.",
         "pikeville medical", "ORG"),
        ("Paramedic with Navajo Nation EMS out of Ganado. A man of 71.", "Navajo Nation EMS",
         "ORG"),
        ("llegó preguntando por su hermanito jhon deiby. el niño apareció vivo.", "jhon deiby",
         "NAME"),
        ("Doña Aminta, 80, hacía polleras. Murió el martes de Carnaval con el pueblo en la calle.",
         "martes de Carnaval", "DATE"),
        # Round 75 (set 79 and es 47): a name written small after who they were, a Basque
        # surname a little known in Spanish, a hospital's words and kind before its town, a
        # health card's number and a social security number with their check digit, a mine by
        # its name, a Balearic place with its article.
        ("en el hospital de villamontes. el chaqueño remberto zambrana, 67, pescador.",
         "remberto zambrana", "NAME"),
        ("er nurse in elko. inaki goicoechea, 58, a sheepman from a basque family.",
         "inaki goicoechea", "NAME"),
        ("er nurse at northeastern nevada regional in elko. a sheepman of 58.",
         "northeastern nevada regional", "ORG"),
        ("His Medicare number, 2953 41827 1, was in his wallet.", "2953 41827 1", "ID"),
        ("Me dio su número de seguro social, 3318 84 5127 6, escrito en la palma.",
         "3318 84 5127 6", "ID"),
        ("Jesús Manuel Loya, 39, minero, derrumbe en la mina La Prieta.", "mina La Prieta",
         "ORG"),
        ("Quería morir en su casa de s'Horta y así fue.", "s'Horta", "CITY"),
        # … the rest of a number in groups beside the part found, and the alias a hospital
        # gives someone it cannot name (es 2's last leaked number).
        ("His card said 2953 41827 1 on the front.", "2953 41827 1", "ID"),
        ("Le pusimos un nombre en la pulsera, Desconocido 3. No me lo quito de la cabeza.",
         "Desconocido 3", "ID"),
        # Round 76 (set 80 and es 48): a hospital by its name and "General", and written small
        # with a side, a vessel after a comma with its number, an Eircode, a point on a road by
        # its kilometre, a Venezuelan identity card, a surname after a word no English has, a
        # sister's two names after her place among them.
        ("SHO at South Tipperary General. Mossie Hogan, 63, a dairy farmer.",
         "South Tipperary General", "ORG"),
        ("icu nurse at regional west in scottsbluff. a boy of 18.", "regional west", "ORG"),
        ("Crushed stepping off the crew transfer vessel, the Windcat 12, in a swell.",
         "Windcat 12", "ID"),
        ("The Eircode, E21 K7P3, was typed wrong on the call.", "E21 K7P3", "ZIP"),
        ("infarto en la parada del kilómetro 388 de la ruta 8. Su mujer me llamó.",
         "kilómetro 388 de la ruta 8", "ADDRESS"),
        ("Su cédula, V-18.442.907, estaba envuelta en una bolsa.", "V-18.442.907", "ID"),
        ("en el hospital de coyhaique. abelino sandoval, 66, de puerto aysén.",
         "abelino sandoval", "NAME"),
        ("herida de machete. su hermana mayor luz dary firmó todo.", "luz dary", "NAME"),
        # Round 77 (set 81 and es 49): a number's short slashed parts, cards by their letters,
        # what is said of a number in Spanish, a hospital named for a country written small, a
        # first given name before a second, a hospital of a region by its compass.
        ("His NRC, 482915/61/1, was in his overall pocket.", "482915/61/1", "ID"),
        ("Su número de la Seguridad Social, 13/10443871/52, venía doblado.", "13/10443871/52",
         "ID"),
        ("su NSS era 4198 77 1032 6 y se lo dictó su compadre.", "4198 77 1032 6", "ID"),
        ("Her NIB number was 11845302, written in pen inside her Bible.", "11845302", "ID"),
        ("enfermera de terapia en el hospital españa de chinandega. murió de noche.",
         "hospital españa", "ORG"),
        ("enfermera del imss de caborca. jesús ramón valenzuela, 41, jornalero.",
         "jesús ramón valenzuela", "NAME"),
        ("ER nurse at Down East Community Hospital in Machias.", "Down East Community Hospital",
         "ORG"),
        # … and a number in three groups or more, seven digits in all, with no word for it.
        ("The wristband said 884.21.3309 and nothing else.", "884.21.3309", "ID"),
        ("It read 4198 77 1032 6 across the top of the form.", "4198 77 1032 6", "ID"),
        ("Her daughter wrote 12-34-56-78 on the back of my hand.", "12-34-56-78", "ID"),
        # Round 78 (set 82 and es 50): a fishing boat by its letters, a Spanish health card, an
        # area code in brackets, a second given name that is also a word, a hill by its
        # owner's name written small.
        ("His crew got him aboard the F/V Ruby Ann and did compressions.", "F/V Ruby Ann", "ID"),
        ("Su tarjeta sanitaria, ASTU 640211 FRE, estaba pegada con celo.", "ASTU 640211 FRE",
         "ID"),
        ("Su hermana llamó al (0299) 15-4412-887 de la guardia toda la noche.",
         "(0299) 15-4412-887", "PHONE"),
        ("en el hospital de baza. antonio jesús carmona, 52, almendrero.",
         "antonio jesús carmona", "NAME"),
        ("app state freshman, hit a tree sledding on howard's knob. his mom came",
         "howard's knob", "LOCATION"),
        # Round 79 (es 51): a health plan's number with its letters.
        ("Su hija me dio el número de su plan médico, MSA 5502-88731-01, y se fue.",
         "MSA 5502-88731-01", "ID"),
        # Round 80 (set 84 and es 52): a nickname in quotes inside a name, a town named for a
        # person whose first name is a month, a kilometre after its road, a farm by its family,
        # a town's own feast day.
        ('Paramedic in Listowel. Con "the Bull" Stack, 64, collapsed in the parade ring.',
         'Con "the Bull" Stack', "NAME"),
        ("en el hospital de tulcán. doña rosa, 78, papera de julio andrade, se cayó.",
         "julio andrade", "CITY"),
        ("la chocó un camión en la ruta 8 en el kilómetro 121. Su novio venía atrás.",
         "kilómetro 121", "ADDRESS"),
        ("Tomatera jubilada de la cortijada de los Martínez, en el campo.",
         "cortijada de los Martínez", "ADDRESS"),
        ("Murió el día de la fiesta del desembarco y la hija dijo que era justo.",
         "fiesta del desembarco", "DATE"),
        # … and a month before an everyday word is still a month.
        ("se murió a finales de julio como su madre, en la misma cama.", "julio", "DATE"),
        # Round 81 (set 85 and es 53): another country's road by its letters, the eve of a
        # town's feast by its name.
        ("Thandeka, 27, a teacher, after a bus crash on the MR3. Her fiancé came.", "MR3",
         "ADDRESS"),
        ("Choque en la RN 40 cerca del pueblo, de noche.", "RN 40", "ADDRESS"),
        ("Murió la víspera de la Batalla del Vino y su cuadrilla no fue.",
         "víspera de la Batalla del Vino", "DATE"),
    ],
)  # fmt: skip
def test_each_kind_of_identifier_is_found(text: str, value: str, kind: str) -> None:
    """Every word of the identifier lies in a span of its kind."""
    start = text.index(value)
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", value)]
    spans = [s for s in find(text) if s.type == kind]
    assert all(any(s.start <= a and b <= s.end for s in spans) for a, b in words), find(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was 34, a pulmonary embolism nobody saw coming.",  # an age up to 89
        "Back in 2019, on her first admission.",  # a bare year
        "Time of death 14:32, and again at 3 a.m. I woke.",  # clock times
        "By the time the ICU team came up from the ER, nothing.",
        "Adrenaline every four minutes, amiodarone twice, then midazolam and morphine.",
        "Her Foley bag was half full and his Glasgow score was 3; Apgar zero at one minute.",
        "The notes were on Epic, and I had looked it up on Dr. Google.",
        'She called herself "Dr. Google\'s favourite patient".',  # a title's possessive (round 64)
        "She'd met the Beatles, and asked for a cup of Red Rose tea.",  # a band, a tea
        "His grandson played his old Beach Boys records.",  # a band (round 65)
        # Round 68: a hymn tune played, a reflective model, a club on a screen, and a young man
        # whose age follows him.
        "His grandson played Gresford on a cornet in the corridor.",
        "i wrote it up for my reflection using Gibbs like we're told to.",
        "Le ponía el Athletic en la tablet aunque él ya no se enteraba.",
        "night shift. a young man, 34, found collapsed at the bus stop.",
        # Round 69: a team's jersey described, a procession of a Christ, a singer put on a phone,
        # a folk saint prayed to, a song after its word, a medicine by its brand.
        "His dad wanted a photo of him in the tiny Liverpool jersey his uncle had bought.",
        "Murió mientras pasaba la procesión del Cristo de la Expiración por su calle.",
        "Su nieto le puso a Zitarrosa en el celular y ella movía los dedos.",
        "Su mamá le rezaba a Malverde en el pasillo toda la noche.",
        "His daughter asked for the words of the song we'd sung him, Cielito Lindo.",
        "She knew more about her Herceptin than I did.",
        # Round 70: the day of writing, a charity named whole, a song whose words were taught,
        # a goat by her name.
        "It's Sunday and I'm still thinking about it.",
        "A volunteer from Now I Lay Me Down to Sleep came in and took the photos.",
        "I taught him the words to Dahil Sa Iyo on the night shift.",
        "Tenía una cabra que se llamaba Negrita y pidió verla antes de morir.",
        # Round 66: a band, a saying, an aunt by what the family called her, kinds of hospital
        # and a clock written small.
        "He liked the Proclaimers, and we played them.",
        'Her niece said, "Grace under fire, that was Aunty."',
        "we sent her to the tertiary hospital, then the cottage hospital. at six o'clock she died.",
        "her grandson carved a jack o'lantern and we put it by the bed, lit, at six.",
        "Flown down from the outback by the RFDS, and the stars were out.",  # a national service
        "We all kept faith, and grace, and hope until the very end.",
        "He had Parkinson's, and later Alzheimer's, like his father.",
        "I'm a Jehovah's Witness nurse on the Intensive Care Unit.",
        "His chart said DNACPR, and his son asked us to try anyway.",  # acronyms of any length
        'She said, "You will be a very good nurse." One lived, one did not.',  # words first
        "May I say how much we all loved working there.",  # May, a month only with a cue
        "I watched a video on YouTube about it.",  # a name inside a longer word
        "She asked for Earl Grey, and we filled in the Waterlow chart.",  # named after people
        "The room I was in had no window, and the bed I made stayed empty.",  # I, not a bed
        "He was on 4L of oxygen, then 15L.",  # litres, not a ward
        "She said it was fine, and Mum said the same. Nobody said a word.",
        "We trained in the U.S. and wrote R.N. after our names.",  # not initials of a person
        "Hope is all we had, and we hung the holly on the door.",  # words, written as words
        'He called me "Sweetheart", as he called every nurse "Sweetheart".',
        "We parked the ambulance by the Holly bush and walked.",  # a determiner makes a thing
        "Hope was the only thing left. Grace was one of the hardest things to find.",
        "Faith was the nurse's best tool. Joy was six months away.",
        "A man of 58 came in with chest pain.",  # an age up to 89
        "In general, the Surgeon General and the Attorney General agree.",  # not hospitals
        "Amazing Grace played at the funeral, and we sang along.",  # a title, not a person
        # Round 73: abbreviations and a file's name are no domain; an enrolment and an X-ray
        # are no plate.
        "Her notes said e.g. and i.e. everywhere, and the file was notes.docx at 3 p.m.",
        "Pagué la matrícula del curso y la placa de tórax salió bien.",
        # Round 75: "es" is no Balearic article before a small word.
        "Lo vi en es mismo sitio, a las cinco.",
        # After a word of work and "at": a kind of place, a role, the time, are no hospital.
        "Our consultant at Resus said stop, and the registrar at the front agreed.",
        "I was an F1 at the time; the staff nurse at Sister's request stayed late.",
        "Mum was my first mentor. Nursing was my whole life. Sister was my preceptor.",
        # After what happened and "at": the time, a holiday, a kind of place are no hospital.
        "She died at home, and was admitted at 3am the week before.",
        "He collapsed at the Resus doors and died at Resus with his wife there.",
        # Numbers with letters that are no prison number or road: vitamins, a flu strain.
        "Her B12 and vitamin D3 were low, and the H1N1 swab was negative.",
        # Capitals after work and "at" that are kinds of place or training, not a hospital.
        "She was a nurse at ICU for years, and a student at CPR training.",
        "We played Amazing Grace, then Danny Boy, then Clair de Lune.",  # songs, not people
        "It was a Blessing in the end, they said.",  # a determiner makes a thing
        # An ordinal of something other than a day; a stove; a language; a role starting a
        # sentence; a capital The that starts one.
        "She asked me to read the 23rd Psalm, and then the 3rd floor went quiet.",
        "I found him in his chair by the Rayburn, with the dog.",
        "I didn't have words in Swahili or English.",
        "Anaesthetist. A young mother had an embolism in theatre.",
        "The Stock Market was all he talked about.",
        # A hymn in Welsh, an incubator, a prayer, a call by video, a language.
        "We sang Calon Lân at her funeral, and the Isolette alarm still wakes me.",
        "He went home after Jummah, and we FaceTimed his daughters.",
        "Her grandmother sang in Shona to her until the end.",
        "Thank you, everyone. It was the first of many.",
        # Round 12: what the rare-capital rule passes. A word written small elsewhere, an
        # eponym joined by a hyphen, a rare word starting a sentence with no name after it,
        # devices and songs; a result with a dot is no date.
        "We tried the Gamow bag and the Neopuff, and played Wonderwall for him.",
        "Cheyne-Stokes breathing, then Guillain-Barré on the differential.",
        "Naloxone worked in the end. Zopiclone did not help me sleep.",
        "He came back too late, with a potassium of 7.9 and a pH of 7.1.",
        "I read her the Psalms, and the Quran for the man in the next bed.",
        # Round 13: songs in quotes after singing, a poet read aloud, acronyms in the plural, a
        # country of two words, "Block 2" of a rotation.
        'His family sang "Aloha \u02bbOe" and then "Ar Hyd y Nos", and read Hafez to him.',
        "She stopped her ARVs when she moved house.",
        "She moved here from Sri Lanka, and her sister from Costa Rica.",
        "I was in Block 2 of my rotation when it happened.",
        # Round 14: pets' names, a medal.
        "She had a cat called Tibbles, and her dog's name was Biscuit.",
        "His only possession was a Miraculous Medal on a string.",
        # Round 15: a prayer, a saint, a composer.
        "It played the Japji Sahib; she prayed to La Altagracia; he played Smetana.",
        # Round 16: eponyms joined by a hyphen stay, even after "in"; a language; a final.
        "Cheyne-Stokes breathing came in Cheyne-Stokes runs, worse in Guillain-Barré.",
        "Her mother spoke K'iche' and he died during the final of the Copa América.",
        # Round 17: a song named after its verb without quotes, an eponym with a word joined to
        # it, prayers, languages, a department starting a story, a river, a mask, a service
        # that is no hospital, acronyms of clinical work before a city.
        "He sang Senzeni Na at her bedside, and they played Amazing Grace.",
        "I checked his Apgar-era birth notes, and the Foley-type catheter.",
        "We said the Shema together. Christos Anesti, we said at midnight.",
        "She sang to him in Navajo, and her son translated from Quechua.",
        "Paediatrics was my first rotation. Psychiatry was my second.",
        "They took him home across the Nile on a felucca.",
        "I wore an N95 mask and took the R0 figures off the wall.",
        # (Round 41: SAMU, named, is an organisation now; EMS stays a kind of service.)
        "EMS in the city came first; it was an OHCA in the street and a RTC, near the bridge.",
        # Round 18: languages, day units that are no days, a plain hospital of a faith, an
        # age that is no name's.
        "Her granddaughter sang in Chichewa; his mother in Kreyòl.",
        "She was on the Oncology Day Unit, then on the Surgical Day Ward.",
        "It was a Catholic hospital in the city.",
        "In the end, 34, maybe 35, of us came to the funeral.",
        # Round 19: a pilgrimage, and a pronoun after a title's full stop.
        "She died after Hajj. Her sons took her home.",
        # Round 20: peoples and languages, a brand, a figure of a mine.
        "The Nez Perce family drummed; she spoke Kriol and Sepedi; a Viking helmet.",
        "A cold Coca-Cola, and a bag of coca for El Tío.",
        # Round 21: a department's letters opening a story, a kind of ward, a ward round, a
        # vitamin on a road's letters, a clinical stage.
        "ED in the city. I was on the Surgical ward before the ward round.",
        "She was on the B12 injections; her cancer was in Stage 4.",
        # Round 22: the day of writing, a surgeon's operation, a drug alone as a sentence, a
        # vitamin and a drip by their letters.
        "I'm writing this on Sunday because I can't sleep.",
        "He died three days after his Whipple.",
        "Amiodarone. Then adrenaline, twice.",
        "He was started on B12 and then on D5.",
        # Round 23: a habit's weekdays, letters looked at, a meeting's letters, a nameless
        # patient, a unit and a span of days.
        "I still think about him on Thursdays, which was his dialysis day.",
        "I looked at the CXR again, then we met at the MDT.",
        'We called him "John Doe" for three days.',
        "He was in ICU 2 days later.",
        # Round 24: a pet beside its animal, a hymn after "the", a shrine,
        # a sentence opening with a common word that is a town, words that are not names in
        # small letters.
        "She died with her dog, Biscuit, on the bed.",
        "The sisters were singing the Salve Regina.",
        "They came straight from the Golden Temple.",
        "Reading the notes again, I cried. Bath time was hard after.",
        "i went back to reading after the shift and my son was asleep in bed. i cried",
        # Round 25: a vitamin after "on", an age beside a ward, a contraction.
        "She was on B12 and D3 for months.",
        "His Mum found him. I'm not his doctor, I'm hers.",
        # Round 26: a story in Spanish keeps its words, its ages of 89 and under, la UCI.
        "Trabajo de noche en la UCI. Su hija llegó diez minutos tarde. Le cogí la mano. Era así.",
        "El niño tenía 6 años. Murió de una leucemia. Su aita le cantó en euskera toda la tarde.",
        # Round 27: a song sung in Spanish.
        'Su nieto le cantó "En mi Viejo San Juan" con una linterna en la mano, muy bajito.',
        # Round 28: "May" the verb after "that", the Surgeon General.
        "I hope that May I see you again soon.",
        # Round 31: sweets, wipes and radio stations; a pet and a song in Spanish; "called an
        # ambulance".
        "His wife brought in a tin of Quality Street, and I wiped it with Clinell.",
        "She died listening to Radio 4, which was the most her thing.",
        'El gato se llamaba Tigre y no se quiso bajar. Le puse "Mediterráneo" en el móvil.',
        "We called an ambulance. The Ambulance came in ten minutes.",
        # Round 30: products, a team on a shirt, the Virgin prayed to, a sign-off after a
        # dash, common words after "at the" and "dad" in small letters.
        "It's all on Datix now, and the GoPro was running the whole time.",
        "He was buried in his Celtic shirt.",
        "Su mamá tenía la camiseta del Olimpia en las manos. Dijo que se la llevó la Virgen.",
        "hoy lloré mucho en el coche y no puedo parar de llorar — Paz",
        "i was at the station and then in the car. at the end my mum was tired. dad held me",
        # Round 29: a common word after a title or a relation written small.
        "hoy fue muy duro. el señor mayor de la cama de al lado lloraba. su hijo mayor no vino",
        # … and what English capitalises inside a sentence that is no identifier: faith and
        # family, contractions, peoples and languages, eponyms' phrases.
        "He was a Jehovah's Witness who said God bless, and I'd told Mum.",
        "Our Polish and Somali colleagues prayed in Arabic with the family.",
        "I did the Swan Ganz and the Glasgow Coma Scale twice.",
        # Session 27: a role opening a story in Spanish, which the English model takes for a
        # place.
        "Matrona en el paritorio esa noche. Me quedé con la madre hasta que amaneció.",
        "Pediatra de guardia en la planta. Nadie me había dicho que dolería tanto.",
        # Session 28: another role, and everyday words the tagger marked in a capitalised
        # story.
        "Neurólogo de guardia esa noche. Me escribió una carta antes de morir.",
        "Murió de noche mientras en la calle sonaban las cuecas. Me comí la empanada llorando.",
        # Round 34: everyday Spanish after a preposition in small letters is no place.
        "se murió en paz, con su hija y su nieta. vino desde lejos para verla y llegó a tiempo",
        "hoy en la planta lloré mucho. su hija vino desde casa en bici y no llegó a tiempo",
        # Round 35: a Spanish short name that is an English snack, a baby's age and a word,
        # faith lost (not the hospital La Fe), letters that are no service.
        "nacho cheese on the night shift again. then home to bed, wrecked",
        "se murió un bebé de 3 meses, muy pequeño. la mamá no lloró. yo sí, en el coche",
        "esa noche perdí la fe en la medicina. luego volví al día siguiente",
        "we were with her at the end and i held her hand. her son came in with his tea",
        # Round 36: a device, a unit's days, a season passing.
        "We took the BiPAP off at 3 and she went peacefully. Her son held her hand.",
        "Estuvo en la UCI 3 días y luego subió a planta. Su hija no se movió de su lado.",
        "Summer passed quickly after that, and the ward got busier.",
        # Round 37: a name not given, a prayer, a baby's age and a word.
        "the mum called him beautiful and kissed him. i cried in the sluice",
        "rezamos en la santa misa por él. su hija lloraba y yo también",
        "se murió un bebé de 3 meses, prematuro. la mamá no paraba de llorar",
        # Round 38: "don" in English.
        "I don my gown and apron and go in. Nobody else wanted to.",
        # Round 39: an illness after an age, a wife by her title, the road home, a team that
        # lost, a saint on a card, a concert, a device, a coffee, an aneurysm, a club.
        "murió una niña de 4 años, neumonía. la mamá no paraba de llorar",
        "su señora traía un termo con té. me dio un vasito a mí también",
        "la carretera a casa se me hizo eterna. la salida a urgencias estaba cerrada",
        "He asked me to check the football scores. Cambridge United lost. He said it figured.",
        "Su abuela llegó con una estampita de Gauchito Gil. Se la puse en la mano.",
        "Quería ir a un concierto de Bad Bunny. No llegó.",
        "Su hijo le dijo que el equipo de Alianza había ganado. No era verdad.",
        "Con el Cough Assist ya no podíamos. Se cansaba mucho.",
        "She asked for a Dunkin' iced coffee at 10pm. She had two sips.",
        "He had a AAA repair years ago and played for the GAA club.",
        # Round 40: a singer on the stereo, a song whose first word is a name, a scripture, a
        # verb after "to", a grandmother, a dog, a team, a medal of the Virgin.
        "He asked for Elvis on the stereo. We played Love Me Tender twice.",
        "His son read to him from the Bhagavad Gita. I turned the alarms off.",
        "stillbirth at 39 weeks. dad wanted to bath her himself. i showed him how to hold her head",
        "La abuela trajo una mantita que había tejido. La envolvimos en ella.",
        "Murió en la ambulancia. Su perro, Negro, se quedó esperando en la vereda.",
        "Le dijo que el Barça había ganado. No sé si era verdad.",
        "Llevaba una medalla de la Santina. Se la di a su madre en el hospital.",
        # Round 42: a fan's team, whom a guitar played, a meal named for its day, a jacket, salt.
        "Su papá era hincha de Boca y le puso la camiseta. Tocó Camarón hasta el final.",
        "She wanted to go home for one last Sunday dinner. Her coach wore his Ravens jacket.",
        "le puso sal a la sopa y se la comió. le pusieron morfina y oxígeno y se durmió",
        # Round 43: a song and its singer, a singer's and a poet's works, a drink, a console, a
        # job's letters, a Spanish verb opening a sentence, a scanner, a trisomy, 36 weeks.
        "Le pusimos Alfonsina de Mercedes Sosa. Cantaba boleros de Lucho Gatica de joven.",
        "Her brother sang the whole of Amazing Grace and then a bottle of Lucozade went round.",
        "His PlayStation stayed on in the corridor. EMT for ten years, nights mostly.",
        "Llegamos tarde. Lloraba su nieta en la puerta. Olía a tabaco la cocina.",
        "He went to the MRI at four. The scan showed nothing new.",
        "un bebé con la t-21 y una cardiopatía. ingresó a las 36 sem de gestación",
        # Round 44: a town's name that is also a bedside table, or a care home's.
        "le dejé la labor sin terminar en la mesilla. se murió a las tres",
        # Round 45: a count of a hundred, a team's scores, whom someone listened to, a costume,
        # a job opening a note, a sign-off in English and in Spanish, a word between commas.
        "She had a hundred grandchildren and knew every birthday. He read her the Yankees scores.",
        "Murió escuchando a Camarón. Llevaba un disfraz de Batman. Partera de guardia y sola.",
        "They were still wet when we left. Regards, Sam",
        "Se murió en su casa con la lumbre encendida. Un abrazo, Luisa",
        "a woman of 80, confused, on the floor. we got her up and warm",
        # Round 46: a word between commas, a crematorium, a baby withdrawing, a song, a toy.
        "a man, hypothermic, in the snow. his wife sat with him after",
        "A baby with NAS on the unit, and a mum who came every day.",
        "Su hija me pidió que le pusiera Diomedes Díaz. Le trajo su peluche de Pikachu.",
        # Round 47: a song with small words, a team's fan, a sign-off, a sister at the bedside,
        # a road described, a language, a street that is only "la calle".
        "His band played Will the Circle Be Unbroken. He was a Manchester City fan to the end.",
        "she died with her sister holding her hand. we drove back down a busy road",
        "The aunties sang in Tongan all night. Thanks for reading, Ellie",
        "los vecinos sacaron sillas a la calle para esperar. ninguno se fue a dormir",
        # Round 48: a song in Tagalog in a note typed small, a prayer, the King, a sign-off,
        # a verb after a grandmother.
        "lola died in the night. her grandchildren sang Ang Pasko ay Sumapit though it was june",
        "His granddaughter read him the Sh'ma at the very end. All the best, Priya",
        "Cumplió los cien en primavera y le escribió el Rey. Tenía la carta en la mesilla.",
        "his gogo sang in the corridor. i didn't know the hymn but i knew what it meant",
        # Round 49: a book read to someone, a song that played, a verb opening a sentence,
        # "el servicio" where a student rotates, the 112 called at night.
        "His dad read him the whole of The Very Hungry Caterpillar. He lived forty minutes.",
        "La madre pidió que sonara Nana de Sevilla. La cantamos entre tres. Desafinamos todas.",
        "estaba rotando en el servicio aquella noche. su hija llamó al 112 de madrugada",
        # Round 50: a Virgin prayed to by her title, a bedside anthem, a Māori sign-off, a
        # station that is no town's, an everyday word where someone worked.
        "Pidió que le pusiéramos una misa de la Virgen de los Remedios. La pusimos en la tablet.",
        "Le rezaba a la Virgen del Carmen cada noche. Se fue tranquila.",
        "He wanted You'll Never Walk Alone at the end, so his lads sang it. I watched from the"
        " bay. Kia kaha, Mere",
        "we waited at the ambulance station. nobody spoke. the nurses station was empty too",
        "he'd been a cleaner at the school for years. she worked at night",
        # Round 51: a poet quoted, a team's shirt, a title in Spanish letters, two years and a
        # night shift in fours, a feast of food, an adjective after an age, a beach.
        "He had quoted Horace in his last letter to the ward.",
        "su nieto le puso la camiseta de Rosario Central encima de la sábana",
        "Los vecinos pusieron Veinte años en la radio. Nadie habló.",
        "I worked there 2019 2020, nights 2300 to 0700, and never saw a death like it.",
        "the family brought a feast of samosas. we ate them at 3am",
        "un señor de 80, hipotenso, llegó tarde a urgencias",
        "se ahogó en la playa. sus amigos lo sacaron",
        # Round 52: a toy's hero, an image in a procession, a role after "Junior", a verb after
        # a mother.
        "Su mamá le había comprado un Spiderman de plástico en el mercado.",
        "Murió mientras pasaba la procesión del Cautivo. Le abrimos la ventana.",
        "Junior resident on nights. The patient died at 4am and I was on my own.",
        "la mamá caminó cuatro horas con el niño en brazos. no llegamos a tiempo",
        # Round 53: words of the ward no dictionary knows, after words that place them.
        "back in resus at 3am. moved him to paeds hdu after, then to picu. in asystole by 4",
        "la pasamos a reanimación con entonox y luego con midazolam. estaba en asistolia",
        "she went into hyperkalaemia. we started him on bumetanide and then with tenecteplase",
        # Round 54: a drink by its brand, a prayer recited, a Virgin on an image, a syndrome
        # after "with", the Catalan "his".
        "He asked for a Coke and died with the can in his hand.",
        "His grandchildren recited Yasin together at the bedside.",
        "Nos esperaba con una imagen de la Virgen de Zapopan en la puerta.",
        "a baby with nas, weaned off morphine on the unit",
        "el seu fill va arribar tard. ningú va dir res",
        # Round 55: a name of God, a role after an age, a clinic of everyday words.
        "Her great-grandson said Waheguru under his breath at the foot of the bed.",
        "un conductor de 38, el motorista, se quedó con él hasta que llegamos",
        "la llevamos a la clínica privada de la esquina. no llegó",
        "a man, hypothermic, 45, found in the snow by the bins",
        # Round 56: a hymn, a kind of apple, being out of something, "dona" as a verb, a
        # month before a count, going out to eat.
        "Her son sang Blessed Assurance at the bedside. Then nobody spoke.",
        "He brought her a bag of Gala apples and she smiled at them.",
        "the crew was out of hope by then and we had run out of adrenaline",
        "the patient, unresponsive. we started compressions at once",
        "cada mes dona sangre en el hospital y yo nunca he podido",
        "salimos a cenar después de la guardia y nadie habló de él",
        "in march 2 of us left the unit and i stayed on nights",
        # Round 57: states of the body opening a sentence, a feast of food, everyday words
        # after "the", letters of a syndrome.
        "Tachycardic, then bradycardic. We called it at 4.",
        "Hypothermic, then asystole. We warmed him for hours.",
        "A feast of Italian food after the funeral. We ate in silence.",
        "in the foothills above the town a man died in his car",
        "my alma mater was in the city. she died at 4 am. i cried in the car",
        "a baby with nas, weaned off morphine on the unit, 6 weeks",
        # Round 58: a singer put on, a team by its last word, a country by its short name, a
        # language and a people.
        "Pidió que le pusieran a Rocío Jurado. Se fue escuchándola, con su hija al lado de la"
        " cama.",
        "Rovers had lost again and he smiled about it.",
        "He was a Korea veteran and a quiet man.",
        "Her daughter sang to her in Kikuyu all night.",
        "A Yolŋu elder died on the ward at dawn.",
        # Round 59: weather that is also a first name, a team's man, ages of family.
        "stood in the gale at the door, then went back in",
        "a Huddersfield Town man to the end, he asked for the score",
        "mum was 60 and dad was 62. he was 40. it was 3 am",
        "he lived in the county and in our county all his life",
        # Round 60: a song asked for, a street described by its article, a lodge, a highway
        # described.
        "Pidió que le cantáramos Volver. Cantamos mal, pero cantamos.",
        "vivía en el barrio el que está detrás de la iglesia, solo",
        "we went up to his hunting lodge after the funeral",
        "we drove on the main highway and on the old highway home",
        # Round 61: a prayer read, someone carried by a pronoun, the local pub, a language,
        # a word of a service's name.
        "His wife read Yasin by the bed and then sat quietly.",
        "we brought him in from the car and then went to the local pub after the shift",
        "she prayed in yup'ik all night by the bed",
        "Flight nurse with the air ambulance. A long night.",
        # Round 62: a role opening a note, parts of the body, a boat, a big beach.
        "Registrar on nights. A man died at 4 and I sat with his wife.",
        "cáncer de páncreas y de cérvix, con metástasis en el fémur",
        "sus compañeros de la panga no se querían ir del muelle",
        "en la playa grande no había nadie esa mañana",
        # Letters the list holds in capitals (SAME, CVS, UST) written as a word.
        "Same for me. You are not alone.",
        "Ust a moment, he said, and then he was gone. Cvs and all.",
        # Round 72: the day of writing in Spanish, a habit of a weekday.
        "Escribo esto el lunes por la noche, después del turno.",
        "Venía los martes y los jueves a diálisis.",
        # Round 71: a gerund after "hospital" in small letters, a song on a phone, a word said
        # as a word.
        "murió en el hospital mirando por la ventana hacia las torres",
        "We gathered in the break room and someone played Shosholoza on their phone.",
        "She liked the word Grace said slowly, so I said it at every round.",
        # Round 77: a blood pressure by its letters, a hospital's community by its kind, a
        # volunteer's role, a country's social security, Botswana's card.
        "BP 120/80 on arrival and then nothing.",
        "We moved her to the Community Hospital for her last days.",
        "Volunteer EMT on the night it happened.",
        "Llamé a la Seguridad Social para lo del entierro.",
        "He showed me his Omang and then closed his eyes.",
        # … nor readings, years or an amount in groups.
        "BP 120/80 85/50 90/60 on the way in.",
        "In 1998 2004 2011 she came in with the same pain.",
        "Su hermano pagó 1.250.000 pesos por el funeral.",
        # Round 78: peoples written small, a national police, an identity card's name, a
        # rosary prayed, a hill by a relative's word.
        "La señora era rarámuri y nadie le había visto la tuberculosis.",
        "Lo bajó el helicóptero de la Guardia Civil y nosotros esperamos abajo.",
        "His Aadhaar card was stapled to the file.",
        "Rezamos el rosario con su familia a las nueve de la noche.",
        "we walked up to mum's hill after the funeral",
        # Round 79: a postcode's name, a language, a Vincentian, cured meat.
        "The Eircode was wrong on the call, so we drove round for ages.",
        "The choir sang in Mizo at the door of the ward.",
        "He asked for a Vincy soca song and we played it low.",
        "su mujer le trajo la boina y un trozo de cecina envuelto en un trapo.",
        # Round 80: a town's feast without its day.
        "Fuimos a la fiesta del pueblo sin pensar en nada.",
        # Round 81: a verb after a relative, oxygen, a cheese, a language, a rowing boat.
        "his son rang me at six to say the oxygen had run out.",
        "He put her on the NRB and then on the O2 at 4.",
        "His daughter brought Wensleydale and fruit cake.",
        "Her daughters sang hymns in Khasi all night.",
        "Sus compañeros de la trainera hicieron RCP en el muelle.",
        "Llegó la víspera de la operación, nerviosa.",
    ],
)
def test_what_is_not_an_identifier_survives(text: str) -> None:
    assert find(text) == [], find(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Round 71: a state or a nation after its town, a job opening a note.
        ("Paramedic out of Tamworth, New South Wales. Tevita Havili, 24, collapsed.", "Wales"),
        ("Student paramedic in Kalispell, Montana. Mrs. Vilma Sotelo, 63, fell.", "Montana"),
        ("Licenciada en Riberalta. Abundio Montenegro, 38, castañero.", "Licenciada"),
        ("Registrar, Causeway Hospital. Mr. Fergal Devereux, 45, came off his quad.", "Registrar"),
        # Round 74: a house surgeon's "House".
        ("House surgeon at Government Medical College Kozhikode. Fathima Beevi, 52.", "House"),
        # Round 75: a supervisor opening a note.
        (
            "Supervisora en el Hospital Gutiérrez Ortega. Julián Mateos, 55, bodeguero.",
            "Supervisora",
        ),
        # Round 76: an intensive care doctor opening a note in Argentina.
        ("Terapista en el Hospital Olga Stucky de Rizzi. Walter Zamparo, 51.", "Terapista"),
        # Round 78: a people written small after a name, a volunteer's role.
        ("Médico pasante en Guachochi. Doña Ciriaca Batista, 58, rarámuri, tuberculosis.",
         "rarámuri"),
        ("Volunteer EMT with Dawes County Rescue out of Chadron. Lyle Tschetter, 59.",
         "Volunteer"),
        # … and the rosary prayed, in es 50's story, where the tagger read it as a name.
        ("Enfermera del Hospital Alfredo Noboa Montenegro de Guaranda. Don Segundo Chimbo, 74, "
         "arriero de Salinas, llegó con neumonía y el poncho mojado. Su cédula, 0201447735, la "
         "tenía su hijo escrita en un cuaderno. Rezamos el rosario con su familia a las nueve de "
         "la noche.", "rosario"),
    ],
)  # fmt: skip
def test_a_state_a_job_or_another_word_stays_beside_identifiers(text: str, kept: str) -> None:
    spans = find(text)
    assert len(spans) >= 2
    assert not any(kept in s.text for s in spans), spans


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("MRN 4471829 67 years old, from the farm.", "4471829"),  # an age after it
        ("Gave 4471829 5 mg by mistake, the chart says.", "4471829"),  # a dose
        ("His ID 4471829. 5 days later he died.", "4471829"),  # the next sentence
    ],
)
def test_a_number_in_groups_stops_before_an_age_a_dose_or_a_sentence(
    text: str, number: str
) -> None:
    """Round 75: the groups beside a number found join it, but not what only follows it."""
    ids = [s.text for s in find(text) if s.type == "ID"]
    assert ids and all(i.endswith(number) for i in ids), ids


def test_a_national_day_after_its_date_is_not_found_again() -> None:
    """Round 72: es 4, 26 and 27 mark "el [[25 de agosto|DATE]], día de la independencia"."""
    text = "Murió el 25 de agosto, día de la independencia."
    assert [s.text for s in find(text)] == ["el 25 de agosto"]


def test_no_span_stops_inside_a_word() -> None:
    """Round 71: beside an email of "wakemed.org", a name found at the start of "WakeMed"
    took "Wake" and left "Med"."""
    text = (
        "Night charge nurse, WakeMed ED in Raleigh. I gave her my email, rn.mcgraw@wakemed.org, "
        "and she still writes."
    )
    spans = find(text)
    for span in spans:
        assert not (text[span.start - 1 : span.start].isalnum() and span.text[:1].isalnum())
        assert not (text[span.end : span.end + 1].isalnum() and span.text[-1:].isalnum())
    assert any(s.text.startswith("WakeMed") for s in spans)


def test_a_state_after_its_town_stays_only_where_it_is_no_first_name() -> None:
    """Round 71: "Kalispell, Montana" keeps its state; "Leeds, Georgia came too" may be a
    person, and a country that is one city is a place ("Queen Mary Hospital, Hong Kong")."""
    assert [s.text for s in find("We drove to Leeds, Georgia came too.")] == ["Leeds", "Georgia"]
    assert "Hong Kong" in [s.text for s in find("Stroke unit, Queen Mary Hospital, Hong Kong.")]
    assert "Montana" not in [s.text for s in find("A night in Kalispell, Montana.")]


def test_the_name_of_a_word_is_a_name_when_it_is_a_persons() -> None:
    assert "Grace" in [s.text for s in find("The name Grace was on her bracelet.")]


def test_a_name_read_across_a_verb_is_two_names() -> None:
    """Round 68: the statistical model read "Connor played Gresford" as one person; the verb
    between them splits it, and the tune played on a cornet is kept."""
    found = find("His grandson Connor played Gresford on a cornet in the corridor.")
    assert [(s.text, s.type) for s in found] == [("Connor", "NAME")]


def test_a_name_and_a_place_joined_by_do_are_one() -> None:
    """Round 69: "Santana do Livramento" was a name and a place with "do" showing between."""
    found = find("Doña Ondina cruzaba la frontera con Santana do Livramento cada semana.")
    assert [(s.text, s.type) for s in found] == [
        ("Doña Ondina", "NAME"),
        ("Santana do Livramento", "CITY"),
    ]


def test_a_person_put_somewhere_is_no_singer_put_on() -> None:
    """Round 58: "le pusieran a Rocío Jurado." is music; "puso a Carmen en la cama" is a
    person."""
    assert [s.text for s in find("Su hija puso a Carmen en la cama y se sentó.")] == ["Carmen"]


def test_a_name_given_in_spanish_is_no_title_of_a_song() -> None:
    """Round 51: a title in Spanish letters after "pusieron" is kept; a baby's name after "le
    pusieron" is still a name."""
    assert [s.text for s in find("A la niña le pusieron Lucía de nombre. Lloramos todos.")] == [
        "Lucía"
    ]


def test_a_number_after_an_age_is_an_age_only_where_the_writer_corrects_it() -> None:
    """Round 50: "91... no, 92" and "getting it wrong: 92" correct an age over 89; a heart
    rate of 95 after it is no age."""
    text = "Mr. Bell, 91... no, 92. His sats were 95, then 94 after that."
    assert [(s.text, s.type) for s in find(text)] == [
        ("Mr. Bell", "NAME"),
        ("91", "AGE"),
        ("92", "AGE"),
    ]


def test_a_kind_of_place_written_small_before_its_city_is_no_hospital() -> None:
    """Round 46: "at the lister in stevenage" names a hospital; "at the crem in hull" is the
    crematorium, a kind of place, and only the city is found."""
    assert [s.text for s in find("i was at the crem in hull after, on my own")] == ["hull"]
    assert [s.text for s in find("i was at the lister in hull after, on my own")] == [
        "lister",
        "hull",
    ]


def test_a_floors_wing_is_part_of_it_but_this_year_is_not() -> None:
    """Round 39: "la planta 3 norte" is one place; "este" before a noun is "this"."""
    assert [s.text for s in find("Enfermera de la planta 3 norte del hospital.")] == [
        "planta 3 norte"
    ]
    assert [s.text for s in find("Trabajo en la planta 3 este año y el que viene.")] == ["planta 3"]


def test_an_age_after_a_bays_number_is_no_bay_but_a_second_room_is() -> None:
    """Round 40: "bay 4, 88." ends with an age; "Rooms 12, 14 were empty" are two rooms."""
    assert [s.text for s in find("mrs hilda in bay 4, 88. i helped with last offices")] == [
        "mrs hilda",
        "bay 4",
    ]
    assert [s.text for s in find("Rooms 12, 14 were empty that night.")] == ["Rooms 12, 14"]


def test_a_season_or_a_kind_of_place_opening_a_story_before_its_city_is_no_organisation() -> None:
    text = "Summer in Leeds. Clinic in Whitehorse. A nurse at Intensive Care in Hull."
    assert [(s.type, s.text) for s in find(text)] == [
        ("CITY", "Leeds"),
        ("CITY", "Whitehorse"),
        ("CITY", "Hull"),
    ]


def test_a_street_keeps_a_kings_number_but_not_the_writers_i() -> None:
    assert [s.text for s in find("Aviso en la avenida Juan Carlos I. Llegamos tarde.")] == [
        "la avenida Juan Carlos I"
    ]
    assert [s.text for s in find("We met on Calle Mayor I think, near the market.")] == [
        "Calle Mayor"
    ]


def test_no_story_stays_in_the_scrubbers_memory_after_it_is_scrubbed() -> None:
    import wordfreq

    from alongside.lib import scrub

    tagger_words = len(scrub._tagger().vocab.strings)
    find("Su hija Maribel llegó tarde al Hospital de Cabueñes el martes.")
    find("Mrs. Quorravine Thistlemoor died on Yellowgate ward.")  # English: its frequencies

    assert scrub._doc.cache_info().currsize == 0
    assert scrub._in_spanish.cache_info().currsize == 0
    assert scrub._zipf.cache_info().currsize == 0
    assert wordfreq._wf_cache == {}
    strings = scrub._nlp().vocab.strings  # spaCy's words, which would otherwise grow
    for word in ("Quorravine", "Thistlemoor", "Yellowgate", "Maribel", "Cabueñes"):
        assert word not in strings
    # The learnt tagger's own words are those of the made-up stories it learnt from.
    assert len(scrub._tagger().vocab.strings) == tagger_words
    for word in ("Quorravine", "Thistlemoor", "Yellowgate"):
        assert word not in scrub._tagger().vocab.strings


def test_a_name_found_once_is_redacted_wherever_it_is_said_again() -> None:
    text = "Mrs. Fitzgerald asked me to ring her friend Peggy. Peggy was deaf. Peggy said I know."
    small = "the visitor pam came. her name was chantelle. i hope someone looks after chantelle"

    assert [s.text for s in find(text) if s.type == "NAME"] == ["Mrs. Fitzgerald"] + ["Peggy"] * 3
    assert [s.text for s in find(small) if s.type == "NAME"] == ["pam", "chantelle", "chantelle"]


def test_a_word_that_is_also_a_name_is_not_redacted_again_for_it() -> None:
    text = "our sister hope sat with him all night. we never gave up hope. i went home at six"

    assert redact(text).startswith("our [name] sat with him")
    assert "we never gave up hope." in redact(text)


def test_a_common_word_before_a_comma_and_a_city_is_no_hospital() -> None:
    text = "Morning, Leeds. It rained all day."

    assert [(s.text, s.type) for s in find(text)] == [("Leeds", "CITY")]


def test_a_kind_of_place_before_a_city_is_no_organisation() -> None:
    text = (
        "We sat with him at the Emergency Department in Leeds, then at the Acute Unit on Park Road."
    )

    assert [(s.type, s.text) for s in find(text)] == [("CITY", "Leeds"), ("ADDRESS", "Park Road")]


def test_the_writers_own_name_in_a_sign_off_stays() -> None:
    text = "We lost Mr. Byrne at 6:10 this morning. I'm taking a few minutes now.\n\n— Sam"
    assert [s.text for s in find(text)] == ["Mr. Byrne"]
    assert redact(text).endswith("— Sam")


def test_an_entity_of_the_model_ends_with_its_sentence() -> None:
    """Without its parser, spaCy once read "Enugu. Paediatric ICU" as one place."""
    text = "Then UNTH in Enugu. Paediatric ICU in Leeds. We lost Mr. Byrne."
    assert [(s.type, s.text) for s in find(text)] == [
        ("ORG", "UNTH"),
        ("CITY", "Enugu"),
        ("CITY", "Leeds"),
        ("NAME", "Mr. Byrne"),
    ]


def test_a_sign_off_on_the_last_line_of_text_stays_too() -> None:
    """Signed after the last sentence with a dash ("Thanks for reading. — Kerry"), even when the
    name is also a place; a name ending a sentence without the dash is no sign-off."""
    text = "We lost Mr. Byrne at 6:10 this morning. Thanks for reading. — Kerry"
    assert [s.text for s in find(text)] == ["Mr. Byrne"]
    assert [s.text for s in find("We sat with her all night. Her daughter is Kerry")] == ["Kerry"]


def test_redaction_puts_a_neutral_placeholder_in_each_span() -> None:
    text = "Mrs. Adebayo died on Ward 7B on 12th October; her son rang 07700 900461."
    assert redact(text) == ("[name] died on [ward] on [date]; her son rang [phone].")
    assert set(PLACEHOLDERS) >= {s.type for s in find(text)}
    spans = find(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    # Redacting only what the author did not choose to keep.
    kept = [s for s in spans if s.type != "LOCATION"]
    assert redact(text, kept) == "[name] died on Ward 7B on [date]; her son rang [phone]."


def test_a_bracketed_check_digit_is_redacted_with_its_number() -> None:
    assert redact("Her HKID was A123456(7).") == "Her HKID was [number]."
    assert redact("(Her number was A123456.)") == "(Her number was [number].)"


def test_overlapping_findings_become_one_span() -> None:
    spans = find("Cardiac arrest at the Hilton on 5th Avenue, in the ballroom.")
    assert [(s.type, s.text) for s in spans] == [("ORG", "Hilton on 5th Avenue")]
    assert Span(0, 3, "NAME", "Sam").as_dict() == {
        "start": 0,
        "end": 3,
        "type": "NAME",
        "text": "Sam",
    }


def test_the_stories_it_was_written_against_stay_fully_scrubbed() -> None:
    """A change that breaks what used to work shows here; how well it does on stories it has
    not seen is measured by bench/scrub_bench.py on the newest held-out set."""
    for story in load("scrub_tuning.txt"):
        spans = find(story.text)
        for marked in story.identifiers:
            value = story.text[marked.start : marked.end]
            assert any(s.start <= marked.start and marked.end <= s.end for s in spans) or all(
                any(s.start <= i < s.end for s in spans)
                for i in range(marked.start, marked.end)
                if value[i - marked.start].isalnum()
            ), f"{value!r} leaked in: {story.text[:60]}…"
        for trap in story.traps:
            assert not any(s.start < trap.end and trap.start < s.end for s in spans), (
                f"{story.text[trap.start : trap.end]!r} redacted"
            )


def test_the_evaluation_sets_are_big_enough_and_well_formed() -> None:
    on_disk = {path.name for path in DATA.glob("scrub_*.txt")}
    assert on_disk == set(SETS), "every set in tests/data is in tests/scrub_cases.SETS"
    names = SETS
    sets = [load(name) for name in names]
    assert sum(len(s) for s in sets) >= 120
    voices = {story.voice for stories in sets for story in stories}
    assert {"nurse", "doctor", "paramedic", "student"} <= voices
    for stories in sets:
        for story in stories:
            assert story.identifiers or story.traps


def test_the_evaluation_sets_keep_one_way_of_marking() -> None:
    """Slips made writing new sets (session 39), each of which changes a set's figures
    without any change to the scrubber: an English article inside a date's mark ("[[the 3rd of
    May|DATE]]"; the sets mark "the [[3rd of May|DATE]]"), and an age over 89 marked as a trap
    because the writer then corrects it ("{{90}}... no, she was 91": still an age over 89)."""
    article = re.compile(r"\[\[(?:the|The) [^|\]]+\|DATE\]\]")
    corrected = re.compile(r"\{\{(?:9\d|1[01]\d)\}\}\s*(?:\.\.\.|\u2026)")
    # Two more (session 40): a state is no place smaller than a state, so it is never marked
    # ("Auburndale, Florida"; Victoria and New York, which are cities too, are left out); and
    # a Spanish vehicle is marked by its number alone ("la ambulancia [[M-45|ID]]").
    state = re.compile(
        r"\[\[(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
        r"|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
        r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
        r"|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon"
        r"|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont"
        r"|Virginia|West Virginia|Wisconsin|Wyoming|Queensland|New South Wales|Tasmania"
        r"|Western Australia|South Australia|Northern Territory)\|(?!NAME)[A-Z]+\]\]",
        re.IGNORECASE,
    )
    vehicle = re.compile(
        r"\[\[(?:la\s+|el\s+)?(?:ambulancia|unidad|móvil|movil|patrulla)\s[^|\]]*\|ID\]\]",
        re.IGNORECASE,
    )
    for name in SETS:
        raw = (DATA / name).read_text()
        for slip in (article, corrected, state, vehicle):
            assert not slip.search(raw), (name, slip.search(raw))


def test_the_learnt_tagger_never_learnt_from_the_sets_that_measure_it() -> None:
    from alongside.lib import scrub

    meta = json.loads((scrub.TAGGER / "meta.json").read_text())
    trained_on = meta["alongside_trained_on"]

    assert not set(UNSEEN) & set(trained_on)
    assert set(trained_on) <= set(SETS)
    assert "scrub_tuning.txt" in trained_on


@pytest.mark.parametrize(
    ("text", "hospital"),
    [
        # Hospitals by a nickname in small letters, typed on a phone: no rule can list them.
        # ("at the vic" was one until round 47, when the rules learnt world first names: Vic.)
        ("celadora en el virgen macarena. se nos fue un señor a las 5", "virgen macarena"),
        # ("at wythenshawe" was another until round 53, when the rules learnt that a word no
        # dictionary knows after "at" is a place.)
        (
            "nights on ccu at royal oldham again. lost a man i'd looked after all week",
            "royal oldham",
        ),
    ],
)
def test_the_learnt_tagger_finds_what_no_rule_names(
    text: str, hospital: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alongside.lib import scrub

    # hospitals.txt lists both since session 28; the tagger learnt them without it.
    monkeypatch.setattr(scrub, "_hospitals_by_name", lambda text: iter(()))
    with_tagger = [(s.text, s.type) for s in find(text)]
    monkeypatch.setattr(scrub, "_tagged", lambda text: iter(()))
    rules_alone = [(s.text, s.type) for s in find(text)]

    assert (hospital, "ORG") in with_tagger
    assert (hospital, "ORG") not in rules_alone


@pytest.mark.parametrize(
    ("text", "hospital"),
    [
        ("nights on the frailty unit at pinderfields. mrs lumb went at 5", "pinderfields"),
        ("uci del doce de octubre. esta noche se fue un señor de un infarto", "doce de octubre"),
        ("student nurse at the royal london, my first death on placement", "royal london"),
        ("trabajo en el hospital la fe. hoy se murió una señora que cuidé", "la fe"),
        ("I did my elective at Salford Royal and lost my first patient there.", "Salford Royal"),
    ],
)
def test_a_hospital_is_found_by_the_name_staff_use(text: str, hospital: str) -> None:
    """hospitals.txt's names, in any letters, after a word that says where."""
    start = text.index(hospital)
    name = hospital.removeprefix("la ")
    assert any(
        s.type == "ORG"
        and s.start <= start + hospital.index(name)
        and start + len(hospital) <= s.end
        for s in find(text)
    ), find(text)


@pytest.mark.parametrize(
    "text",
    [
        # Everyday words a hospital is also called: only after "hospital" itself.
        "perdí la fe en el sistema después de aquella noche",
        "we walked on the heath after the shift and said nothing",
        "nos quedamos en la paz de la capilla un rato",
        "he had a good hope that his son would come in time",
    ],
)
def test_a_hospital_named_by_everyday_words_needs_its_word(text: str) -> None:
    assert not [s for s in find(text) if s.type == "ORG"], find(text)


def test_the_command_reads_stdin_and_prints_spans_and_the_redacted_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Dr. Patel called it at 14:32 on Easter Sunday."))
    out = io.StringIO()

    call_command("scrub", stdout=out)

    assert json.loads(out.getvalue()) == {
        "spans": [
            {"start": 0, "end": 9, "type": "NAME", "text": "Dr. Patel"},
            {"start": 32, "end": 45, "type": "DATE", "text": "Easter Sunday"},
        ],
        "redacted": "[name] called it at 14:32 on [date].",
    }


@pytest.mark.parametrize(
    ("kind", "found", "language", "everyday"),
    [
        ("CITY", "bici", "es", True),  # "desde casa en bici"
        ("ORG", "foothills", "en", True),  # a landscape, though a hospital is called so
        ("ADDRESS", "barrio el", "es", True),  # run on into the next words' article
        ("ORG", "hospital y yo nunca he podido", "es", True),
        ("NAME", "liam", "en", False),  # a person's name is left to the tagger
        ("CITY", "león", "es", False),  # a listed town, though an everyday word too
        ("ORG", "ninewells", "en", False),  # no everyday word
    ],
)
def test_tagged_spans_of_everyday_words_in_small_letters(
    kind: str, found: str, language: str, everyday: bool
) -> None:
    from alongside.lib.scrub import _tagged_everyday

    assert _tagged_everyday(kind, found, language) is everyday
