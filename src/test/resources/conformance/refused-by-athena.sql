-- DuckDB's own syntax and functions, which Athena refuses: the embedded Athena refuses them with Trino's message.

-- double-colon-cast: DuckDB's cast
SELECT ts::timestamp AS t FROM bars LIMIT 1

-- qualify: DuckDB's filter on window functions
SELECT name, ts FROM bars QUALIFY row_number() OVER (PARTITION BY name ORDER BY ts) = 1

-- strftime: DuckDB's date formatting
SELECT strftime(CAST(substr(ts, 1, 19) AS timestamp), '%H') AS hour FROM bars

-- strptime: DuckDB's date parsing
SELECT strptime(substr(ts, 1, 19), '%Y-%m-%d %H:%M:%S') AS t FROM bars

-- string-agg: DuckDB's string aggregation (Athena: listagg or array_join(array_agg(...)))
SELECT string_agg(name, ',') AS names FROM bars

-- read-json: DuckDB's file reading in FROM
SELECT * FROM read_json('bars.json')

-- group-by-all: DuckDB's GROUP BY ALL
SELECT name, max(high) AS high FROM bars GROUP BY ALL

-- trailing-semicolon: one statement, no terminator
SELECT 1;
