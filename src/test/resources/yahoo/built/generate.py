#!/usr/bin/env python3
"""Builds the made-up chart answers in this folder (see README.md). Deterministic: run it again, get the same files."""
import calendar, datetime, json, random, struct

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def f32(x):
    """Yahoo's prices are float32 values widened to float64, e.g. 140.7772979736328."""
    return struct.unpack("f", struct.pack("f", x))[0]


def epoch(y, mo, d, h, mi, utc_offset_hours):
    return calendar.timegm((y, mo, d, h, mi, 0)) - utc_offset_hours * 3600


def quotes(start_price, count, rng):
    o, h, l, c, v = [], [], [], [], []
    price = start_price
    for _ in range(count):
        op = price
        cl = op + rng.uniform(-0.15, 0.15)
        hi = max(op, cl) + rng.uniform(0, 0.08)
        lo = min(op, cl) - rng.uniform(0, 0.08)
        o.append(f32(op)); h.append(f32(hi)); l.append(f32(lo)); c.append(f32(cl)); v.append(rng.randint(5000, 90000))
        price = cl
    return {"open": o, "high": h, "low": l, "close": c, "volume": v}


def set_null(q, i):
    for key in q:
        q[key][i] = None


def set_after_close(q, i, price):
    for key in ("open", "high", "low", "close"):
        q[key][i] = f32(price)
    q["volume"][i] = 0


def chart(meta, timestamps, quote):
    return {"chart": {"result": [{"meta": meta, "timestamp": timestamps, "indicators": {"quote": [quote]}}], "error": None}}


def write(name, document):
    with open(f"{HERE}/{name}", "w") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")


def nflx_full_day():
    with open(f"{HERE}/../chart-1m-meta-NFLX-2025-12-05.json") as src:
        meta = json.load(src)["chart"]["result"][0]["meta"]
    opens = meta["tradingPeriods"][0][0]["start"]  # 1764945000 = 2025-12-05 09:30 EST
    timestamps = [opens + 60 * i for i in range(391)]  # 390 session bars + the 16:00 bar added after the close
    q = quotes(103.2, 391, random.Random(20251205))
    set_null(q, 150)  # 12:00: no trade that minute
    set_after_close(q, 390, meta["regularMarketPrice"])
    document = chart(meta, timestamps, q)
    write("chart-1m-NFLX-2025-12-05-full-day.json", document)
    text = json.dumps(document, separators=(",", ":"))
    with open(f"{HERE}/chart-1m-NFLX-2025-12-05-truncated.json", "w") as out:
        out.write(text[:2000])  # a connection cut mid-answer


def summer_meta(day_open, day_close, with_trading_periods):
    period = {"timezone": "EDT", "start": day_open, "end": day_close, "gmtoffset": -14400}
    meta = {"currency": "USD", "symbol": "AAPL", "exchangeName": "NMS", "instrumentType": "EQUITY",
            "firstTradeDate": 345479400, "regularMarketTime": day_close, "gmtoffset": -14400, "timezone": "EDT",
            "exchangeTimezoneName": "America/New_York", "regularMarketPrice": 198.42, "scale": 3, "priceHint": 2,
            "currentTradingPeriod": {
                "pre": {"timezone": "EDT", "start": day_open - 19800, "end": day_open, "gmtoffset": -14400},
                "regular": period,
                "post": {"timezone": "EDT", "start": day_close, "end": day_close + 14400, "gmtoffset": -14400}},
            "dataGranularity": "1m", "range": "",
            "validRanges": ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]}
    if with_trading_periods:
        meta["tradingPeriods"] = [[period]]
    return meta


def minutes(y, mo, d, hm_list):
    return [epoch(y, mo, d, h, m, -4) for h, m in hm_list]


def aapl_summer_day():
    # 2025-06-16 (EDT, -04:00); no tradingPeriods, so the day's currentTradingPeriod.regular bounds the session.
    meta = summer_meta(epoch(2025, 6, 16, 9, 30, -4), epoch(2025, 6, 16, 16, 0, -4), False)
    hm = [(9, 28), (9, 29), (9, 30), (9, 31), (9, 32), (9, 33), (9, 34), (15, 58), (15, 59), (16, 0)]
    q = quotes(197.5, len(hm), random.Random(20250616))
    set_after_close(q, len(hm) - 1, meta["regularMarketPrice"])
    write("chart-1m-AAPL-2025-06-16-summer.json", chart(meta, minutes(2025, 6, 16, hm), q))


def aapl_day_with_another_days_period():
    # Bars of Friday 2025-06-13 (and one of Thursday) fetched on Monday: currentTradingPeriod is Monday's.
    meta = summer_meta(epoch(2025, 6, 16, 9, 30, -4), epoch(2025, 6, 16, 16, 0, -4), False)
    timestamps = minutes(2025, 6, 12, [(15, 59)]) + minutes(2025, 6, 13, [(9, 29), (9, 30), (15, 59), (16, 0)])
    q = quotes(196.0, len(timestamps), random.Random(20250613))
    write("chart-1m-AAPL-2025-06-13-regular-period-of-another-day.json", chart(meta, timestamps, q))


def empty_quote_object():
    meta = summer_meta(epoch(2025, 6, 16, 9, 30, -4), epoch(2025, 6, 16, 16, 0, -4), True)
    write("chart-1m-AAPL-2025-06-14-quote-empty-object.json",
          {"chart": {"result": [{"meta": meta, "indicators": {"quote": [{}]}}], "error": None}})


def result_without_meta():
    write("chart-1m-AAPL-result-without-meta.json",
          {"chart": {"result": [{"timestamp": minutes(2025, 6, 16, [(9, 30)]),
                                 "indicators": {"quote": [quotes(197.5, 1, random.Random(1))]}}], "error": None}})


def too_many_requests():
    with open(f"{HERE}/too-many-requests.HTTP429.txt", "w") as out:
        out.write("Too Many Requests\r\n")


nflx_full_day()
aapl_summer_day()
aapl_day_with_another_days_period()
empty_quote_object()
result_without_meta()
too_many_requests()
