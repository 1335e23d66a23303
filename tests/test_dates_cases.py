"""Table-driven cases for the temporal layer: each expression's interval and precision.

Conventions (README "Dates"): early/mid/late are thirds of the unit; a week runs
Monday to Sunday; a bare weekday looks back in a report and ahead after a future
cue; "since X" has the interval of X.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import find_expressions

P = date(2025, 9, 8)  # a Monday
Q = date(2024, 3, 15)  # a Friday

# (language, published, text, expected expression text, date, date_end, precision)
CASES = [
    # --- Indonesian calendar dates in words and numbers
    ("id", P, "Pada 24 Februari 2022, Putin menyerang.", "24 Februari 2022", "2022-02-24", "2022-02-24", "day"),
    ("id", P, "Ia tiba pada 5 Maret 2021 di Jakarta.", "5 Maret 2021", "2021-03-05", "2021-03-05", "day"),
    ("id", P, "Perjanjian ditandatangani tanggal 1 Juli 2019.", "tanggal 1 Juli 2019", "2019-07-01", "2019-07-01", "day"),
    ("id", P, "Rapat digelar 05/03/2021 di Bogor.", "05/03/2021", "2021-03-05", "2021-03-05", "day"),
    ("id", P, "Rapat digelar 5-3-2021 di Bogor.", "5-3-2021", "2021-03-05", "2021-03-05", "day"),
    ("id", P, "Rapat digelar 25/12/2020 di Bogor.", "25/12/2020", "2020-12-25", "2020-12-25", "day"),
    ("id", P, "Data per 2021-03-05 menunjukkan kenaikan.", "2021-03-05", "2021-03-05", "2021-03-05", "day"),
    ("id", P, "Kapal itu tenggelam 17 Agt 2018.", "17 Agt 2018", "2018-08-17", "2018-08-17", "day"),
    ("id", P, "Kapal itu tenggelam 3 Des. 2018.", "3 Des. 2018", "2018-12-03", "2018-12-03", "day"),
    ("id", P, "Sidang berlangsung pada Rabu, 3 September 2025.", "Rabu, 3 September 2025", "2025-09-03", "2025-09-03", "day"),
    ("id", P, "Sidang dibuka Jumat (5/3/2021) pagi.", "Jumat (5/3/2021) pagi", "2021-03-05", "2021-03-05", "day"),
    ("id", P, "Menurut laporan KCNA pada hari Kamis (21/8/2025).", "hari Kamis (21/8/2025)", "2025-08-21", "2025-08-21", "day"),
    ("id", P, "Presiden berbicara di Istana, Senin ( 1/9/2025 ).", "Senin ( 1/9/2025 )", "2025-09-01", "2025-09-01", "day"),
    ("id", P, "Ia ditangkap Jumat (5/9) malam.", "Jumat (5/9) malam", "2025-09-05", "2025-09-05", "day"),
    ("id", date(2025, 1, 3), "Ia ditangkap Selasa (31/12).", "Selasa (31/12)", "2024-12-31", "2024-12-31", "day"),
    ("id", P, "Ia ditangkap pada 17 Agustus.", "17 Agustus", "2025-08-17", "2025-08-17", "day"),
    ("id", date(2025, 1, 5), "Ia ditangkap pada 28 Desember.", "28 Desember", "2024-12-28", "2024-12-28", "day"),
    # a yearless date that continues a story of an earlier year takes that year
    ("en", date(2025, 11, 20), "A deal was approved on 22 November 2023. The truce took effect on 24 November.",
     "24 November", "2023-11-24", "2023-11-24", "day"),
    ("id", date(2025, 11, 20), "Kesepakatan disetujui 22 November 2023. Jeda berlaku 24 November.",
     "24 November", "2023-11-24", "2023-11-24", "day"),
    # … and a day just after the story's last month, though a year back, goes on that story
    # (not the coming day of its name, weeks after publication)
    ("id", date(2024, 8, 5), "Wagner berbaris pada akhir Juni tahun lalu. Ia pindah pada pertengahan Juli, "
     "dan kamp ditutup akhir bulan itu.\n\nLalu datang 23 Agustus, ketika jetnya jatuh di Tver.",
     "23 Agustus", "2023-08-23", "2023-08-23", "day"),
    # "over the weekend" after a day weeks back: the weekend the story reached, not the last one
    ("en", date(2023, 9, 4), "On the evening of August 23, a Wednesday, the jet fell. A day later, the "
     "spokesman denied it.\n\nOver the weekend, investigators confirmed his death.", "Over the weekend",
     "2023-08-26", "2023-08-27", "week"),
    ("en", date(2023, 9, 4), "Over the weekend, investigators confirmed his death.", "Over the weekend",
     "2023-09-02", "2023-09-03", "week"),
    # a weekday, week or day of a month named by reference: the narrative's month or the paper's
    ("en", date(2025, 1, 27), "In early August the disorder spread. The lowest point came on the first "
     "Sunday of the month, when men tried to burn a hotel.", "the first Sunday of the month",
     "2024-08-04", "2024-08-04", "day"),
    ("en", date(2025, 1, 27), "The council meets on the last Friday of this month.",
     "the last Friday of this month", "2025-01-31", "2025-01-31", "day"),
    ("en", date(2024, 9, 2), "Riots spread in August 2024. By the last week of the month, calm returned.",
     "the last week of the month", "2024-08-25", "2024-08-31", "week"),
    ("id", date(2024, 9, 2), "Pada awal Agustus kerusuhan menyebar. Pada Minggu pertama bulan itu, massa "
     "menyerang hotel.", "Minggu pertama bulan itu", "2024-08-01", "2024-08-07", "week"),
    ("id", date(2024, 9, 2), "Sidang digelar pada hari terakhir bulan ini.", "hari terakhir bulan ini",
     "2024-09-30", "2024-09-30", "day"),
    # "next" before a noun whose verb is past tells no future: the past March, not the coming one
    ("en", date(2024, 11, 28), "The next eruption came in mid-March and ran for two months.", "mid-March",
     "2024-03-11", "2024-03-20", "month_part"),
    ("en", date(2024, 11, 28), "The next eruption is expected in mid-March.", "mid-March",
     "2025-03-11", "2025-03-20", "month_part"),
    # the month right after a past story's last part of a month goes on that story, in a new paragraph too
    ("en", date(2024, 11, 28), "The ground first stirred in late October of last year.\n\nThen, in November, "
     "the earthquakes marched south.", "November", "2023-11-01", "2023-11-30", "month"),
    # … not after a whole month (background): the month is the paper's
    ("en", date(2025, 9, 12), "The court ruled in June 2023 that he had abused his power.\n\nTrump in July "
     "announced a 50% tariff.", "July", "2025-07-01", "2025-07-31", "month"),
    # … but a day of the last weeks before publication is the news itself
    ("en", date(2025, 5, 23), "The record swap came on January 3, 2024. The deal was agreed in Istanbul on May 16.",
     "May 16", "2025-05-16", "2025-05-16", "day"),
    # … and not across a paragraph: a new paragraph may be back in the publication's year
    ("en", date(2025, 10, 1), "Biden laid out a plan in May 2024.\n\nIsrael struck Doha on September 9.",
     "September 9", "2025-09-09", "2025-09-09", "day"),
    # "a 20-point plan to end the war" is a noun, not "plans to": the Monday before publication
    ("en", date(2025, 10, 1), "Trump unveiled a 20-point plan to end the war in Gaza on Monday.",
     "Monday", "2025-09-29", "2025-09-29", "day"),
    # "the same day" after a whole month (background) goes back to the day of the news
    ("id", date(2025, 10, 27), "Timor-Leste diterima di KTT ASEAN pada Minggu (26/10/2025). Negara itu menjadi "
     "pengamat pada November 2022. Pada hari yang sama, Thailand dan Kamboja menandatangani deklarasi damai.",
     "Pada hari yang sama", "2025-10-26", "2025-10-26", "day"),
    # a day counted from part of a month is that part moved by it (not counted from an older day)
    ("id", date(2024, 6, 12), "Pada 31/5/2024 Biden berpidato. Awal Mei lalu, Hamas menerima usulan. "
     "Sehari kemudian, Israel merebut Rafah.", "Sehari kemudian", "2024-05-02", "2024-05-11", "month_part"),
    ("en", date(2025, 6, 5), "On the night of December 3, the decree banned politics. In late December, Han was "
     "impeached. The won sank the same day. Two days later a jet crashed.", "Two days later", "2024-12-23",
     "2025-01-02", "month_part"),
    ("id", date(2025, 10, 10), "Akhir November 2024, Prabowo ke London. Sehari sebelumnya ia diterima Raja Charles.",
     "Sehari sebelumnya", "2024-11-20", "2024-11-29", "month_part"),
    # the weekday after publication's, beside a clock's zone: already that day where it happened
    ("en", date(2024, 12, 3), "Yoon's cabinet formally lifted martial law on Wednesday, at about 2:30 pm Eastern "
     "time.", "Wednesday, at about 2:30 pm", "2024-12-04", "2024-12-04", "day"),
    ("en", date(2024, 12, 3), "The court ruled on Wednesday.", "Wednesday", "2024-11-27", "2024-11-27", "day"),
    # an anaphor opening a paragraph looks past the background the last one ended on
    ("id", date(2025, 6, 11), "Jembatan diserang pada Selasa (3/6). Jembatan itu diresmikan pada 2018, dihantam "
     "pada Oktober 2022 dan pada Juli 2023.\n\nDua hari sebelumnya, operasi Jaring Laba-laba digelar.",
     "Dua hari sebelumnya", "2025-06-01", "2025-06-01", "day"),
    # …but not past a month of its own paragraph: counted from it, the honest answer is that month
    ("en", date(2025, 9, 18), "Ships left on Tuesday.\n\nThe standoff began in April 2012 and flared in July "
     "2016.\n\nIn September 2023, the coast guard found a barrier. Divers cut it loose three days later.",
     "three days later", "2023-09-01", "2023-09-30", "month"),
    # a yearless day a few weeks after the day the last paragraph ended on goes on with its story
    ("id", date(2025, 5, 24), "India menyerang pada 26 Februari 2019. Keesokan harinya, Pakistan membalas.\n\n"
     "Imran Khan kemudian mengumumkan di depan parlemen pada 28 Februari bahwa pilot akan dibebaskan.",
     "28 Februari", "2019-02-28", "2019-02-28", "day"),
    # "the same Sunday": the Sunday the narrative has just dated, however far back
    ("en", date(2025, 11, 10), "ASEAN leaders signed the declaration on Sunday, October 26, 2025. The same Sunday "
     "afternoon, ASEAN admitted Timor-Leste.", "The same Sunday afternoon", "2025-10-26", "2025-10-26", "day"),
    # a yearless day of a past story may look a little back from the month its paragraph tells
    ("en", date(2025, 7, 22), "In August 2018, a series of quakes on Lombok killed more than 500 people. The first "
     "strong shock, on July 29, killed about 20.", "July 29", "2018-07-29", "2018-07-29", "day"),
    # an anaphor counts from its own sentence's date, however coarse (the honest answer is that month)
    ("id", date(2024, 2, 1), "AS menyerang pada Jumat (12/1/2024). Saat kapal itu dibajak pada November 2023, "
     "Kemlu baru bisa memastikan keesokan harinya bahwa tak ada WNI di kapal.", "keesokan harinya", "2023-11-01",
     "2023-11-30", "month"),
    # …and from its day rather than a "since" year after it
    ("id", date(2024, 12, 30), "Won melemah pada Jumat (27/12/2024), level terlemah sejak 2009, dan pada hari yang "
     "sama KOSPI turun.", "pada hari yang sama", "2024-12-27", "2024-12-27", "day"),
    # "the month" of a sentence that has just named one, though alone that month dated nothing
    ("en", date(2025, 1, 14), "Hezbollah entered the war on 8 October 2023. Then came September: the "
     "exploding pagers in the middle of the month.", "the middle of the month", "2024-09-11", "2024-09-20",
     "month_part"),
    # …but after a day told from the report's ("Kemarin"), a clock time is the report's own day
    ("id", date(2014, 12, 16), "Kemarin, minyak jenis premium turun 1,28 persen. Harga minyak WTI berada pada "
     "55,64 dollar AS per barel pukul 10:14 WIB.", "pukul 10:14 WIB", "2014-12-16", "2014-12-16", "day"),
    # within the narrative's day: "Hours later", "Within hours", "Tak lama kemudian"
    ("en", P, "A truce began on 19 January 2025. Hours later, Hamas freed three women.", "Hours later",
     "2025-01-19", "2025-01-19", "day"),
    ("en", P, "A truce began on 19 January 2025. Within hours Trump thanked Qatar.", "Within hours",
     "2025-01-19", "2025-01-19", "day"),
    ("en", P, "The ruling came on 4 April 2025. The following evening, crowds left.", "The following evening",
     "2025-04-05", "2025-04-05", "day"),
    ("id", P, "Gencatan senjata disepakati pada 10 Mei 2025. Tak lama kemudian, militer mengumumkan operasi.",
     "Tak lama kemudian", "2025-05-10", "2025-05-10", "day"),
    # a part of the day or a clock time alone in its sentence: the paragraph's day
    ("en", P, "- **10 May 2025** – Missiles strike air bases. Pakistan's army answers shortly before dawn.",
     "before dawn", "2025-05-10", "2025-05-10", "day"),
    ("id", P, "Demo pecah di Senayan pada Kamis (22/8/2024). Sekitar pukul 15.00 WIB, massa merobohkan pagar.",
     "pukul 15.00 WIB", "2024-08-22", "2024-08-22", "day"),
    # "(almost) exactly a year ago" is the part of that month, not the whole year
    ("id", date(2025, 6, 17), "Hampir tepat setahun lalu, Putin dan Kim meneken perjanjian.", "setahun lalu",
     "2024-06-11", "2024-06-20", "month_part"),
    ("en", date(2025, 6, 17), "Exactly two years ago, Kim visited Russia.", "two years ago", "2023-06-11",
     "2023-06-20", "month_part"),
    # a bare weekday in the paragraph of a day of that name is that day, however far back
    ("id", date(2025, 10, 14), "Pemerintahannya jatuh lewat mosi yang disahkan Kamis (5/12/2024) dini hari WIB. "
     "Barnier menyerahkan pengunduran diri pada Kamis siang waktu Paris.", "Kamis siang", "2024-12-05", "2024-12-05",
     "day"),
    # a timeline entry's month under its year's heading dates the entry (a bare month elsewhere does not)
    ("en", P, "## 2024\n\n- **7 February** — Aliyev wins a snap election.\n- **February** — Pashinyan says Armenia "
     "has frozen its part in the CSTO.", "February", "2024-02-01", "2024-02-29", "month"),
    # a date in a clause counted from, after its sentence's own, is not where the story goes on
    ("en", date(2025, 10, 10), "Lecornu resigned on Monday morning, 14 hours after unveiling a cabinet on Sunday "
     "evening. Macron asked him the same day to hold talks.", "the same day", "2025-10-06", "2025-10-06", "day"),
    ("id", date(2025, 10, 10), "Lecornu mundur pada Senin (6/10), beberapa jam setelah kabinetnya diumumkan Minggu "
     "(5/10) malam. Pada hari yang sama, Macron memintanya berunding.", "Pada hari yang sama", "2025-10-06",
     "2025-10-06", "day"),
    # a live blog's flashback: the weekday in one zone beside the date in another is that date's side
    ("en", date(2025, 6, 25), "Ojwang died in a police cell in the early hours of Sunday local time — Saturday "
     "evening Eastern time, June 7.", "Sunday", "2025-06-08", "2025-06-08", "day"),
    ("en", date(2025, 9, 10), "Talks resumed late Monday night Eastern time on Sept 2 last year.", "Monday night",
     "2024-09-02", "2024-09-02", "day"),
    # "a year ago today" is that very day
    ("en", date(2025, 6, 25), "It was a year ago today that protesters stormed parliament.", "a year ago today",
     "2024-06-25", "2024-06-25", "day"),
    ("id", date(2025, 6, 25), "Tepat dua tahun lalu hari ini, massa menyerbu parlemen.", "dua tahun lalu hari ini",
     "2023-06-25", "2023-06-25", "day"),
    # "two years ago this month" is that month, not the whole year
    ("en", date(2025, 11, 19), "Two years ago this month, Argentines elected a new president.",
     "Two years ago this month", "2023-11-01", "2023-11-30", "month"),
    ("id", date(2025, 11, 19), "Dua tahun lalu bulan ini, warga Argentina memilih presiden baru.",
     "Dua tahun lalu bulan ini", "2023-11-01", "2023-11-30", "month"),
    # a weekday after the week its sentence named is that week's
    ("en", date(2025, 7, 1), "Tariffs hit on March 4, 2025. The following week brought the strangest day "
     "of the saga: on the Tuesday, Trump threatened to double steel tariffs.", "on the Tuesday",
     "2025-03-11", "2025-03-11", "day"),
    # "by the Monday", "on the Monday": the Monday the story reached, not the last one before publication
    ("en", date(2024, 9, 12), "Saboteurs set fires in cable ducts in late July. By the Monday, SNCF had the "
     "network running again.", "By the Monday", "2024-07-22", "2024-07-22", "day"),
    ("en", date(2024, 9, 12), "The race was moved back by a day at the start of this month, and the athletes "
     "swam on the Monday instead.", "on the Monday", "2024-09-02", "2024-09-02", "day"),
    ("en", date(2024, 9, 12), "The athletes swam on the Monday.", "on the Monday", "2024-09-09", "2024-09-09",
     "day"),
    # a state's start after its sentence's own date, an older year looked back to: no point the story
    # goes on from
    ("en", date(2025, 12, 1), "In April last year, police stormed the embassy to seize Glas, who had "
     "sheltered there since December 2023. The day before, Quito expelled the ambassador.", "The day before",
     "2024-04-01", "2024-04-30", "month"),
    ("id", date(2025, 12, 1), "April tahun lalu, polisi menyerbu kedutaan untuk menangkap Glas, yang sejak "
     "Desember 2023 berlindung di sana. Sehari sebelumnya, Quito mengusir duta besar.", "Sehari sebelumnya",
     "2024-04-01", "2024-04-30", "month"),
    ("en", date(2025, 6, 1), "Voters went to the polls in late April. The rout recalled 1993. Singh resigned "
     "the same night.", "the same night", "2025-04-21", "2025-04-30", "month_part"),
    # "Then came January": the narrative's month, what follows counts from it
    ("id", date(2025, 11, 16), "November tahun lalu, dunia menyepakati target.\n\nLalu datang Januari. Trump "
     "meneken perintah keluar. Sepekan kemudian, suratnya tiba di PBB.", "Sepekan kemudian", "2025-01-01",
     "2025-01-31", "month"),
    ("en", date(2025, 11, 16), "Then came January. Trump signed the order.", "January", "2025-01-01",
     "2025-01-31", "month"),
    # a week from part of a month is that part moved by a week, not the week after its last day
    ("en", date(2025, 8, 11), "In early April, the tariffs landed. A week later, Trump paused most of them.",
     "A week later", "2025-04-08", "2025-04-17", "month_part"),
    # "the following Monday" after a month told: a Monday of that month, not one still to come
    ("en", date(2025, 8, 11), "Then, last month, the border exploded.\n\nThe following Monday, the two "
     "leaders sat across a table.", "The following Monday", "2025-07-01", "2025-07-31", "month"),
    # a year before a capitalised name is the name's ("the 2015 Paris Agreement"), not the sentence's year
    ("en", date(2025, 11, 10), "Trump signed an order to pull the United States out of the 2015 Paris "
     "Agreement on his first day in office, Jan. 20.", "Jan. 20", "2025-01-20", "2025-01-20", "day"),
    # "the last night of July" is July's, not last night
    ("en", date(2024, 9, 12), "Marchand won two finals on the last night of July.", "July", "2024-07-01",
     "2024-07-31", "month"),
    # a yearless month a clause in the past perfect names may lie a little before the story's date
    ("en", date(2025, 11, 3), "It is easy to forget how this looked in November 2023. Milei had finished "
     "second in the first round in late October.", "late October", "2023-10-21", "2023-10-31", "month_part"),
    # a month part of the month the story has reached continues it, though it starts before that date
    ("en", date(2025, 5, 12), "The handover was announced in mid-April 2024, and Wong named a cabinet. "
     "He became senior minister, and at the end of April he went to Bogor.", "the end of April",
     "2024-04-21", "2024-04-30", "month_part"),
    # a month in the sentence of a past day may lie just before it; the cue "dilantik pada" names that day
    ("id", date(2025, 10, 20), "Ketika Sheinbaum dilantik pada 1 Oktober tahun lalu, Guerrero masih berbenah "
     "setelah diterjang Badai John pada akhir September.", "akhir September", "2024-09-21", "2024-09-30",
     "month_part"),
    # "that Monday" after a span the narrative reached is a Monday of it, not today's Monday named before
    ("en", date(2025, 9, 8), "Today the peso trades stronger. Mexicans voted in early June last year. "
     "The shock came the next day. On that Monday the peso lost 4%.", "that Monday", "2024-06-02", "2024-06-11",
     "month_part"),
    # a month a new paragraph names goes on with a story told in order, not with background
    ("en", date(2025, 9, 8), "Mexicans voted in early June last year. The shock came the next day.\n\n"
     "The lower house approved the overhaul in early September.", "early September", "2024-09-01",
     "2024-09-10", "month_part"),
    ("en", date(2025, 7, 28), "Lai took office in May last year. He won on Jan. 13, 2024.\n\n"
     "In March, Lai described China as a hostile force.", "March", "2025-03-01", "2025-03-31", "month"),
    # "just over a week ago" is a few days beyond the week; "less than a week later" from a few days:
    # any day up to a week after any of them
    ("en", date(2025, 5, 12), "Just over a week ago, Singapore's voters answered with a yes.",
     "over a week ago", "2025-05-02", "2025-05-04", "week"),
    ("id", date(2025, 12, 1), "Awal Februari, Trump menuduh Afrika Selatan menyita tanah, dan kurang dari "
     "sepekan kemudian membekukan bantuan.", "kurang dari sepekan kemudian", "2025-02-02", "2025-02-17",
     "week"),
    # a month its own sentence goes on to after a late month of the year before is of the next year
    ("id", date(2025, 12, 1), "Indonesia menyatakan ingin bergabung dengan BRICS pada Oktober tahun lalu dan "
     "diterima sebagai anggota penuh pada awal Januari.", "awal Januari", "2025-01-01", "2025-01-10",
     "month_part"),
    # a deadline after its sentence's own day ("paling lambat 21 Juli") is no day the story goes on from
    ("id", date(2025, 7, 16), "Otoritas penerbangan India pada Senin (14/7) memerintahkan maskapai memeriksa "
     "pesawat paling lambat 21 Juli. Sementara itu, FAA pada hari yang sama menyatakan pengunci itu aman.",
     "pada hari yang sama", "2025-07-14", "2025-07-14", "day"),
    # "two weeks ago" is about that many weeks back, not the calendar week that day falls in
    ("id", date(2025, 5, 19), "Hasil ini berbeda dengan putaran pertama yang digelar dua pekan lalu.",
     "dua pekan lalu", "2025-05-02", "2025-05-08", "week"),
    # "the very next day" is the narrative's next day, not tomorrow
    ("en", date(2025, 5, 12), "On April 15 the ministry cut its forecast. The very next day, Wong asked "
     "for a dissolution.", "The very next day", "2025-04-16", "2025-04-16", "day"),
    # what "would begin" lies ahead of the report: "voting would begin on Dec. 28" in September
    ("en", date(2025, 9, 4), "Last month the commission announced that voting would begin on Dec. 28.",
     "Dec. 28", "2025-12-28", "2025-12-28", "day"),
    # what a timeline entry "sets" lies after the entry's day, not earlier in its year
    ("en", date(2025, 9, 20),
     "- **December 17, 2024** — The court agrees to hear the case and sets arguments for January 10.",
     "January 10", "2025-01-10", "2025-01-10", "day"),
    # a contraction's future cue follows its word: "I’ll … on Monday" is the coming Monday
    ("en", date(2025, 1, 18), "If he decides, he said, “I’ll probably announce it on Monday.”", "Monday",
     "2025-01-20", "2025-01-20", "day"),
    # "less than a week later" is any day up to a week on, not the days around a week on
    ("en", P, "The quake struck on March 28, 2025. Less than a week later, a plane took off.",
     "Less than a week later", "2025-03-29", "2025-04-04", "week"),
    ("id", P, "PSSI memecat Shin pada Senin (6/1/2025). Tak sampai sepekan kemudian, Kluivert tiba.",
     "sampai sepekan kemudian", "2025-01-07", "2025-01-13", "week"),
    # a month of the season the sentence before named is of that season's year
    ("en", date(2025, 9, 22), "The House passed the bill in March 2024. The Senate stalled, so leaders "
     "tucked it into an aid package in the spring. President Biden signed it in late April.", "late April",
     "2024-04-21", "2024-04-30", "month_part"),
    # a month so many years ago is that month of that year, not the whole year
    ("id", date(2025, 11, 5), "November dua tahun lalu, ekonom itu memenangi putaran kedua.",
     "November dua tahun lalu", "2023-11-01", "2023-11-30", "month"),
    ("en", date(2025, 11, 5), "In late March three years ago, the talks began.", "late March three years ago",
     "2022-03-21", "2022-03-31", "month_part"),
    # a feast or a hyphenated part of a month of a year named by reference
    ("en", date(2025, 3, 1), "On New Year's Day last year, a quake struck the Noto peninsula.",
     "New Year's Day last year", "2024-01-01", "2024-01-01", "day"),
    ("en", date(2025, 3, 1), "The low point came in mid-June last year.", "mid-June last year",
     "2024-06-11", "2024-06-20", "month_part"),
    # "two weeks later" is the days around that day, not the calendar week it falls in
    ("id", P, "Israel menyerang Damaskus pada 1 April 2024. Dua pekan kemudian Teheran menyerang Israel.",
     "Dua pekan kemudian", "2024-04-12", "2024-04-18", "week"),
    # hours from a date stay on its day
    ("id", P, "BI memangkas suku bunga pada Rabu (18/9/2024). Beberapa jam kemudian, The Fed menyusul.",
     "Beberapa jam kemudian", "2024-09-18", "2024-09-18", "day"),
    ("en", date(2025, 5, 6), "Putin spoke on 5 May 2025. About two hours later, Trump replied.",
     "About two hours later", "2025-05-05", "2025-05-05", "day"),
    # "Minggu" (also "week") closing a wire report's sentence after a comma is Sunday
    ("id", date(2025, 10, 28), "Timor-Leste resmi menjadi anggota ASEAN di Kuala Lumpur, Minggu.", "Minggu",
     "2025-10-26", "2025-10-26", "day"),
    # "N days after <a happening>" after a date of its sentence dates that happening N days before
    ("en", date(2025, 10, 28), "Anwar brokered a ceasefire on July 28, four days after fighting erupted.",
     "four days after", "2025-07-24", "2025-07-24", "day"),
    ("id", P, "KPU menetapkan hasilnya pada 24 April 2024, dua hari setelah MK menolak gugatan.",
     "dua hari setelah", "2024-04-22", "2024-04-22", "day"),
    # "hours after <a happening>" after a date of its sentence: that happening came the same day
    ("en", date(2025, 5, 12), "Putin made the offer late on Saturday, May 10, hours after European leaders met in Kyiv.",
     "hours after", "2025-05-10", "2025-05-10", "day"),
    ("id", P, "Kabinet diumumkan pada Minggu (20/10/2024) malam, beberapa jam setelah ia dilantik.",
     "beberapa jam setelah", "2024-10-20", "2024-10-20", "day"),
    # a day counted back from its sentence's date is a happening, not a comparison ("a decade earlier")
    ("id", P, "Gencatan senjata dicapai pada 28 Juli 2025 setelah bentrokan pecah empat hari sebelumnya.",
     "empat hari sebelumnya", "2025-07-24", "2025-07-24", "day"),
    ("id", P, "Pertemuan dijadwalkan 27 September mendatang.", "27 September mendatang", "2025-09-27", "2025-09-27", "day"),
    ("id", P, "Harga naik pada Januari 2024.", "Januari 2024", "2024-01-01", "2024-01-31", "month"),
    ("id", P, "Harga naik pada bulan Maret 2023.", "bulan Maret 2023", "2023-03-01", "2023-03-31", "month"),
    ("id", P, "Harga naik pada Mei 2023.", "Mei 2023", "2023-05-01", "2023-05-31", "month"),
    ("id", P, "Harga naik pada Maret lalu.", "Maret lalu", "2025-03-01", "2025-03-31", "month"),
    ("id", P, "Harga naik pada September lalu.", "September lalu", "2024-09-01", "2024-09-30", "month"),
    ("id", date(2025, 8, 25), "Mereka bertemu pertengahan Agustus lalu.", "pertengahan Agustus lalu", "2025-08-11",
     "2025-08-20", "month_part"),
    ("id", P, "Harga naik pada Desember mendatang.", "Desember mendatang", "2025-12-01", "2025-12-31", "month"),
    ("id", P, "Harga naik pada Agustus ini.", "Agustus ini", "2025-08-01", "2025-08-31", "month"),
    ("id", P, "Harga naik pada Juni.", "Juni", "2025-06-01", "2025-06-30", "month"),
    ("id", P, "Harga akan naik pada Juni.", "Juni", "2026-06-01", "2026-06-30", "month"),
    ("id", P, "Harga naik sejak Juni.", "Juni", "2025-06-01", "2025-06-30", "month"),
    ("id", P, "Harga naik pada bulan November.", "bulan November", "2024-11-01", "2024-11-30", "month"),
    # bare years where a year is meant
    ("id", P, "Kedua negara bersekutu pada 2002.", "2002", "2002-01-01", "2002-12-31", "year"),
    ("id", P, "Kedua negara bersekutu pada tahun 2020.", "tahun 2020", "2020-01-01", "2020-12-31", "year"),
    ("id", P, "Sebelum perang Ukraina 2022, hubungan hangat.", "2022", "2022-01-01", "2022-12-31", "year"),
    ("id", P, "Kerja sama itu dimulai pada 2023 lalu.", "2023 lalu", "2023-01-01", "2023-12-31", "year"),
    ("id", P, "Kota itu didirikan pada tahun 1527.", "tahun 1527", "1527-01-01", "1527-12-31", "year"),
    ("id", P, "Kota itu didirikan pada 1527.", "1527", "1527-01-01", "1527-12-31", "year"),
    ("id", P, "Kerja sama itu dimulai (2019) dan berlanjut.", "2019", "2019-01-01", "2019-12-31", "year"),
    # parts and qualifiers
    ("id", P, "Memasuki awal 2000-an, hubungan membaik.", "awal 2000-an", "2000-01-01", "2003-12-31", "decade_part"),
    ("id", P, "Hubungan membaik pada pertengahan 2019.", "pertengahan 2019", "2019-05-01", "2019-08-31", "year_part"),
    ("id", P, "Hubungan membaik pada akhir 2023.", "akhir 2023", "2023-09-01", "2023-12-31", "year_part"),
    ("id", P, "Hubungan membaik pada awal tahun 2022.", "awal tahun 2022", "2022-01-01", "2022-04-30", "year_part"),
    ("id", P, "Hubungan membaik pada penghujung 2013.", "penghujung 2013", "2013-09-01", "2013-12-31", "year_part"),
    ("id", P, "Pasukan tiba pada awal Maret 2024.", "awal Maret 2024", "2024-03-01", "2024-03-10", "month_part"),
    ("id", P, "Pasukan tiba pada pertengahan Maret 2024.", "pertengahan Maret 2024", "2024-03-11", "2024-03-20", "month_part"),
    ("id", P, "Pasukan tiba pada akhir Februari 2024.", "akhir Februari 2024", "2024-02-21", "2024-02-29", "month_part"),
    ("id", P, "Pasukan tiba pada awal Maret.", "awal Maret", "2025-03-01", "2025-03-10", "month_part"),
    ("id", P, "Pasukan tiba pada akhir bulan lalu.", "akhir bulan lalu", "2025-08-21", "2025-08-31", "month_part"),
    ("id", P, "Target itu dicapai pada awal tahun depan.", "awal tahun depan", "2026-01-01", "2026-04-30", "year_part"),
    ("id", P, "Pabrik berdiri pada akhir tahun lalu.", "akhir tahun lalu", "2024-09-01", "2024-12-31", "year_part"),
    ("id", P, "Laba naik pada kuartal ketiga 2024.", "kuartal ketiga 2024", "2024-07-01", "2024-09-30", "quarter"),
    ("id", P, "Laba naik pada kuartal III-2024.", "kuartal III-2024", "2024-07-01", "2024-09-30", "quarter"),
    ("id", P, "Laba naik pada triwulan I 2023.", "triwulan I 2023", "2023-01-01", "2023-03-31", "quarter"),
    ("id", P, "Laba naik pada kuartal kedua tahun ini.", "kuartal kedua tahun ini", "2025-04-01", "2025-06-30", "quarter"),
    ("id", P, "Laba naik pada semester pertama 2024.", "semester pertama 2024", "2024-01-01", "2024-06-30", "year_part"),
    ("id", P, "Laba naik pada semester II/2023.", "semester II/2023", "2023-07-01", "2023-12-31", "year_part"),
    ("id", P, "Harga turun hingga paruh pertama tahun depan.", "paruh pertama tahun depan", "2026-01-01", "2026-06-30", "year_part"),
    # decades and centuries
    ("id", P, "Musik itu populer pada 1990-an.", "1990-an", "1990-01-01", "1999-12-31", "decade"),
    ("id", P, "Musik itu populer pada tahun 1970-an.", "tahun 1970-an", "1970-01-01", "1979-12-31", "decade"),
    ("id", P, "Bangunan itu berdiri sekitar tahun 40-an.", "tahun 40-an", "1940-01-01", "1949-12-31", "decade"),
    ("id", P, "Musik itu populer pada akhir 1980-an.", "akhir 1980-an", "1987-01-01", "1989-12-31", "decade_part"),
    ("id", P, "Musik itu populer pada pertengahan 1960-an.", "pertengahan 1960-an", "1964-01-01", "1966-12-31", "decade_part"),
    ("id", P, "Perang besar terjadi pada abad ke-20.", "abad ke-20", "1900-01-01", "1999-12-31", "century"),
    ("id", P, "Kerajaan itu berjaya pada abad XV.", "abad XV", "1400-01-01", "1499-12-31", "century"),
    ("id", P, "Kerajaan itu runtuh pada awal abad ke-19.", "awal abad ke-19", "1800-01-01", "1833-12-31", "century"),
    ("id", P, "Tantangan terbesar abad ini adalah iklim.", "abad ini", "2000-01-01", "2099-12-31", "century"),
    # ranges and open intervals
    ("id", P, "Festival digelar 3-5 Maret 2024 di Solo.", "3-5 Maret 2024", "2024-03-03", "2024-03-05", "day"),
    ("id", P, "Festival digelar 3–5 Maret 2024 di Solo.", "3–5 Maret 2024", "2024-03-03", "2024-03-05", "day"),
    ("id", P, "Ia menjabat pada 2008–2012.", "2008–2012", "2008-01-01", "2012-12-31", "year"),
    ("id", P, "Ia menjabat pada 2008-2012.", "2008-2012", "2008-01-01", "2012-12-31", "year"),
    ("id", P, "Ia menjabat antara Mei 2021 dan Juni 2022.", "Mei 2021 dan Juni 2022", "2021-05-01", "2022-06-30", "month"),
    ("id", P, "Ia menjabat dari tahun 2010 hingga 2014.", "tahun 2010 hingga 2014", "2010-01-01", "2014-12-31", "year"),
    ("id", P, "Pameran berlangsung 3 Maret hingga 5 April 2024.", "3 Maret hingga 5 April 2024", "2024-03-03", "2024-04-05", "day"),
    ("id", P, "Harga stabil pada Juni-Juli 2014.", "Juni-Juli 2014", "2014-06-01", "2014-07-31", "month"),
    ("id", P, "Pengiriman berlangsung sejak akhir 2023.", "akhir 2023", "2023-09-01", "2023-12-31", "year_part"),
    ("id", P, "Perjanjian berlaku sejak Desember 2024 ini.", "Desember 2024", "2024-12-01", "2024-12-31", "month"),
    ("id", P, "Sanksi berlaku sejak 2018.", "2018", "2018-01-01", "2018-12-31", "year"),
    ("id", P, "Sanksi berlaku hingga akhir 2026.", "akhir 2026", "2026-09-01", "2026-12-31", "year_part"),
    ("id", P, "Harga terus turun sejak tahun 2009.", "tahun 2009", "2009-01-01", "2009-12-31", "year"),
    # relative to the publication date
    ("id", P, "Ia tiba kemarin di Jakarta.", "kemarin", "2025-09-07", "2025-09-07", "day"),
    ("id", P, "Ia tiba hari ini di Jakarta.", "hari ini", "2025-09-08", "2025-09-08", "day"),
    ("id", P, "Ia tiba besok di Jakarta.", "besok", "2025-09-09", "2025-09-09", "day"),
    ("id", P, "Ia tiba tadi malam di Jakarta.", "tadi malam", "2025-09-07", "2025-09-07", "day"),
    ("id", P, "Intelijen memperkirakan minggu ini ada korban.", "minggu ini", "2025-09-08", "2025-09-14", "week"),
    ("id", P, "Rapat digelar pekan ini.", "pekan ini", "2025-09-08", "2025-09-14", "week"),
    ("id", P, "Rapat digelar minggu lalu.", "minggu lalu", "2025-09-01", "2025-09-07", "week"),
    ("id", P, "Rapat digelar pekan depan.", "pekan depan", "2025-09-15", "2025-09-21", "week"),
    ("id", P, "Harga naik bulan lalu.", "bulan lalu", "2025-08-01", "2025-08-31", "month"),
    ("id", P, "Harga naik bulan ini.", "bulan ini", "2025-09-01", "2025-09-30", "month"),
    ("id", P, "Harga naik bulan depan.", "bulan depan", "2025-10-01", "2025-10-31", "month"),
    ("id", P, "Harga naik tahun lalu.", "tahun lalu", "2024-01-01", "2024-12-31", "year"),
    ("id", P, "Harga naik tahun ini.", "tahun ini", "2025-01-01", "2025-12-31", "year"),
    ("id", P, "Harga naik tahun depan.", "tahun depan", "2026-01-01", "2026-12-31", "year"),
    ("id", P, "Harga naik lima tahun lalu.", "lima tahun lalu", "2020-01-01", "2020-12-31", "year"),
    ("id", P, "Harga naik dua bulan lalu.", "dua bulan lalu", "2025-07-01", "2025-07-31", "month"),
    ("id", P, "Harga naik tiga hari lalu.", "tiga hari lalu", "2025-09-05", "2025-09-05", "day"),
    ("id", P, "Harga naik 10 tahun silam.", "10 tahun silam", "2015-01-01", "2015-12-31", "year"),
    ("id", P, "Harga naik sepekan lalu.", "sepekan lalu", "2025-09-01", "2025-09-07", "week"),
    ("id", P, "Harga akan naik dua tahun lagi.", "dua tahun lagi", "2027-01-01", "2027-12-31", "year"),
    ("id", P, "Harga naik akhir pekan lalu.", "akhir pekan lalu", "2025-09-06", "2025-09-07", "week"),
    ("id", P, "Pertemuan digelar di Beijing pada hari Rabu.", "hari Rabu", "2025-09-03", "2025-09-03", "day"),
    ("id", P, "Laporan KCNA terbit pada hari Kamis.", "hari Kamis", "2025-09-04", "2025-09-04", "day"),
    # A weekday with its time of day, then the date it names: one expression, the date's.
    ("id", P, "Tragedi itu terjadi pada Minggu dini hari, 2 Oktober 2022, di Malang.", "Minggu dini hari, 2 Oktober 2022",
     "2022-10-02", "2022-10-02", "day"),
    ("en", P, "The stadium crush came on Sunday night, Oct. 2, 2022, after the match.", "Sunday night, Oct. 2, 2022",
     "2022-10-02", "2022-10-02", "day"),
    # ISO's slashed and dotted forms (East Asian stamps).
    ("en", P, "The agency filed the report on 2024/06/20 at noon.", "2024/06/20", "2024-06-20", "2024-06-20", "day"),
    ("en", P, "The ministry confirmed it on 2024.06.20 in Seoul.", "2024.06.20", "2024-06-20", "2024-06-20", "day"),
    ("id", P, "Putin akan berkunjung pada hari Rabu.", "hari Rabu", "2025-09-10", "2025-09-10", "day"),
    ("id", P, "Sidang dijadwalkan pada Jumat mendatang.", "Jumat mendatang", "2025-09-12", "2025-09-12", "day"),
    ("id", P, "Sidang digelar Jumat lalu.", "Jumat lalu", "2025-09-05", "2025-09-05", "day"),
    ("id", P, "Sidang digelar Senin lalu.", "Senin lalu", "2025-09-01", "2025-09-01", "day"),
    ("id", P, "Sidang digelar pada Minggu pagi.", "Minggu pagi", "2025-09-07", "2025-09-07", "day"),
    ("id", P, "Sidang digelar Rabu pekan lalu.", "Rabu pekan lalu", "2025-09-03", "2025-09-03", "day"),
    ("id", P, "Sidang digelar Selasa malam.", "Selasa malam", "2025-09-02", "2025-09-02", "day"),
    ("id", P, "Presiden Maduro, Senin, mengatakan akan ada pemangkasan.", "Senin", "2025-09-08", "2025-09-08", "day"),
    # --- English
    ("en", Q, "Russia invaded Ukraine on Feb. 24, 2022.", "Feb. 24, 2022", "2022-02-24", "2022-02-24", "day"),
    ("en", Q, "The summit took place on March 5, 2021 in Hanoi.", "March 5, 2021", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on 5 March 2021 in Hanoi.", "5 March 2021", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on the 5th of March 2021.", "5th of March 2021", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on Friday, March 5, 2021.", "Friday, March 5, 2021", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on 3/5/2021.", "3/5/2021", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on 25/12/2020.", "25/12/2020", "2020-12-25", "2020-12-25", "day"),
    ("en", Q, "The summit took place on 2021-03-05.", "2021-03-05", "2021-03-05", "2021-03-05", "day"),
    ("en", Q, "The summit took place on Sept. 12, 2018.", "Sept. 12, 2018", "2018-09-12", "2018-09-12", "day"),
    ("en", Q, "The summit took place on May 9.", "May 9", "2023-05-09", "2023-05-09", "day"),
    ("en", Q, "The summit took place on March 2.", "March 2", "2024-03-02", "2024-03-02", "day"),
    ("en", Q, "The talks collapsed in March 2021.", "March 2021", "2021-03-01", "2021-03-31", "month"),
    ("en", Q, "The talks collapsed in March, 2021.", "March, 2021", "2021-03-01", "2021-03-31", "month"),
    ("en", Q, "The talks collapsed in May.", "May", "2023-05-01", "2023-05-31", "month"),
    ("en", Q, "The talks collapsed last March.", "last March", "2023-03-01", "2023-03-31", "month"),
    ("en", Q, "The talks collapsed earlier in March.", "earlier in March", "2024-03-01", "2024-03-31", "month"),
    # "later in November" after a past day is that day's November, not this year's
    ("en", date(2025, 1, 28), "The canopy collapsed on Nov. 1. A 15th victim died later in November.",
     "later in November", "2024-11-01", "2024-11-30", "month"),
    ("en", date(2025, 1, 28), "The talks will resume later in March.", "later in March", "2025-03-01",
     "2025-03-31", "month"),
    # a date a clause sets ahead ("as the date for") lies after its sentence's own day, in the next year
    ("en", date(2025, 5, 10), "- **November 12, 2024** — Leaders agree on February 23 as the date for an "
     "early election.", "February 23", "2025-02-23", "2025-02-23", "day"),
    ("en", date(2025, 5, 10), "## 2024\n\n- **December 27** — Steinmeier dissolves the Bundestag and "
     "confirms February 23 as election day.", "February 23", "2025-02-23", "2025-02-23", "day"),
    ("en", date(2025, 5, 10), "On 12 June 2024 the leaders said the vote will be held on July 5.", "July 5",
     "2024-07-05", "2024-07-05", "day"),
    ("en", Q, "The treaty was signed in 1999.", "1999", "1999-01-01", "1999-12-31", "year"),
    ("en", Q, "The treaty was signed in the year 2000.", "the year 2000", "2000-01-01", "2000-12-31", "year"),
    ("en", Q, "Tensions rose in early 2021.", "early 2021", "2021-01-01", "2021-04-30", "year_part"),
    ("en", Q, "Tensions rose in mid-2019.", "mid-2019", "2019-05-01", "2019-08-31", "year_part"),
    ("en", Q, "Tensions rose in late 2023.", "late 2023", "2023-09-01", "2023-12-31", "year_part"),
    ("en", Q, "Tensions rose at the end of 2019.", "the end of 2019", "2019-09-01", "2019-12-31", "year_part"),
    ("en", Q, "Tensions rose in late March 2024.", "late March 2024", "2024-03-21", "2024-03-31", "month_part"),
    ("en", Q, "Tensions rose in mid-March.", "mid-March", "2024-03-11", "2024-03-20", "month_part"),
    ("en", Q, "Profits rose in the third quarter of 2024.", "the third quarter of 2024", "2024-07-01", "2024-09-30", "quarter"),
    ("en", Q, "Profits rose in Q3 2024.", "Q3 2024", "2024-07-01", "2024-09-30", "quarter"),
    ("en", Q, "Profits rose in the first half of 2024.", "the first half of 2024", "2024-01-01", "2024-06-30", "year_part"),
    ("en", Q, "Profits rose in H2 2023.", "H2 2023", "2023-07-01", "2023-12-31", "year_part"),
    ("en", Q, "Profits will rise in the second half of the year.", "the second half of the year", "2024-07-01", "2024-12-31", "year_part"),
    ("en", Q, "The alliance dates from the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("en", Q, "The alliance dates from the '90s.", "the '90s", "1990-01-01", "1999-12-31", "decade"),
    ("en", Q, "The alliance dates from the early 1960s.", "the early 1960s", "1960-01-01", "1963-12-31", "decade_part"),
    ("en", Q, "The alliance dates from the late 1940s.", "the late 1940s", "1947-01-01", "1949-12-31", "decade_part"),
    ("en", Q, "The alliance dates from the 20th century.", "the 20th century", "1900-01-01", "1999-12-31", "century"),
    ("en", Q, "The alliance dates from the nineteenth century.", "the nineteenth century", "1800-01-01", "1899-12-31", "century"),
    ("en", Q, "It is the worst war this century.", "this century", "2000-01-01", "2099-12-31", "century"),
    ("en", Q, "He served between May 2021 and June 2022.", "May 2021 and June 2022", "2021-05-01", "2022-06-30", "month"),
    ("en", Q, "He served from 2008 to 2012.", "2008 to 2012", "2008-01-01", "2012-12-31", "year"),
    ("en", Q, "He served Jan. 3, 2008 – Nov. 9, 2012.", "Jan. 3, 2008 – Nov. 9, 2012", "2008-01-03", "2012-11-09", "day"),
    ("en", Q, "The fair runs March 3–5, 2024.", "March 3–5, 2024", "2024-03-03", "2024-03-05", "day"),
    ("en", Q, "The fair ran 3–5 March 2024.", "3–5 March 2024", "2024-03-03", "2024-03-05", "day"),
    ("en", Q, "Sanctions have applied since 2018.", "2018", "2018-01-01", "2018-12-31", "year"),
    ("en", Q, "Shipments have continued since late 2023.", "late 2023", "2023-09-01", "2023-12-31", "year_part"),
    ("en", Q, "The ban lasts until June 2026.", "June 2026", "2026-06-01", "2026-06-30", "month"),
    ("en", Q, "He arrived yesterday.", "yesterday", "2024-03-14", "2024-03-14", "day"),
    ("en", Q, "He arrives today.", "today", "2024-03-15", "2024-03-15", "day"),
    ("en", Q, "He arrives tomorrow.", "tomorrow", "2024-03-16", "2024-03-16", "day"),
    ("en", Q, "He arrived last week.", "last week", "2024-03-04", "2024-03-10", "week"),
    ("en", Q, "He arrives this week.", "this week", "2024-03-11", "2024-03-17", "week"),
    ("en", Q, "He arrived last month.", "last month", "2024-02-01", "2024-02-29", "month"),
    ("en", Q, "He arrives next month.", "next month", "2024-04-01", "2024-04-30", "month"),
    ("en", Q, "He arrived last year.", "last year", "2023-01-01", "2023-12-31", "year"),
    ("en", Q, "He arrived earlier this year.", "earlier this year", "2024-01-01", "2024-12-31", "year"),
    ("en", Q, "He arrived five years ago.", "five years ago", "2019-01-01", "2019-12-31", "year"),
    ("en", Q, "He arrived two days ago.", "two days ago", "2024-03-13", "2024-03-13", "day"),
    ("en", Q, "He arrived a month ago.", "a month ago", "2024-02-01", "2024-02-29", "month"),
    ("en", Q, "Kim met Putin on Wednesday.", "Wednesday", "2024-03-13", "2024-03-13", "day"),
    ("en", Q, "Kim met Putin on Friday.", "Friday", "2024-03-15", "2024-03-15", "day"),
    ("en", Q, "Kim will meet Putin on Monday.", "Monday", "2024-03-18", "2024-03-18", "day"),
    ("en", Q, "Kim is due to meet Putin on Tuesday.", "Tuesday", "2024-03-19", "2024-03-19", "day"),
    ("en", Q, "Kim met Putin last Monday.", "last Monday", "2024-03-11", "2024-03-11", "day"),
    ("en", Q, "Kim meets Putin next Friday.", "next Friday", "2024-03-22", "2024-03-22", "day"),
    ("en", Q, "Kim met Putin on Thursday night.", "Thursday night", "2024-03-14", "2024-03-14", "day"),
    ("en", Q, "On Sunday, Kim will fly home.", "Sunday", "2024-03-17", "2024-03-17", "day"),
    # --- weekdays with a part of the day: the day itself
    ("en", Q, "Troops were deployed late Tuesday night.", "Tuesday night", "2024-03-12", "2024-03-12", "day"),
    ("en", Q, "The curfew was lifted early Wednesday.", "Wednesday", "2024-03-13", "2024-03-13", "day"),
    ("en", Q, "Officials met Thursday evening to talk.", "Thursday evening", "2024-03-14", "2024-03-14", "day"),
    ("id", P, "Rapat digelar Senin malam di Jakarta.", "Senin malam", "2025-09-08", "2025-09-08", "day"),
    ("id", P, "Gempa terjadi Rabu dini hari.", "Rabu dini hari", "2025-09-03", "2025-09-03", "day"),
    # --- yearless month forms: the year from the publication date (past in a report)
    ("en", Q, "The ship docked on July 12 after a long voyage.", "July 12", "2023-07-12", "2023-07-12", "day"),
    ("en", Q, "The ship docked on Dec. 3 after a long voyage.", "Dec. 3", "2023-12-03", "2023-12-03", "day"),
    ("en", Q, "Fighting eased in mid-January.", "mid-January", "2024-01-11", "2024-01-20", "month_part"),
    ("en", P, "Talks resumed in late April.", "late April", "2025-04-21", "2025-04-30", "month_part"),
    ("en", Q, "The plant shut last October.", "last October", "2023-10-01", "2023-10-31", "month"),
    ("en", Q, "More units arrived between January and February.", "January and February", "2024-01-01", "2024-02-29", "month"),
    ("en", Q, "Snow fell from December to February.", "December to February", "2023-12-01", "2024-02-29", "month"),
    ("id", P, "Kapal itu tiba 4 Juni di pelabuhan.", "4 Juni", "2025-06-04", "2025-06-04", "day"),
    ("id", P, "Jembatan mulai dibangun 30 April lalu.", "30 April lalu", "2025-04-30", "2025-04-30", "day"),
    ("id", P, "Laporan untuk periode 1 Januari-31 Maret 2024 dirilis.", "1 Januari-31 Maret 2024", "2024-01-01", "2024-03-31", "day"),
    ("id", P, "Pasokan naik antara Januari dan Maret.", "Januari dan Maret", "2025-01-01", "2025-03-31", "month"),
    ("id", P, "Ekspor turun pada Januari-Maret.", "Januari-Maret", "2025-01-01", "2025-03-31", "month"),
    # a month of a year named by reference
    ("en", P, "Kim flew to Russia in 2023. He met Putin in September that year.", "September that year", "2023-09-01", "2023-09-30", "month"),
    ("en", P, "The plant opened in 2019. Its second line started that October.", "that October", "2019-10-01", "2019-10-31", "month"),
    ("en", P, "The law passed in 2010. Courts applied it in May the following year.", "May the following year", "2011-05-01", "2011-05-31", "month"),
    ("en", P, "Prices rose in March last year.", "March last year", "2024-03-01", "2024-03-31", "month"),
    ("id", P, "Kim terbang ke Rusia pada 2023. Ia bertemu Putin pada September tahun itu.", "September tahun itu", "2023-09-01", "2023-09-30", "month"),
    ("id", P, "Pabrik dibuka pada 2019. Jalur kedua menyusul Oktober tahun berikutnya.", "Oktober tahun berikutnya", "2020-10-01", "2020-10-31", "month"),
    ("id", P, "Harga naik pada Maret tahun lalu.", "Maret tahun lalu", "2024-03-01", "2024-03-31", "month"),
    # --- anaphoric: counted from the narrative's previous date
    ("en", P, "The mine opened in October 2006. A decade later, it closed.", "A decade later", "2016-01-01", "2016-12-31", "year"),
    ("id", P, "Tambang dibuka pada Oktober 2006. Satu dekade kemudian, tambang ditutup.", "Satu dekade kemudian", "2016-01-01", "2016-12-31", "year"),
    ("en", P, "The dam burst on 3 May 2019. Two days later, rescuers arrived.", "Two days later", "2019-05-05", "2019-05-05", "day"),
    ("en", P, "He was elected in 2012. He resigned the following year.", "the following year", "2013-01-01", "2013-12-31", "year"),
    ("id", P, "Kapal tiba pada 10 Mei 2023. Sebulan sebelumnya, kapal lain berangkat.", "Sebulan sebelumnya", "2023-04-01", "2023-04-30", "month"),
    # a part of the narrative's day ("malam itu", "that morning") is that day
    ("id", P, "Kapal bersandar pada 2 Juli 2021. Malam itu, awak kapal ditahan.", "Malam itu", "2021-07-02", "2021-07-02", "day"),
    ("id", P, "Kapal bersandar pada 2 Juli 2021. Pagi harinya pelabuhan ditutup.", "Pagi harinya", "2021-07-02", "2021-07-02", "day"),
    ("id", P, "Kapal bersandar pada 2 Juli 2021. Sore harinya pelabuhan ditutup.", "Sore harinya", "2021-07-02", "2021-07-02", "day"),
    ("en", P, "The ship docked on 2 July 2021. That morning, the crew was detained.", "That morning", "2021-07-02", "2021-07-02", "day"),
    ("en", P, "The ship docked on 2 July 2021. The port shut that day.", "that day", "2021-07-02", "2021-07-02", "day"),
    ("en", P, "The ship docked on 2 July 2021. Later that night the crew left.", "Later that night", "2021-07-02", "2021-07-02", "day"),
    # "the following June": the next June after the narrative's date
    ("en", P, "Talks began in August 2022. A deal came the following May.", "the following May", "2023-05-01", "2023-05-31", "month"),
    ("en", P, "Talks began on 4 February 2022. A deal came the next March.", "the next March", "2022-03-01", "2022-03-31", "month"),
    ("id", P, "Perundingan dimulai Agustus 2022. Kesepakatan dicapai Mei berikutnya.", "Mei berikutnya", "2023-05-01", "2023-05-31", "month"),
    # "sejak itu" / "since then": an open range with the narrative's previous date's interval
    ("id", P, "Jembatan itu runtuh pada Maret 2019. Sejak itu, warga menyeberang dengan rakit.", "Sejak itu", "2019-03-01", "2019-03-31", "month"),
    ("en", P, "The bridge fell on 4 March 2019. Since then, villagers have used rafts.", "Since then", "2019-03-04", "2019-03-04", "day"),
    # an anaphor with its date in apposition is one expression: the date
    ("id", P, "Sidang dibuka 1 Mei 2020. Malam itu, 3 Juni 2021, kapal tiba.", "Malam itu, 3 Juni 2021", "2021-06-03", "2021-06-03", "day"),
    ("en", P, "Talks opened on 1 May 2020. That morning, 3 June 2021, the ship arrived.", "That morning, 3 June 2021", "2021-06-03", "2021-06-03", "day"),
    # "berselang" after a count means later
    ("id", P, "Pabrik itu dibuka pada 2011. Tiga tahun berselang, pabrik kedua menyusul.", "Tiga tahun berselang", "2014-01-01", "2014-12-31", "year"),
    ("en", P, "Troops arrived in October 2024, rising to 11,000 by the end of the year.", "the end of the year", "2024-09-01", "2024-12-31", "year_part"),
    ("en", P, "The audit began in 2021. At the start of the year, staff were hired.", "the start of the year", "2021-01-01", "2021-04-30", "year_part"),
    ("en", P, "The contract will be signed by the end of the year.", "the end of the year", "2025-09-01", "2025-12-31", "year_part"),
    ("id", P, "Pasukan tiba Oktober 2024 dan jumlahnya naik hingga akhir tahun.", "akhir tahun", "2024-09-01", "2024-12-31", "year_part"),
    ("id", P, "Proyek itu ditargetkan rampung akhir tahun.", "akhir tahun", "2025-09-01", "2025-12-31", "year_part"),
    # --- weekends and this/next week or month, from publication
    ("en", P, "Ferries will call at the port during the week of Oct. 6.", "the week of Oct. 6", "2025-10-06", "2025-10-12", "week"),
    ("en", P, "Inspections ran in the week of 10 March 2021.", "the week of 10 March 2021", "2021-03-08", "2021-03-14", "week"),
    ("en", date(2025, 7, 21), "Diplomats met over the weekend in Hanoi.", "over the weekend", "2025-07-19", "2025-07-20", "week"),
    ("en", date(2025, 7, 23), "Ministers will gather over the weekend.", "over the weekend", "2025-07-26", "2025-07-27", "week"),
    ("id", date(2025, 7, 21), "Delegasi bertemu akhir pekan lalu di Hanoi.", "akhir pekan lalu", "2025-07-19", "2025-07-20", "week"),
    ("id", date(2025, 7, 23), "Delegasi akan tiba pada akhir pekan.", "pada akhir pekan", "2025-07-26", "2025-07-27", "week"),
    ("en", Q, "Prices rose earlier this month.", "earlier this month", "2024-03-01", "2024-03-31", "month"),
    ("en", Q, "Inspectors will visit next week.", "next week", "2024-03-18", "2024-03-24", "week"),
    ("id", Q, "Tarif baru berlaku awal bulan depan.", "awal bulan depan", "2024-04-01", "2024-04-10", "month_part"),
    ("id", Q, "Zona itu dibuka akhir bulan ini.", "akhir bulan ini", "2024-03-21", "2024-03-31", "month_part"),
    # --- seasons (northern hemisphere; winter Y runs Dec Y – Feb Y+1)
    ("en", Q, "Tourism boomed in the summer of 2023.", "the summer of 2023", "2023-06-01", "2023-08-31", "quarter"),
    ("en", Q, "Troops dug in during the 2024/25 winter.", "the 2024/25 winter", "2024-12-01", "2025-02-28", "quarter"),
    ("en", Q, "The offensive began in spring 2022.", "spring 2022", "2022-03-01", "2022-05-31", "quarter"),
    ("en", Q, "Supplies ran short in late autumn 2021.", "late autumn 2021", "2021-11-01", "2021-11-30", "month"),
    ("id", Q, "Salju turun deras pada musim dingin 2022/2023.", "musim dingin 2022/2023", "2022-12-01", "2023-02-28", "quarter"),
    ("id", Q, "Wisatawan datang pada musim panas 2023.", "musim panas 2023", "2023-06-01", "2023-08-31", "quarter"),
    # --- a range in parentheses after a war or era is the event's own years
    ("en", Q, "Soviet pilots flew during the Korean War (1950–1953) over the peninsula.", "1950–1953", "1950-01-01", "1953-12-31", "year"),
    ("en", Q, "The Soviet Union (1922–1991) armed the North.", "1922–1991", "1922-01-01", "1991-12-31", "year"),
    ("id", Q, "Bantuan mengalir selama Perang Korea (1950-1953) ke utara.", "1950-1953", "1950-01-01", "1953-12-31", "year"),
    # --- a future cue in reported speech does not make the date future
    ("id", date(2025, 6, 19), "Dalam pertemuan Selasa, Kim menegaskan Pyongyang akan mendukung Moskow.", "Selasa", "2025-06-17", "2025-06-17", "day"),
    ("en", date(2025, 6, 19), "At talks on Tuesday, Kim said Pyongyang will back Moscow.", "Tuesday", "2025-06-17", "2025-06-17", "day"),
    ("en", date(2025, 6, 19), "On Tuesday, the ministers will meet again.", "Tuesday", "2025-06-24", "2025-06-24", "day"),
    # --- the n-th week of a month (days 1–7, 8–14, 15–21, 22–28; the last week is the last seven days)
    ("en", date(2025, 3, 12), "Talks are planned for the first week of April.", "the first week of April", "2025-04-01", "2025-04-07", "week"),
    ("en", Q, "Shelling intensified in the last week of January.", "the last week of January", "2024-01-25", "2024-01-31", "week"),
    ("id", date(2025, 3, 12), "Latihan digelar pada pekan pertama April.", "pekan pertama April", "2025-04-01", "2025-04-07", "week"),
    # --- Islamic feasts by the Hijri calendar: that day or the next (Indonesia's isbat may fall a day later)
    ("id", P, "Banjir melanda pada Lebaran 2024.", "Lebaran 2024", "2024-04-10", "2024-04-11", "week"),
    ("id", P, "Pasar tutup saat Idul Fitri 1445 H.", "Idul Fitri 1445 H", "2024-04-10", "2024-04-11", "week"),
    ("en", date(2025, 3, 12), "Markets closed for Eid al-Fitr.", "Eid al-Fitr", "2025-03-30", "2025-03-31", "week"),
    # --- a few days from a day (one to seven days on), or from part of a month (a day to a week beyond it)
    ("id", P, "Serangan terjadi pada 3 Maret 2025. Beberapa hari kemudian, polisi menangkap tersangka.", "Beberapa hari kemudian", "2025-03-04", "2025-03-10", "week"),
    ("en", date(2025, 10, 10), "A bomb exploded several days ago.", "several days ago", "2025-10-03", "2025-10-09", "week"),
    ("id", P, "Pertengahan Desember 2024, Scholz kalah. Beberapa hari kemudian, serangan mobil mengguncang.", "Beberapa hari kemudian", "2024-12-12", "2024-12-27", "month_part"),
    # --- a season without a year: bare (the year a month of its start takes), last/this/next, "musim … lalu"
    ("en", date(2025, 10, 10), "Le Pen, barred since her conviction in the spring, watched.", "spring", "2025-03-01", "2025-05-31", "quarter"),
    ("en", date(2025, 10, 10), "The rebels took the city last summer.", "last summer", "2025-06-01", "2025-08-31", "quarter"),
    ("en", date(2025, 7, 10), "The rebels took the city last summer.", "last summer", "2024-06-01", "2024-08-31", "quarter"),
    ("en", date(2025, 1, 20), "Gas use peaked this winter.", "this winter", "2024-12-01", "2025-02-28", "quarter"),
    ("en", date(2025, 10, 10), "Talks are due to resume next spring.", "next spring", "2026-03-01", "2026-05-31", "quarter"),
    ("en", date(2025, 10, 10), "He died in early summer.", "early summer", "2025-06-01", "2025-06-30", "month"),
    ("id", date(2025, 10, 10), "Harga gas naik pada musim dingin lalu.", "musim dingin lalu", "2024-12-01", "2025-02-28", "quarter"),
    # --- next month: told as done, it is last year's (a month not begun holds nothing done); else the coming one
    ("en", date(2025, 10, 6), "When bullets struck a jet on approach in November, regulators banned flights.", "November", "2024-11-01", "2024-11-30", "month"),
    ("en", date(2025, 6, 20), "Reeves stood up in the Commons in late July and announced cuts.", "late July", "2024-07-21", "2024-07-31", "month_part"),
    ("en", date(2025, 10, 6), "The summit opens in November.", "November", "2025-11-01", "2025-11-30", "month"),
    # --- a count clause after a deadline counts from the sentence's own day, not the deadline
    ("en", date(2025, 7, 14), "The regulator on Monday ordered airlines to inspect the switches by July 21, two days after a preliminary report found fault.", "two days after", "2025-07-12", "2025-07-12", "day"),
    # --- "the next day" after part of a year is that part, not the last day the article dated
    ("id", date(2025, 7, 16), "Sabtu lalu laporan terbit.\n\nAkhir tahun lalu, dua pesawat jatuh.\n\nKeesokan harinya, Korea memerintahkan inspeksi.", "Keesokan harinya", "2024-09-01", "2024-12-31", "year_part"),
    # --- "the same day as <a happening>": the day an earlier sentence gave it, not the narrative's last
    ("id", date(2025, 5, 1), "AS menarik pasukan dari Pangkalan 101 di Niamey pada Minggu (7/7/2024). Junta menggelar parade pada Senin (15/7/2024). Pada hari yang sama dengan penarikan dari Pangkalan 101, pemimpin ECOWAS bertemu di Abuja.", "Pada hari yang sama dengan penarikan dari Pangkalan 101", "2024-07-07", "2024-07-07", "day"),
    ("en", date(2025, 1, 5), "Prabowo met Starmer in Downing Street on 21 November 2024. He toured a factory on 23 November. On the same day as the Downing Street meeting, he addressed a business forum.", "On the same day as the Downing Street meeting", "2024-11-21", "2024-11-21", "day"),
    ("id", date(2025, 1, 5), "Pengumuman Thailand keluar Rabu (21/8/2024). Bali waspada Kamis (22/8/2024). ECOWAS menanggapi pada hari yang sama dengan menyatakan belum menerima surat.", "pada hari yang sama", "2024-08-22", "2024-08-22", "day"),
    # --- an ordinal weekday of a month ("the first Saturday in February", "Jumat terakhir bulan Maret")
    ("en", date(2025, 5, 2), "On the first Saturday in February, Trump signed the tariff orders.", "the first Saturday in February", "2025-02-01", "2025-02-01", "day"),
    ("en", date(2025, 5, 2), "He met her on the second Tuesday in June.", "the second Tuesday in June", "2024-06-11", "2024-06-11", "day"),
    ("en", P, "The last Friday of March 2024 was quiet.", "The last Friday of March 2024", "2024-03-29", "2024-03-29", "day"),
    ("id", date(2025, 5, 2), "Pada Jumat terakhir bulan Maret, hujan turun.", "Jumat terakhir bulan Maret", "2025-03-28", "2025-03-28", "day"),
    ("id", P, "Sabtu pertama Februari 2025 ramai.", "Sabtu pertama Februari 2025", "2025-02-01", "2025-02-01", "day"),
    # --- a future cue inside another expression ("The next day"), or after the past-tense verb of the date's clause
    ("en", date(2025, 4, 14), "The next day Trump paused the tariffs, and on Thursday stocks recovered.", "Thursday", "2025-04-10", "2025-04-10", "day"),
    ("en", date(2025, 4, 14), "At the end of February he launched Danantara, a fund that will hold the state's stakes.", "the end of February", "2025-02-21", "2025-02-28", "month_part"),
    ("en", date(2025, 4, 14), "On Friday, Kim will meet Putin.", "Friday", "2025-04-18", "2025-04-18", "day"),
    ("en", date(2025, 10, 6), "He announced talks in November.", "November", "2025-11-01", "2025-11-30", "month"),
    ("id", Q, "Latihan digelar pada minggu kedua Maret 2023.", "minggu kedua Maret 2023", "2023-03-08", "2023-03-14", "week"),
    # --- a weekday range with its days in parentheses; a day range with "lalu"
    ("id", date(2025, 3, 14), "Latihan berlangsung Senin-Kamis (10-13/3).", "Senin-Kamis (10-13/3)", "2025-03-10", "2025-03-13", "day"),
    ("id", Q, "Rapat digelar Sabtu-Minggu (9-10/3/2024) di Bogor.", "Sabtu-Minggu (9-10/3/2024)", "2024-03-09", "2024-03-10", "day"),
    ("id", date(2025, 3, 12), "Kim mengunjungi Moskow pada 2-4 Maret lalu.", "2-4 Maret lalu", "2025-03-02", "2025-03-04", "day"),
    ("en", P, "The talks collapsed on 3 May 2019. The week before, envoys had met.", "The week before", "2019-04-22", "2019-04-28", "week"),
    # --- coordinated back-to-back years and decades are one stretch (README "Dates")
    ("en", P, "Trade boomed through the 1960s and '70s.", "the 1960s and '70s", "1960-01-01", "1979-12-31", "decade"),
    ("en", P, "The envoy travelled twice, in 2011 and 2012.", "2011 and 2012", "2011-01-01", "2012-12-31", "year"),
    ("en", P, "Music of the '90s returned.", "the '90s", "1990-01-01", "1999-12-31", "decade"),
    ("id", P, "Ekspor melonjak pada tahun 1950-an dan 1960-an.", "tahun 1950-an dan 1960-an", "1950-01-01", "1969-12-31", "decade"),
    ("id", P, "Duta besar itu berkunjung pada 2016 dan 2017.", "2016 dan 2017", "2016-01-01", "2017-12-31", "year"),
    # --- fiscal years, split years, quarters and halves
    ("en", P, "Exports rose 8% in FY2023.", "FY2023", "2023-01-01", "2023-12-31", "year"),
    ("en", P, "Exports rose in fiscal 2022 despite sanctions.", "fiscal 2022", "2022-01-01", "2022-12-31", "year"),
    ("en", P, "Sales peaked in FY2021, the fiscal year that ended in June.", "FY2021, the fiscal year that ended in June",
     "2021-01-01", "2021-12-31", "year"),
    ("id", P, "Belanja naik pada tahun anggaran 2023.", "tahun anggaran 2023", "2023-01-01", "2023-12-31", "year"),
    ("en", P, "Imports doubled in 2021/22.", "2021/22", "2021-01-01", "2022-12-31", "year"),
    ("en", P, "Imports doubled in 2021-22.", "2021-22", "2021-01-01", "2022-12-31", "year"),
    ("en", P, "Output fell in H2 2023.", "H2 2023", "2023-07-01", "2023-12-31", "year_part"),
    ("en", P, "Output fell in Q1 2022.", "Q1 2022", "2022-01-01", "2022-03-31", "quarter"),
    ("id", P, "Produksi turun pada paruh kedua 2023.", "paruh kedua 2023", "2023-07-01", "2023-12-31", "year_part"),
    # --- a day or season of a year named by reference
    ("en", P, "The pact they signed on 3 March last year still holds.", "3 March last year", "2024-03-03", "2024-03-03", "day"),
    ("en", P, "The pact they signed on March 3 last year still holds.", "March 3 last year", "2024-03-03", "2024-03-03", "day"),
    ("id", P, "Pakta yang diteken 3 Maret tahun lalu masih berlaku.", "3 Maret tahun lalu", "2024-03-03", "2024-03-03", "day"),
    ("en", P, "Talks began in May 2019, and in the spring of that year envoys met.", "the spring of that year",
     "2019-03-01", "2019-05-31", "quarter"),
    ("id", P, "Pasukan tiba pada Juni 2022, dan pada musim gugur tahun itu mereka bertempur.", "musim gugur tahun itu",
     "2022-09-01", "2022-11-30", "quarter"),
    # --- a live blog's "overnight" is the report's day
    ("en", P, "Air defences shot down ten drones launched overnight.", "overnight", "2025-09-08", "2025-09-08", "day"),
    # --- a yearless date in a clause about a scheduled happening looks ahead
    ("en", date(2024, 10, 25), "Sanctions are planned before the new cabinet takes office on Feb. 3.", "Feb. 3",
     "2025-02-03", "2025-02-03", "day"),
    ("en", date(2024, 10, 25), "The law takes effect on Jan. 1, officials said.", "Jan. 1", "2025-01-01", "2025-01-01", "day"),
    ("en", date(2024, 10, 25), "The law took effect on Jan. 1, officials said.", "Jan. 1", "2024-01-01", "2024-01-01", "day"),
    # --- a yearless month in a new clause does not go back before the sentence's date
    ("en", date(2025, 8, 20), "Envoys arrived from November 2024, and the ministry said in May that talks stalled.",
     "May", "2025-05-01", "2025-05-31", "month"),
    ("en", date(2025, 8, 20), "Envoys arrived in November 2024; by March the talks had stalled.", "March",
     "2025-03-01", "2025-03-31", "month"),
    ("id", date(2025, 8, 20), "Utusan tiba sejak November 2024, sementara pada Mei kementerian menyebut perundingan macet.",
     "Mei", "2025-05-01", "2025-05-31", "month"),
    ("en", date(2025, 8, 20), "In 2019 the envoys met in March, and in June they signed a deal.", "June",
     "2019-06-01", "2019-06-30", "month"),
    # --- parts of the publication day: "earlier today", "tonight"
    ("id", Q, "Tim penyelam turun ke laut sore tadi.", "sore tadi", "2024-03-15", "2024-03-15", "day"),
    ("id", Q, "Serpihan kapal ditemukan dini hari tadi di utara pulau.", "dini hari tadi", "2024-03-15", "2024-03-15", "day"),
    ("id", Q, "Pencarian akan dilanjutkan nanti malam.", "nanti malam", "2024-03-15", "2024-03-15", "day"),
    ("id", Q, "Bursa ditutup melemah pada sore hari ini.", "sore hari ini", "2024-03-15", "2024-03-15", "day"),
    ("id", Q, "Warga berkumpul di dermaga pagi tadi.", "pagi tadi", "2024-03-15", "2024-03-15", "day"),
    ("en", Q, "The minister resigned earlier today.", "earlier today", "2024-03-15", "2024-03-15", "day"),
    ("en", Q, "Rescuers reached the ridge late last night.", "late last night", "2024-03-14", "2024-03-14", "day"),
    # --- a relative day with its weekday or date in brackets is one expression
    ("id", Q, "Polisi menyebut kemarin (Kamis) jalan ditutup.", "kemarin (Kamis)", "2024-03-14", "2024-03-14", "day"),
    ("id", Q, "Data yang dirilis kemarin (14/3) menunjukkan kenaikan.", "kemarin (14/3)", "2024-03-14", "2024-03-14", "day"),
    ("id", date(2024, 3, 18), "Kapal tiba kemarin (17/3/2024) pagi.", "kemarin (17/3/2024) pagi", "2024-03-17", "2024-03-17", "day"),
    # --- a day and its clock time are one expression of day precision
    ("id", Q, "Kapal feri berangkat 10 Maret 2024 pukul 07.15 WIB dari Merak.", "10 Maret 2024 pukul 07.15 WIB",
     "2024-03-10", "2024-03-10", "day"),
    ("id", Q, "Kontak terakhir terjadi Minggu (10/3/2024) sekitar pukul 06.40 WIB.",
     "Minggu (10/3/2024) sekitar pukul 06.40 WIB", "2024-03-10", "2024-03-10", "day"),
    ("id", Q, "Hasilnya diumumkan Rabu (13/3/2024), pukul 14.00 WIB.", "Rabu (13/3/2024), pukul 14.00 WIB",
     "2024-03-13", "2024-03-13", "day"),
    ("en", Q, "The ferry left on March 10, 2024, at 7:15 a.m. from the port.", "March 10, 2024, at 7:15 a.m.",
     "2024-03-10", "2024-03-10", "day"),
    ("en", Q, "Contact was lost on Sunday at about 6:40 a.m.", "Sunday at about 6:40 a.m.", "2024-03-10", "2024-03-10", "day"),
    # --- an anaphor ending in before/after counts from the date right after it
    ("en", date(2025, 4, 10), "Then, in the week before Christmas, Trump posted.", "the week before",
     "2024-12-16", "2024-12-22", "week"),
    ("en", date(2025, 4, 10), "Trump posted the day after the March 5 vote.", "the day after",
     "2025-03-06", "2025-03-06", "day"),
    ("en", date(2025, 4, 10), "Trump posted on Christmas.", "Christmas", "2024-12-25", "2024-12-25", "day"),
    # --- the same day as a few days is any of them
    ("en", date(2025, 10, 28), "In Kuala Lumpur last weekend, Timor-Leste joined. On the same day, "
     "Hanoi spoke.", "On the same day", "2025-10-25", "2025-10-26", "week"),
    # --- a same-day anaphor opening its sentence, the main clause after it: the story's day
    ("en", date(2025, 1, 20), "The Lachman Fire is set in the hills on January 1, 2025. On January 8, Bass "
     "returns to Los Angeles. That evening the Sunset Fire forces evacuations in the Hollywood Hills.",
     "That evening",
     "2025-01-08", "2025-01-08", "day"),
    # --- "since" between a future cue and the date looks back
    ("en", date(2025, 3, 4), "Trump is scheduled to address Congress tonight, his first speech since "
     "returning to the White House on Jan. 20.", "Jan. 20", "2025-01-20", "2025-01-20", "day"),
    # --- a weekday after "would" is still to come: from the story's day of the last week, or the report's
    ("en", date(2025, 4, 9), "His office said the president would address questions at his press conference "
     "Thursday.", "Thursday", "2025-04-10", "2025-04-10", "day"),
    # a part of the running month a past clause tells, when the story goes on a year before: that year's
    ("en", date(2025, 1, 2), "A year ago, in 2024, a quake shook Noto. Three days later, hope faded. "
     "But by the second week of January the death toll had climbed past 200.",
     "the second week of January", "2024-01-08", "2024-01-14", "week"),
    ("en", date(2025, 1, 2), "A year ago, in 2024, a quake shook Noto.\n\nThe prime minister did not "
     "visit the towns until mid-January.", "mid-January", "2024-01-11", "2024-01-20", "month_part"),
    # …not a deadline of a story told near publication
    ("en", date(2011, 9, 6), "NATO said on Monday its jets struck Sirte. The mandate for bombing ran only "
     "to the end of September.", "the end of September", "2011-09-21", "2011-09-30", "month_part"),
    ("en", date(2025, 1, 20), "TikTok said on Friday that it would go dark on Sunday.", "Sunday",
     "2025-01-19", "2025-01-19", "day"),
    ("en", date(2025, 7, 28), "They agreed that the truce would take effect at midnight on Monday.", "Monday",
     "2025-07-28", "2025-07-28", "day"),
    ("en", date(2025, 3, 5), "Sheinbaum said on Tuesday that she would lay out Mexico's tariff and "
     "non-tariff response at a public event in the Zocalo on Sunday.", "Sunday", "2025-03-09", "2025-03-09",
     "day"),
    # (not past a past-tense verb after the cue)
    ("en", date(2011, 2, 28), "McConnell said he would withhold judgment on the idea from Lieberman, who "
     "made his comments Sunday on CNN.", "Sunday", "2011-02-27", "2011-02-27", "day"),
    # --- a scheduled cue in a relative clause tells what was done
    ("id", date(2025, 10, 27), "Trump, yang dilantik pada pekan ketiga Januari, datang ke Palisades.",
     "pekan ketiga Januari", "2025-01-15", "2025-01-21", "week"),
    ("id", date(2025, 10, 27), "Trump akan dilantik pada pekan ketiga Januari.",
     "pekan ketiga Januari", "2026-01-15", "2026-01-21", "week"),
]

# A bare weekday after the article dated that day this week is that day, even ahead of publication
WEEKDAY_NAMED = [
    ("id", date(2024, 3, 13), "Menteri bertemu pada Kamis (14/3/2024) di Wina. Sejumlah negara menuntut pemangkasan "
     "pada pertemuan Kamis itu.", "Kamis itu", "2024-03-14"),
    ("en", date(2024, 3, 13), "Ministers meet on Thursday, March 14, 2024, in Vienna. Several states want cuts at "
     "Thursday's meeting.", "Thursday", "2024-03-14"),
    # a future cue still points past a reported day of that name
    ("id", date(2024, 3, 15), "Menteri tiba Senin (11/3/2024). Tim pemantau akan dikirim pada hari Senin.",
     "hari Senin", "2024-03-18"),
    # a kronologi item's day dates the weekdays of the paragraphs below it, weeks before publication
    ("id", date(2024, 8, 8), "Berikut kronologinya.\n\n1. Jumat (19/7/2024): Pembaruan dirilis\n\n"
     "Pembaruan konten dirilis ke seluruh dunia dan komputer yang mengunduhnya mengalami crash.\n\n"
     "Di Tanah Air, maskapai terpaksa melakukan check-in manual sejak Jumat siang.\n\n"
     "2. Sabtu (20/7/2024): Microsoft merilis alat pemulihan\n\n"
     "Microsoft memperkirakan 8,5 juta perangkat Windows terdampak pembaruan itu di seluruh dunia.\n\n"
     "Kementerian Perhubungan menyebut check-in kembali normal sejak Sabtu pagi.",
     "Sabtu pagi", "2024-07-20"),
    ("id", date(2024, 8, 8), "1. Jumat (19/7/2024): Pembaruan dirilis\n\n"
     "Pembaruan konten dirilis ke seluruh dunia dan komputer yang mengunduhnya mengalami crash.\n\n"
     "Di Tanah Air, maskapai terpaksa melakukan check-in manual sejak Jumat siang.", "Jumat siang",
     "2024-07-19"),
    # …but not past the next heading: there the last such day before publication
    ("id", date(2024, 8, 8), "1. Jumat (19/7/2024): Pembaruan dirilis\n\n"
     "Pembaruan konten dirilis ke seluruh dunia dan komputer yang mengunduhnya mengalami crash.\n\n"
     "## Reaksi\n\nDi Tanah Air, maskapai terpaksa melakukan check-in manual sejak Jumat siang.",
     "Jumat siang", "2024-08-02"),
]


@pytest.mark.parametrize(("language", "published", "text", "want", "day"), WEEKDAY_NAMED)
def test_weekday_named_earlier(found, language, published, text, want, day):
    hits = [e for e in found(language, published, text) if e.text == want]
    assert hits and hits[-1].date.isoformat() == day, [(e.text, e.date) for e in found(language, published, text)]


# Expressions that are found and listed but date no event: (language, published, text, expression,
# date or None, date_end or None, precision, reason).
LISTED = [
    # the present and vague times (TimeML PRESENT_REF, PAST_REF, FUTURE_REF)
    ("id", Q, "Hingga saat ini belum ada kabar dari kapal itu.", "saat ini", "2024-03-15", "2024-03-15", "day", "present"),
    ("id", Q, "Sekarang harga beras turun tipis.", "Sekarang", "2024-03-15", "2024-03-15", "day", "present"),
    ("id", Q, "Pabrik itu kini dikelola koperasi.", "kini", "2024-03-15", "2024-03-15", "day", "present"),
    ("id", Q, "Sampai sekarang ini warga masih mengungsi.", "sekarang ini", "2024-03-15", "2024-03-15", "day", "present"),
    ("id", Q, "Belakangan ini harga cabai melonjak.", "Belakangan ini", None, None, "", "vague past"),
    ("en", Q, "In the coming days the operator will post a timetable.", "the coming days", None, None, "", "vague"),
    ("en", Q, "Ministers will meet in the coming weeks.", "the coming weeks", None, None, "", "vague"),
    ("id", Q, "Akhir-akhir ini banjir sering datang.", "Akhir-akhir ini", None, None, "", "vague past"),
    ("id", Q, "Lembaga itu baru-baru ini merilis survei.", "baru-baru ini", None, None, "", "vague past"),
    ("id", Q, "Ia ditangkap beberapa waktu lalu di Medan.", "beberapa waktu lalu", None, None, "", "vague past"),
    ("en", Q, "Prices are now lower than a year ago.", "now", "2024-03-15", "2024-03-15", "day", "present"),
    ("en", Q, "The agency currently employs 40 people.", "currently", "2024-03-15", "2024-03-15", "day", "present"),
    ("en", Q, "The group recently opened an office.", "recently", None, None, "", "vague past"),
    # recurring times (TimeML SET)
    ("id", Q, "Kapal patroli berlayar setiap hari.", "setiap hari", None, None, "", "set"),
    ("id", Q, "Sensor mengirim data tiap 5 menit.", "tiap 5 menit", None, None, "", "set"),
    ("id", Q, "Pasar murah digelar setiap hari Sabtu.", "setiap hari Sabtu", None, None, "", "set"),
    ("id", Q, "Setiap tahun ada jutaan mobil baru.", "Setiap tahun", None, None, "", "set"),
    ("en", Q, "The ferry runs every day in summer.", "every day", None, None, "", "set"),
    ("en", Q, "The council meets every Monday.", "every Monday", None, None, "", "set"),
    # …and what restates it in the other zone dates nothing of its own
    ("en", date(2025, 6, 25), "Ojwang died in a police cell in the early hours of Sunday local time — Saturday "
     "evening Eastern time, June 7.", "June 7", "2025-06-07", "2025-06-07", "day", "another zone"),
    # an indefinite weekday is some such day, not the last one
    ("en", Q, "Barnier used article 49.3 on a Monday in early December.", "Monday", None, None, "",
     "indefinite weekday"),
    ("id", Q, "Pada suatu Senin di awal Desember, Barnier memakai pasal 49.3.", "Senin", None, None, "",
     "indefinite weekday"),
    ("en", Q, "It happened on a Monday morning.", "Monday morning", None, None, "", "indefinite weekday"),
    ("en", Q, "Indonesia got two golds on a single Thursday.", "Thursday", None, None, "",
     "indefinite weekday"),
    # a month named alone: listed with its interval, no event date without a cue
    ("id", date(2024, 11, 20), "Minyak untuk pengiriman Januari turun 30 sen.", "Januari", "2025-01-01", "2025-01-31",
     "month", "month without a cue"),
    ("id", date(2024, 11, 20), "Kontrak pengiriman Desember ditutup melemah.", "Desember", "2024-12-01", "2024-12-31",
     "month", "month without a cue"),
    ("id", date(2024, 11, 20), "Target Oktober itu meleset jauh.", "Oktober itu", "2024-10-01", "2024-10-31", "month", ""),
    ("en", date(2024, 11, 20), "Crude for January delivery fell 30 cents.", "January", "2025-01-01", "2025-01-31",
     "month", "month without a cue"),
    # durations and clock times alone are found too
    ("id", Q, "Harga turun dalam dua minggu terakhir.", "dalam dua minggu terakhir", None, None, "", "duration"),
    ("id", Q, "Pencarian berlangsung selama tiga hari.", "selama tiga hari", None, None, "", "duration"),
    ("id", Q, "Kapal berangkat pukul 05.35 WIB.", "pukul 05.35 WIB", None, None, "", "clock"),
    ("en", Q, "Prices fell over the past two weeks.", "over the past two weeks", None, None, "", "duration"),
]


@pytest.mark.parametrize(("language", "published", "text", "want", "start", "end", "precision", "reason"), LISTED)
def test_listed(found, language, published, text, want, start, end, precision, reason):
    exprs = found(language, published, text)
    hits = [e for e in exprs if e.text == want]
    assert hits, f"{want!r} not found in {text!r}; found {[e.text for e in exprs]}"
    e = hits[0]
    assert (e.date and e.date.isoformat(), e.date_end and e.date_end.isoformat(), e.precision) == (start, end, precision)
    if reason:
        assert not e.event and reason in e.reason, (e.event, e.reason)


NOT_TIMES = [
    ("en", Q, "The chartered boat Unaizah May 4 was carrying food to the troops."),  # a boat's name
    ("id", Q, "Pesawat QZ8501 membawa 162 orang dan terbang di ketinggian 32.000 kaki."),
    ("id", Q, "Pesawat jenis Airbus A320-200 itu dibeli seharga Rp 2.014 miliar."),
    ("id", Q, "Juni Rahayu dan Agustus Salim hadir di rapat."),
    ("id", Q, "Inflasi naik 20,14 persen menjadi 1.998 poin."),
    ("en", Q, "Flight QZ8501 carried 162 people at 32,000 feet; the A320-200 cost $2,014 million."),
    ("en", Q, "Trump sent a Christmas message to the troops."),  # a bare feast names the season
    ("en", Q, "Talks had begun just before Christmas."),  # some days before it, not its day
]


@pytest.mark.parametrize(("language", "published", "text"), NOT_TIMES)
def test_not_times(found, language, published, text):
    assert found(language, published, text) == []


@pytest.fixture(scope="module")
def found():
    """Memoise find_expressions per (language, published, text)."""
    cache: dict = {}

    def get(language, published, text):
        key = (language, published, text)
        if key not in cache:
            cache[key] = find_expressions(text, published, language)
        return cache[key]

    return get


@pytest.mark.parametrize(("language", "published", "text", "want", "start", "end", "precision"), CASES)
def test_case(found, language, published, text, want, start, end, precision):
    exprs = found(language, published, text)
    hits = [e for e in exprs if e.text == want]
    assert hits, f"{want!r} not found in {text!r}; found {[e.text for e in exprs]}"
    e = hits[0]
    assert text[e.start:e.end] == e.text
    assert (e.date and e.date.isoformat(), e.date_end and e.date_end.isoformat(), e.precision) == (start, end, precision)
    assert e.event, e.reason
    assert e.label


def test_there_are_enough_cases():
    assert len(CASES) >= 150
    assert {c[0] for c in CASES} == {"id", "en"}
