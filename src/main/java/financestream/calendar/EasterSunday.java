package financestream.calendar;

import java.time.LocalDate;

/** Gregorian Easter Sunday; NYSE closes on Good Friday, two days before it. */
final class EasterSunday {

    private EasterSunday() {
    }

    /**
     * The anonymous Gregorian computus (Meeus/Jones/Butcher). Worked out here rather than tabled so that a new
     * year needs no new Easter date.
     */
    static LocalDate of(int year) {
        int goldenNumber = year % 19;
        int century = year / 100;
        int yearInCentury = year % 100;
        int leapCenturies = century / 4;
        int centuryRemainder = century % 4;
        int lunarCorrection = (century + 8) / 25;
        int solarCorrection = (century - lunarCorrection + 1) / 3;
        int epact = (19 * goldenNumber + century - leapCenturies - solarCorrection + 15) % 30;
        int leapYears = yearInCentury / 4;
        int yearRemainder = yearInCentury % 4;
        int weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7;
        int lateCorrection = (goldenNumber + 11 * epact + 22 * weekdayOffset) / 451;
        int monthAndDay = epact + weekdayOffset - 7 * lateCorrection + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }
}
