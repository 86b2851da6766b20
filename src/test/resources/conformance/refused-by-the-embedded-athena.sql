-- Athena runs these; the embedded Athena cannot give Athena's answer, so it refuses them and says why
-- (docs/athena-dialect.md).

-- date-parse: MySQL format specifiers
SELECT date_parse(substr(ts, 1, 19), '%Y-%m-%d %H:%i:%s') AS t FROM bars LIMIT 1

-- date-format: MySQL format specifiers
SELECT date_format(CAST(substr(ts, 1, 19) AS timestamp), '%H:%i') AS t FROM bars LIMIT 1

-- format-datetime: Joda-Time format
SELECT format_datetime(CAST(substr(ts, 1, 19) AS timestamp), 'HH:mm') AS t FROM bars LIMIT 1

-- approx-distinct: HyperLogLog estimates
SELECT approx_distinct(ts) AS minutes FROM bars

-- approx-percentile: t-digest values
SELECT approx_percentile(high, 0.5) AS median FROM bars

-- timestamp-with-time-zone-column: printed in the value's own zone
SELECT CAST(ts AS timestamp with time zone) AS t FROM bars LIMIT 1

-- at-timezone: a zone kept in the value
SELECT at_timezone(CAST(ts AS timestamp with time zone), 'UTC') AS t FROM bars LIMIT 1
