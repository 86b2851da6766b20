-- Analyst queries over the bars table, written for Athena (Trino SQL). {{bars_once}} stands for the setting
-- athena.bars-once (each bar once). A query whose last clause is ORDER BY is compared row by row in order; any
-- other as a set of rows. Each query starts with a line "-- name: what it asks".

-- hourly-highs: highest high of each symbol and exchange hour
SELECT name, substr(ts, 12, 2) AS hour, max(high) AS high FROM bars GROUP BY name, substr(ts, 12, 2) ORDER BY name, hour

-- hourly-lows: lowest low of each symbol and hour, the hour as a number
SELECT name, CAST(substr(ts, 12, 2) AS integer) AS hour, min(low) AS low FROM bars GROUP BY 1, 2 ORDER BY name, hour

-- daily-high-low: each symbol's day
SELECT name, substr(ts, 1, 10) AS day, max(high) AS high, min(low) AS low FROM bars GROUP BY 1, 2 ORDER BY name

-- daily-range: widest trading range first
SELECT name, max(high) - min(low) AS range FROM bars GROUP BY name ORDER BY range DESC, name

-- hourly-range: per hour, rounded
SELECT name, substr(ts, 12, 2) AS hour, round(max(high) - min(low), 4) AS range FROM bars GROUP BY 1, 2 ORDER BY 1, 2

-- first-bar-of-hour: row_number over each hour
SELECT name, hour, ts, high FROM (SELECT name, substr(ts, 12, 2) AS hour, ts, high, row_number() OVER (PARTITION BY name, substr(ts, 12, 2) ORDER BY ts) AS rn FROM ({{bars_once}})) WHERE rn = 1 ORDER BY name, hour

-- last-bar-of-hour: row_number descending
SELECT name, hour, ts, low FROM (SELECT name, substr(ts, 12, 2) AS hour, ts, low, row_number() OVER (PARTITION BY name, substr(ts, 12, 2) ORDER BY ts DESC) AS rn FROM ({{bars_once}})) WHERE rn = 1 ORDER BY name, hour

