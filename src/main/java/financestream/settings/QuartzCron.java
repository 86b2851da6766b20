package financestream.settings;

import java.text.ParseException;

import org.quartz.CronExpression;

/** A schedule as the routes' quartz endpoints read it. */
public record QuartzCron(String expression) {

    public static QuartzCron parse(String value) {
        try {
            CronExpression.validateExpression(value.strip());
            return new QuartzCron(value.strip());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression (seconds minutes hours day-of-month month"
                    + " day-of-week [year], e.g. 0 * 9-15 ? * MON-FRI): " + e.getMessage());
        }
    }
}
