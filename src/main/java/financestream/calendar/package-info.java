/**
 * When the NYSE is open, and which dates Yahoo still serves at an interval; plain java.time, no Camel.
 *
 * <h2>Keeping the calendar current</h2>
 * {@link financestream.calendar.TradingCalendar} covers the years FIRST_YEAR..LAST_YEAR and refuses others. NYSE
 * Group publishes each new year's holidays and early closes about a year ahead (usually in November or December,
 * as a press release "NYSE Group Announces YYYY ... Holiday and Early Closings Calendar"). When it does:
 * <ol>
 *   <li>compare the new year with what {@code NyseSchedule} computes by rule; add anything the rules miss to its
 *       one-off tables, and the published facts to its source comment;</li>
 *   <li>add the year's expected closures and early closes to {@code NyseHolidayTableTest};</li>
 *   <li>raise {@code TradingCalendar.LAST_YEAR}.</li>
 * </ol>
 * An unscheduled closure (a national day of mourning, as on 2025-01-09) is announced only days ahead: add it to
 * the one-off table as soon as NYSE announces it, or live mode will poll a closed market that day.
 */
package financestream.calendar;
