#!/usr/bin/env python3
"""hijri_table.py - writes data/fr/time_hijri.tsv: for each year of the Islamic calendar whose
months fall between 1990 and 2040, the Gregorian day on which each of its twelve months begins.

The dates come from the tabular (arithmetical) Islamic calendar: months of 30 and 29 days in
turn, the last month of 30 days in 11 years of every 30 (2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
29), counted from 16 July 622 (Julian). The months actually begin when the new crescent is seen,
or by each country's reckoning, so a date of this table is approximate: usually right or one day
off, sometimes two. Usage: python3 scripts/hijri_table.py > data/fr/time_hijri.tsv
"""
import datetime

EPOCH = 1948439.5  # Julian day of 1 Muharram 1 AH (civil epoch)


def hijri_to_jd(year, month, day):
    """Julian day of a date of the tabular Islamic calendar."""
    return (day + -(-(59 * (month - 1)) // 2) + (year - 1) * 354
            + (3 + 11 * year) // 30 + EPOCH - 1)


def jd_to_date(jd):
    """The Gregorian date of a Julian day (at noon)."""
    return datetime.date(1858, 11, 17) + datetime.timedelta(days=int(jd + 0.5) - 2400001)


def main():
    print("# The first day of each month of the Islamic year, in the tabular calendar: the year")
    print("# (AH), a TAB, then twelve Gregorian days (Muharram ... Dhou al-Hijja). Approximate:")
    print("# the months begin with the sighting of the crescent, usually the same day or one day")
    print("# off, sometimes two. Written by scripts/hijri_table.py; read by the time recognizer")
    print("# for Aïd el-Fitr (10-01), Aïd el-Kebir (12-10) and the ramadan (month 9).")
    for year in range(1409, 1465):
        days = [jd_to_date(hijri_to_jd(year, m, 1)) for m in range(1, 13)]
        if days[-1].year < 1990 or days[0].year > 2040:
            continue
        print("%d\t%s" % (year, " ".join(d.isoformat() for d in days)))


if __name__ == "__main__":
    main()
