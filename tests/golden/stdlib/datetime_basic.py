# datetime: date/time/datetime/timedelta construction, reprs, str,
# arithmetic, comparisons, isoformat/fromisoformat, strftime/strptime,
# timezone, and now()/today() on the virtual clock.
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone

d = date(2024, 1, 15)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar())
print(d.isoformat(), d.ctime(), d.toordinal(), date.fromordinal(738900), d.replace(day=31))
print(d + timedelta(days=20), d - timedelta(weeks=3), date(2024, 3, 1) - date(2024, 2, 1), d - d)
print(d < date(2024, 1, 16), d == date(2024, 1, 15), max(d, date(2023, 12, 31)), sorted([d, date(2020, 5, 5)]))
print(date.fromisoformat('2023-07-04'), date.fromisoformat('20230704'), date.fromisocalendar(2024, 3, 1))
print(date(2024, 2, 29).strftime('%A %d %B %Y | %a %b %j %U %W %w %y %m/%d'), f'{d:%Y/%m/%d}', format(d, ''))
t = time(14, 5, 9, 123)
print(t, repr(t), time(9, 30), repr(time(9, 30)), repr(time()), t.isoformat('minutes'), t.strftime('%I:%M %p'))
print(time.fromisoformat('10:11:12.5'), time(1, 2, 3) < time(1, 2, 4), t.replace(hour=1))
dtm = datetime(2024, 1, 15, 10, 30)
print(dtm, repr(dtm), repr(datetime(2024, 1, 15)), repr(datetime(2024, 1, 15, 0, 0, 5, 10)))
print(dtm.isoformat(), dtm.isoformat(' ', 'seconds'), dtm.isoformat(timespec='milliseconds'), dtm.date(), dtm.time())
print(dtm + timedelta(hours=15, minutes=45), dtm - timedelta(days=400), datetime(2024, 3, 1) - dtm)
print(dtm.strftime('%Y-%m-%d %H:%M:%S'), dtm.strftime('%c|%x|%X|%f|%p'), dtm.ctime(), dtm.timestamp())
print(datetime.strptime('15/01/2024 14:05', '%d/%m/%Y %H:%M'), datetime.strptime('Mar 3 2021 1:02PM', '%b %d %Y %I:%M%p'))
print(datetime.strptime('2024-02-03T04:05:06.789', '%Y-%m-%dT%H:%M:%S.%f'), datetime.strptime('99', '%y'))
print(datetime.fromisoformat('2024-01-15T10:30:45'), datetime.fromisoformat('2024-01-15 10:30'), datetime.fromisoformat('2024-01-15'))
print(repr(datetime.fromisoformat('2024-01-15T10:30:45.123+05:30')), datetime.fromisoformat('2024-06-01T12:00:00Z'))
print(datetime.combine(d, t), datetime.fromtimestamp(0), datetime.utcfromtimestamp(86400 * 365.25), datetime.fromtimestamp(1.5))
print(dtm.replace(minute=0), dtm.weekday(), dtm.timetuple()[:6], dtm > datetime(2024, 1, 15), dtm == d)
for bad in (lambda: date(2024, 13, 1), lambda: date(2023, 2, 29), lambda: date(0, 1, 1),
            lambda: datetime(2024, 1, 1, 24), lambda: time(1, 60), lambda: datetime.strptime('2024-01-xx', '%Y-%m-%d'),
            lambda: datetime.strptime('2024-01-01 junk', '%Y-%m-%d'), lambda: date.fromisoformat('2024-1-5'),
            lambda: dtm < d, lambda: dtm - datetime(2024, 1, 1, tzinfo=timezone.utc),
            lambda: dtm < datetime(2024, 1, 1, tzinfo=timezone.utc), lambda: timedelta(days=10 ** 9)):
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)

td = timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5, microseconds=6)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(0), repr(timedelta()), timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(seconds=-0.5))
print(timedelta(days=2) * 3, timedelta(hours=1) * 1.5, timedelta(hours=3) / 2, timedelta(hours=3) / timedelta(minutes=40))
print(timedelta(hours=3) // timedelta(minutes=40), timedelta(hours=3) % timedelta(minutes=40), divmod(timedelta(hours=3), timedelta(minutes=40)))
print(-td, abs(timedelta(days=-3)), timedelta(weeks=1) > timedelta(days=6), timedelta(minutes=90) == timedelta(hours=1.5))
print(timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(days=0.1), timedelta(seconds=1e-7), bool(timedelta(0)))
print(sum([timedelta(minutes=20)] * 5, timedelta()), timedelta.max, timedelta.min, timedelta.resolution)
print(timedelta(days=365).total_seconds(), str(timedelta(days=-1, seconds=86399)), timedelta(days=1, seconds=1) // 2)

utc = timezone.utc
est = timezone(timedelta(hours=-5), 'EST')
ist = timezone(timedelta(hours=5, minutes=30))
print(utc, repr(utc), est, repr(est), ist, repr(ist), timezone(timedelta(0)) is utc)
aware = datetime(2024, 1, 15, 12, 0, tzinfo=utc)
print(aware, repr(aware), aware.astimezone(est), aware.astimezone(ist).isoformat(), aware.utcoffset(), aware.tzname())
print(aware == datetime(2024, 1, 15, 7, 0, tzinfo=est), aware - datetime(2024, 1, 15, 7, 0, tzinfo=ist), aware.timestamp())
print(aware.strftime('%Y-%m-%d %H:%M %Z %z'), datetime(2024, 1, 1, tzinfo=est).strftime('%z %Z'), dt.UTC is utc)
now = datetime.now()
print(now.year >= 2026, date.today().year >= 2026, type(now).__name__, datetime.now(utc).tzinfo, now.astimezone().tzinfo)
print(date.min, date.max, datetime.min, dt.MINYEAR, dt.MAXYEAR, time.max, date.resolution)
print(len({d, date(2024, 1, 15), date(2024, 1, 16)}), hash(td) == hash(timedelta(days=1, seconds=7384, microseconds=5006)))
ages = {'a': date(1990, 5, 17), 'b': date(1985, 12, 1)}
ref = date(2024, 6, 1)
print({k: (ref - v).days // 365 for k, v in ages.items()}, (date(2024, 12, 25) - ref).days)
