# The Python half of the `time` module: struct_time, gmtime, localtime,
# strftime, ctime (UTC; the interpreter does not read time zones).

class struct_time(tuple):
    n_fields = 11
    n_sequence_fields = 9
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = 'UTC'
    tm_gmtoff = 0

    def __repr__(self):
        names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min',
                 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
        return 'time.struct_time(' + ', '.join(
            f'{n}={v}' for n, v in zip(names, self)) + ')'

struct_time.__module__ = 'time'

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_FULL_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_FULL_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                'August', 'September', 'October', 'November', 'December')


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rem = divmod(secs, 86400)
    y, m, d = _civil(days)
    hour, rem = divmod(rem, 3600)
    minute, sec = divmod(rem, 60)
    wday = (days + 3) % 7
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    cum = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    yday = cum[m - 1] + d + (1 if leap and m > 2 else 0)
    return struct_time((y, m, d, hour, minute, sec, wday, yday, 0))


localtime = gmtime


def mktime(t):
    y, m, d, hh, mm, ss = t[0], t[1], t[2], t[3], t[4], t[5]
    a = (14 - m) // 12
    yy = y + 4800 - a
    mo = m + 12 * a - 3
    jdn = d + (153 * mo + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045
    days = jdn - 2440588
    return float(days * 86400 + hh * 3600 + mm * 60 + ss)


def strftime(fmt, t=None):
    if t is None:
        t = localtime()
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != '%' or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == 'Y':
            out.append(str(t[0]))
        elif k == 'y':
            out.append('%02d' % (t[0] % 100))
        elif k == 'm':
            out.append('%02d' % t[1])
        elif k == 'd':
            out.append('%02d' % t[2])
        elif k == 'H':
            out.append('%02d' % t[3])
        elif k == 'I':
            out.append('%02d' % ((t[3] + 11) % 12 + 1))
        elif k == 'p':
            out.append('AM' if t[3] < 12 else 'PM')
        elif k == 'M':
            out.append('%02d' % t[4])
        elif k == 'S':
            out.append('%02d' % t[5])
        elif k == 'a':
            out.append(_DAYS[t[6]])
        elif k == 'A':
            out.append(_FULL_DAYS[t[6]])
        elif k == 'b':
            out.append(_MONTHS[t[1] - 1])
        elif k == 'B':
            out.append(_FULL_MONTHS[t[1] - 1])
        elif k == 'j':
            out.append('%03d' % t[7])
        elif k == 'Z':
            out.append('UTC')
        elif k == 'z':
            out.append('+0000')
        elif k == '%':
            out.append('%')
        elif k == 'c':
            out.append(asctime(t))
        elif k == 'x':
            out.append('%02d/%02d/%02d' % (t[1], t[2], t[0] % 100))
        elif k == 'X':
            out.append('%02d:%02d:%02d' % (t[3], t[4], t[5]))
        else:
            out.append('%' + k)
    return ''.join(out)


def asctime(t=None):
    if t is None:
        t = localtime()
    return '%s %s %2d %02d:%02d:%02d %d' % (
        _DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def get_clock_info(name):
    class _Info:
        adjustable = name == 'time'
        implementation = 'clock_gettime(CLOCK_MONOTONIC)' if name != 'time' else 'clock_gettime(CLOCK_REALTIME)'
        monotonic = name != 'time'
        resolution = 1e-09
    return _Info()