-- open-close-of-hour: first_value and last_value over the whole hour
SELECT DISTINCT name, substr(ts, 12, 2) AS hour, first_value(low) OVER w AS first_low, last_value(high) OVER w AS last_high FROM ({{bars_once}}) WINDOW w AS (PARTITION BY name, substr(ts, 12, 2) ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY 1, 2

-- records-per-symbol: what the lake holds, duplicates included
SELECT name, count(*) AS records FROM bars GROUP BY name ORDER BY name

-- bars-per-symbol: each minute once
SELECT name, count(DISTINCT ts) AS bars FROM bars GROUP BY name ORDER BY name

-- duplicates: records landed more than once
SELECT name, count(*) - count(DISTINCT ts) AS duplicates FROM bars GROUP BY name ORDER BY duplicates DESC, name

-- missing-minutes: of the 390 of a regular session
SELECT name, 390 - count(DISTINCT ts) AS missing FROM bars GROUP BY name ORDER BY missing DESC, name

-- missing-minutes-per-hour: 30 in the 9 o'clock hour, 60 in the others
SELECT name, hour, CASE WHEN hour = '09' THEN 30 ELSE 60 END - minutes AS missing FROM (SELECT name, substr(ts, 12, 2) AS hour, count(DISTINCT ts) AS minutes FROM bars GROUP BY 1, 2) ORDER BY name, hour

-- gaps: minutes between a bar and the one before it, where more than one
SELECT name, ts, gap FROM (SELECT name, ts, date_diff('minute', lag(t) OVER (PARTITION BY name ORDER BY t), t) AS gap FROM (SELECT name, ts, CAST(substr(ts, 1, 19) AS timestamp) AS t FROM ({{bars_once}}))) WHERE gap > 1 ORDER BY name, ts

-- join-two-symbols: FB and SNAP minute by minute
SELECT a.ts, a.high AS fb_high, b.high AS snap_high FROM ({{bars_once}}) a JOIN ({{bars_once}}) b ON a.ts = b.ts WHERE a.name = 'FB' AND b.name = 'SNAP' ORDER BY a.ts LIMIT 20

-- join-count: minutes NFLX was above DDOG
SELECT count(*) AS minutes FROM ({{bars_once}}) a JOIN ({{bars_once}}) b ON a.ts = b.ts AND a.name = 'NFLX' AND b.name = 'DDOG' WHERE a.high > b.high

-- join-ratio: one symbol's high over another's
SELECT a.ts, a.high / b.high AS ratio FROM ({{bars_once}}) a JOIN ({{bars_once}}) b ON a.ts = b.ts WHERE a.name = 'SHOP' AND b.name = 'OKTA' ORDER BY a.ts LIMIT 10

-- left-join-missing: minutes one symbol has and the other lacks
SELECT count(*) AS only_pins FROM ({{bars_once}}) a LEFT JOIN ({{bars_once}}) b ON a.ts = b.ts AND b.name = 'TTD' WHERE a.name = 'PINS' AND b.ts IS NULL

-- utc-timestamp: the bar's time in UTC
SELECT name, ts, CAST(from_iso8601_timestamp(replace(ts, ' ', 'T')) AT TIME ZONE 'UTC' AS timestamp) AS utc FROM ({{bars_once}}) WHERE name = 'BYND' ORDER BY ts LIMIT 5

-- utc-hours: bars per UTC hour
SELECT hour(from_iso8601_timestamp(replace(ts, ' ', 'T')) AT TIME ZONE 'UTC') AS utc_hour, count(*) AS bars FROM ({{bars_once}}) GROUP BY 1 ORDER BY 1

-- london-hours: the session in London's hours
SELECT DISTINCT hour(CAST(ts AS timestamp with time zone) AT TIME ZONE 'Europe/London') AS london_hour FROM bars ORDER BY 1

-- epoch-seconds: first bar of each symbol in Unix time
SELECT name, min(to_unixtime(from_iso8601_timestamp(replace(ts, ' ', 'T')))) AS first_epoch FROM bars GROUP BY name ORDER BY name

-- date-filter: bars of the day by a date comparison
SELECT count(*) AS records FROM bars WHERE date(substr(ts, 1, 10)) = DATE '2020-12-01'

-- time-window-filter: the 10 o'clock hour
SELECT name, count(*) AS bars FROM ({{bars_once}}) WHERE substr(ts, 1, 16) BETWEEN '2020-12-01 10:00' AND '2020-12-01 10:59' GROUP BY name ORDER BY name

-- timestamp-filter: the last hour, by timestamp
SELECT name, max(high) AS high FROM bars WHERE CAST(substr(ts, 1, 19) AS timestamp) >= TIMESTAMP '2020-12-01 15:00:00' GROUP BY name ORDER BY name

-- top-bars: highest highs of the day
SELECT name, ts, high FROM ({{bars_once}}) ORDER BY high DESC, name, ts LIMIT 5

-- limit-offset: a page of bars
SELECT name, ts, low FROM ({{bars_once}}) ORDER BY ts, name OFFSET 100 LIMIT 10

-- time-of-high: when each symbol made its high (the earliest, on ties)
SELECT name, min(ts) AS ts_of_high FROM (SELECT name, ts, high, max(high) OVER (PARTITION BY name) AS top FROM ({{bars_once}})) WHERE high = top GROUP BY name ORDER BY name

-- distinct-counts: symbols and minutes (approx_distinct is refused: docs/athena-dialect.md)
SELECT count(DISTINCT name) AS symbols, count(DISTINCT ts) AS minutes FROM bars

-- average-high: rounded to a cent
SELECT name, round(avg(high), 2) AS avg_high FROM ({{bars_once}}) GROUP BY name ORDER BY name

-- integer-division: average minute of the hour, in whole minutes
SELECT name, sum(CAST(substr(ts, 15, 2) AS integer)) / count(*) AS avg_minute FROM ({{bars_once}}) GROUP BY name ORDER BY name

-- half-hour-buckets: integer division of the minute of the day
SELECT (CAST(substr(ts, 12, 2) AS integer) * 60 + CAST(substr(ts, 15, 2) AS integer)) / 30 AS bucket, count(*) AS bars FROM ({{bars_once}}) GROUP BY 1 ORDER BY 1

-- utc-offset: the offset at the end of ts (negative substr)
SELECT DISTINCT substr(ts, -6) AS utc_offset FROM bars

-- labels: concat of name and time
SELECT concat(name, '@', substr(ts, 12, 5)) AS label FROM ({{bars_once}}) ORDER BY label LIMIT 3

-- date-trunc-hour: hourly highs by truncated timestamp
SELECT name, date_trunc('hour', CAST(substr(ts, 1, 19) AS timestamp)) AS hour, max(high) AS high FROM bars GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 12

-- day-of-week: Tuesday is 2
SELECT DISTINCT day_of_week(date(substr(ts, 1, 10))) AS dow FROM bars

-- having: symbols that traded above 100
SELECT name FROM bars GROUP BY name HAVING max(high) > 100 ORDER BY name

-- rank: symbols by their high
SELECT name, rank() OVER (ORDER BY max(high) DESC) AS place FROM bars GROUP BY name ORDER BY place, name

-- regexp: symbols starting with S
SELECT count(DISTINCT name) AS symbols FROM bars WHERE regexp_like(name, '^S')

-- split-part: the day part of ts
SELECT DISTINCT split_part(ts, ' ', 1) AS day FROM bars

-- minutes-since-open: last bar's minute of the session
SELECT name, max(date_diff('minute', TIMESTAMP '2020-12-01 09:30:00', CAST(substr(ts, 1, 19) AS timestamp))) AS last_minute FROM bars GROUP BY name ORDER BY name

-- decimal-cast: highs as money
SELECT name, CAST(max(high) AS decimal(10, 2)) AS high FROM bars GROUP BY name ORDER BY name

-- unnamed-columns: Athena names them _col0, _col1
SELECT name, count(*), max(high) FROM bars GROUP BY name ORDER BY name

-- union: the extremes of two symbols
SELECT 'high' AS kind, max(high) AS price FROM bars WHERE name = 'SQ' UNION ALL SELECT 'low', min(low) FROM bars WHERE name = 'SQ'
