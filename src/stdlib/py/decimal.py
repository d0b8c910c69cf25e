# decimal: decimal floating point (General Decimal Arithmetic) - Decimal
# with exact construction (str/int/float/tuple), context precision and
# rounding (getcontext/setcontext/localcontext), + - * / // % ** divmod,
# quantize, sqrt, normalize, to_integral, comparisons/hashing consistent
# with int/float, str/repr/format like CPython, and the signal classes.
# Inexact/Rounded flags are tracked; only trapped signals raise.

import math as _math
import numbers as _numbers
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = "2.5.1"

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


_SIGNALS = [Clamped, DivisionByZero, Inexact, Overflow, Rounded,
            Underflow, InvalidOperation, Subnormal, FloatOperation]
for _c in _SIGNALS + [DecimalException, ConversionSyntax, DivisionImpossible,
                      DivisionUndefined, InvalidContext]:
    _c.__module__ = 'decimal'
del _c

_SIGNAL_ORDER = [InvalidOperation, FloatOperation, DivisionByZero, Overflow,
                 Underflow, Subnormal, Inexact, Rounded, Clamped]

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join('<class \'decimal.%s\'>:%s' % (k.__name__, v) for k, v in self.items()) + '}'


class Context(object):
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        dc = DefaultContext if DefaultContext is not None else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            traps = dict(dc.traps) if dc else {s: s in (InvalidOperation, DivisionByZero, Overflow) for s in _SIGNALS}
        elif not isinstance(traps, dict):
            traps = {s: s in traps for s in _SIGNALS}
        self.traps = _SignalDict(traps)
        if flags is None:
            flags = {s: False for s in _SIGNALS}
        elif not isinstance(flags, dict):
            flags = {s: s in flags for s in _SIGNALS}
        self.flags = _SignalDict(flags)

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [f.__name__ for f in _SIGNAL_ORDER if self.flags.get(f)]
        traps = [t.__name__ for t in _SIGNAL_ORDER if self.traps.get(t)]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, ', '.join(flags), ', '.join(traps)))

    def _raise(self, signal, cond=None, explanation=None):
        self.flags[signal] = True
        if self.traps.get(signal, False):
            raise signal([cond or signal])

    def clear_flags(self):
        for f in self.flags:
            self.flags[f] = False

    def clear_traps(self):
        for f in self.traps:
            self.traps[f] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num='0'):
        d = Decimal(num)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def add(self, a, b):
        return _conv(a).__add__(_conv(b), context=self)

    def subtract(self, a, b):
        return _conv(a).__sub__(_conv(b), context=self)

    def multiply(self, a, b):
        return _conv(a).__mul__(_conv(b), context=self)

    def divide(self, a, b):
        return _conv(a).__truediv__(_conv(b), context=self)

    def sqrt(self, a):
        return _conv(a).sqrt(context=self)

    def quantize(self, a, b):
        return _conv(a).quantize(_conv(b), context=self)

    def power(self, a, b, modulo=None):
        return _conv(a).__pow__(_conv(b), modulo, context=self)

    def abs(self, a):
        return _conv(a).__abs__(context=self)

    def plus(self, a):
        return _conv(a).__pos__(context=self)

    def minus(self, a):
        return _conv(a).__neg__(context=self)


def _conv(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError("conversion from %s to Decimal is not supported" % type(x).__name__)


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero, Overflow, InvalidOperation],
                         flags=[], Emax=999999, Emin=-999999, capitals=1, clamp=0)
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_current_context = [None]


def getcontext():
    ctx = _current_context[0]
    if ctx is None:
        ctx = _current_context[0] = DefaultContext.copy()
    return ctx


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context[0] = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key == 'flags' or key == 'traps':
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(manager.new_context, key, value)
    return manager


_BAD_OPERAND = (float, complex, str, bytes, list, tuple, dict, set, frozenset, type(None))


def _convert_other(other, op, swap=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    return None


def _type_error(a, b, sym):
    def name(x):
        return 'decimal.Decimal' if isinstance(x, Decimal) else type(x).__name__
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (sym, name(a), name(b)))


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_exp', '_int', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse_decimal(value)
            if parsed is None:
                ctx = context or getcontext()
                ctx._raise(InvalidOperation, ConversionSyntax)
                self._sign, self._int, self._exp, self._is_special = 0, '', 'n', True
                return self
            self._sign, self._int, self._exp, self._is_special = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = str(abs(value))
            self._exp = 0
            self._is_special = False
            return self
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._is_special = value._sign, value._int, value._exp, value._is_special
            return self
        if isinstance(value, float):
            return cls.from_float(value) if cls is Decimal else cls(cls.from_float(value))
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            self._sign = sign
            if exp == 'F':
                self._int, self._exp, self._is_special = '', 'F', True
            elif exp in ('n', 'N'):
                self._int = ''.join(map(str, digits)).lstrip('0')
                self._exp, self._is_special = exp, True
            else:
                for d in digits:
                    if not (isinstance(d, int) and 0 <= d <= 9):
                        raise ValueError("The second value in the tuple must be composed of integers in the range 0 through 9.")
                self._int = ''.join(map(str, digits)).lstrip('0') or '0'
                self._exp = exp
                self._is_special = False
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float.")
        if _math.isinf(f) or _math.isnan(f):
            return cls(repr(f))
        sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        coeff = str(n * 5 ** k)
        result = object.__new__(cls)
        result._sign, result._int, result._exp, result._is_special = sign, coeff, -k, False
        return result

    # ------------------------------------------------------------ helpers

    def _isnan(self):
        if self._is_special:
            if self._exp == 'n':
                return 1
            if self._exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def _coef(self):
        return int(self._int or '0')

    def adjusted(self):
        try:
            return self._exp + len(self._int) - 1
        except TypeError:
            return 0

    def _fix(self, context):
        """Round to the context's precision (and clamp the exponent)."""
        if self._is_special:
            return self
        prec = context.prec
        digits = len(self._int)
        if digits <= prec:
            exp_max = context.Emax
            if self.adjusted() > exp_max and self._int != '0':
                context._raise(Inexact)
                context._raise(Rounded)
                context._raise(Overflow)
                return _dec(self._sign, '', 'F', True)
            return self
        drop = digits - prec
        coef = int(self._int)
        q, r = divmod(coef, 10 ** drop)
        half = 5 * 10 ** (drop - 1)
        q = _round_q(q, r, half, drop, self._sign, context.rounding)
        exp = self._exp + drop
        s = str(q)
        if len(s) > prec:
            s = s[:-1]
            exp += 1
        if r:
            context._raise(Inexact)
        context._raise(Rounded)
        result = _dec(self._sign, s, exp)
        if result.adjusted() > context.Emax:
            context._raise(Overflow)
            return _dec(self._sign, '', 'F', True)
        return result

    def _rescale(self, exp, rounding):
        """The value with exponent `exp`, rounded with `rounding`."""
        if self._is_special:
            return self
        if not self._int or self._int == '0':
            return _dec(self._sign, '0', exp)
        if self._exp >= exp:
            return _dec(self._sign, self._int + '0' * (self._exp - exp), exp)
        drop = exp - self._exp
        coef = int(self._int)
        q, r = divmod(coef, 10 ** drop)
        half = 5 * 10 ** (drop - 1)
        q = _round_q(q, r, half, drop, self._sign, rounding)
        return _dec(self._sign, str(q), exp)

    # ------------------------------------------------------------ conversion

    def __str__(self, eng=False, context=None):
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            elif self._exp == 'n':
                return sign + 'NaN' + self._int
            else:
                return sign + 'sNaN' + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def as_tuple(self):
        if self._is_special:
            return DecimalTuple(self._sign, tuple(map(int, self._int)), self._exp)
        return DecimalTuple(self._sign, tuple(map(int, self._int)), self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self:
            return 0, 1
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d5 = -self._exp
            while d5 > 0 and n % 5 == 0:
                n //= 5
                d5 -= 1
            d2 = -self._exp
            shift2 = min((n & -n).bit_length() - 1, d2)
            if shift2:
                n >>= shift2
                d2 -= shift2
            d = 5 ** d5 << d2
        if self._sign:
            n = -n
        return n, d

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        else:
            return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    def __float__(self):
        if self._isnan():
            s = "-nan" if self._sign else "nan"
        else:
            s = str(self)
        return float(s)

    def __floor__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            exp = _dec(0, '1', -n)
            return self.quantize(exp)
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __bool__(self):
        return self._is_special or self._int != '0'

    def __hash__(self):
        if self._is_special:
            if self._isnan():
                return 0
            return 314159 if not self._sign else -314159
        modulus = (1 << 61) - 1
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, modulus)
        else:
            exp_hash = pow(pow(10, modulus - 2, modulus), -self._exp, modulus)
        hash_ = int(self._int) * exp_hash % modulus
        ans = hash_ if self >= 0 else -hash_
        return -2 if ans == -1 else ans

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_format_spec(specifier)
        if self._is_special:
            body = str(abs(self)) if not self._isnan() else ('NaN' if self._exp == 'n' else 'sNaN')
            sign = _format_sign(self._sign, spec)
            return _format_align(sign, body, spec)
        ftype = spec['type']
        prec = spec['precision']
        if ftype is None:
            ftype = ['g', 'G'][context.capitals] if prec is not None else None
        if ftype == '%':
            work = _dec(self._sign, self._int, self._exp + 2)
        else:
            work = self
        rounding = context.rounding
        if ftype in ('e', 'E'):
            p = prec if prec is not None else len(work._int) - 1
            work = work._round_digits(p + 1, rounding) if work._int != '0' else work
            body = work._sci_body(ftype, p)
        elif ftype in ('f', 'F', '%'):
            if prec is not None:
                work = work._rescale(-prec, rounding)
            body = work._fixed_body()
        elif ftype in ('g', 'G'):
            p = prec if prec is not None else None
            if p == 0:
                p = 1
            if p is not None and len(work._int) > p and work._int != '0':
                work = work._round_digits(p, rounding)
            leftdigits = work._exp + len(work._int)
            if work._exp <= 0 and leftdigits > -6:
                body = work._fixed_body()
            else:
                body = work._sci_body('e' if ftype == 'g' else 'E', len(work._int) - 1)
        else:
            body = str(abs(work))
        if ftype == '%':
            body += '%'
        if spec['thousands_sep']:
            body = _insert_thousands(body, spec['thousands_sep'])
        sign = _format_sign(work._sign, spec)
        return _format_align(sign, body, spec)

    def _round_digits(self, ndigits, rounding):
        drop = len(self._int) - ndigits
        if drop <= 0:
            return self
        return self._rescale(self._exp + drop, rounding)

    def _fixed_body(self):
        coef, exp = self._int, self._exp
        if exp >= 0:
            return coef + '0' * exp if coef != '0' else '0'
        if len(coef) > -exp:
            return coef[:exp] + '.' + coef[exp:]
        return '0.' + '0' * (-exp - len(coef)) + coef

    def _sci_body(self, e, p):
        coef = self._int
        adj = self._exp + len(coef) - 1
        digits = (coef + '0' * max(0, p + 1 - len(coef)))[:p + 1]
        mant = digits[0] + ('.' + digits[1:] if p > 0 else '')
        return '%s%s%+d' % (mant, e, adj)

    # ------------------------------------------------------------ arithmetic

    def _check_nans(self, other, context):
        if self._isnan() or (other is not None and other._isnan()):
            if (self._isnan() == 2) or (other is not None and other._isnan() == 2):
                context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        return None

    def __add__(self, other, context=None):
        o = _convert_other(other, '+')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '+')
            return NotImplemented
        if context is None:
            context = getcontext()
        nan = self._check_nans(o, context)
        if nan is not None:
            return nan
        if self._is_special or o._is_special:
            si, oi = self._isinfinity(), o._isinfinity()
            if si and oi and si != oi:
                context._raise(InvalidOperation)
                return _dec(0, '', 'n', True)
            return self if si else o
        exp = min(self._exp, o._exp)
        a = self._signed_coef_at(exp)
        b = o._signed_coef_at(exp)
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and o._sign) or (context.rounding == ROUND_FLOOR and self._sign != o._sign) else 0
            if self._sign and o._sign:
                sign = 1
            return _dec(sign, '0', exp)._fix(context)
        return _dec(1 if total < 0 else 0, str(abs(total)), exp)._fix(context)

    def __radd__(self, other, context=None):
        o = _convert_other(other, '+')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(other, self, '+')
            return NotImplemented
        return self.__add__(o, context=context)

    def _signed_coef_at(self, exp):
        v = int(self._int) * 10 ** (self._exp - exp)
        return -v if self._sign else v

    def __sub__(self, other, context=None):
        o = _convert_other(other, '-')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '-')
            return NotImplemented
        return self.__add__(o.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        o = _convert_other(other, '-')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(other, self, '-')
            return NotImplemented
        return o.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        o = _convert_other(other, '*')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '*')
            return NotImplemented
        if context is None:
            context = getcontext()
        sign = self._sign ^ o._sign
        nan = self._check_nans(o, context)
        if nan is not None:
            return nan
        if self._is_special or o._is_special:
            if (self._isinfinity() and not o) or (o._isinfinity() and not self):
                context._raise(InvalidOperation)
                return _dec(0, '', 'n', True)
            return _dec(sign, '', 'F', True)
        return _dec(sign, str(int(self._int) * int(o._int)), self._exp + o._exp)._fix(context)

    def __rmul__(self, other, context=None):
        o = _convert_other(other, '*')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(other, self, '*')
            return NotImplemented
        return self.__mul__(o, context=context)

    def __truediv__(self, other, context=None):
        o = _convert_other(other, '/')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '/')
            return NotImplemented
        if context is None:
            context = getcontext()
        sign = self._sign ^ o._sign
        nan = self._check_nans(o, context)
        if nan is not None:
            return nan
        if self._is_special or o._is_special:
            if self._isinfinity() and o._isinfinity():
                context._raise(InvalidOperation)
                return _dec(0, '', 'n', True)
            if self._isinfinity():
                return _dec(sign, '', 'F', True)
            return _dec(sign, '0', context.Etiny())
        if not o:
            if not self:
                context._raise(InvalidOperation, DivisionUndefined)
                return _dec(0, '', 'n', True)
            context._raise(DivisionByZero)
            return _dec(sign, '', 'F', True)
        if not self:
            exp = self._exp - o._exp
            return _dec(sign, '0', exp)._fix(context)
        prec = context.prec
        a, b = int(self._int), int(o._int)
        shift = len(o._int) - len(self._int) + prec + 1
        exp = self._exp - o._exp - shift
        if shift >= 0:
            coeff, remainder = divmod(a * 10 ** shift, b)
        else:
            coeff, remainder = divmod(a, b * 10 ** -shift)
        if remainder:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal_exp = self._exp - o._exp
            while exp < ideal_exp and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return _dec(sign, str(coeff), exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        o = _convert_other(other, '/')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(other, self, '/')
            return NotImplemented
        return o.__truediv__(self, context=context)

    def _divide_int(self, o, context):
        """(integer quotient truncated toward zero, remainder) as Decimals."""
        sign = self._sign ^ o._sign
        if not o:
            if not self:
                context._raise(InvalidOperation, DivisionUndefined)
                nan = _dec(0, '', 'n', True)
                return nan, nan
            context._raise(DivisionByZero)
            return _dec(sign, '', 'F', True), _dec(0, '', 'n', True)
        exp = min(self._exp, o._exp)
        a = int(self._int) * 10 ** (self._exp - exp)
        b = int(o._int) * 10 ** (o._exp - exp)
        q, r = divmod(a, b)
        if len(str(q)) > context.prec:
            context._raise(InvalidOperation, DivisionImpossible)
            nan = _dec(0, '', 'n', True)
            return nan, nan
        rem = _dec(self._sign, str(r), exp)
        return _dec(sign, str(q), 0), rem._fix(context)

    def __floordiv__(self, other, context=None):
        o = _convert_other(other, '//')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '//')
            return NotImplemented
        if context is None:
            context = getcontext()
        return self._divide_int(o, context)[0]

    def __rfloordiv__(self, other, context=None):
        o = _convert_other(other, '//')
        if o is None:
            return NotImplemented
        return o.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        o = _convert_other(other, '%')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '%')
            return NotImplemented
        if context is None:
            context = getcontext()
        if not o:
            if not self:
                context._raise(InvalidOperation, DivisionUndefined)
            else:
                context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        return self._divide_int(o, context)[1]

    def __rmod__(self, other, context=None):
        o = _convert_other(other, '%')
        if o is None:
            return NotImplemented
        return o.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        o = _convert_other(other, 'divmod()')
        if o is None:
            return NotImplemented
        if context is None:
            context = getcontext()
        return self._divide_int(o, context)

    def __rdivmod__(self, other, context=None):
        o = _convert_other(other, 'divmod()')
        if o is None:
            return NotImplemented
        return o.__divmod__(self, context=context)

    def __pow__(self, other, modulo=None, context=None):
        o = _convert_other(other, '**')
        if o is None:
            if isinstance(other, _BAD_OPERAND):
                _type_error(self, other, '** or pow()')
            return NotImplemented
        if context is None:
            context = getcontext()
        if modulo is not None:
            m = _convert_other(modulo, 'pow')
            return Decimal(pow(int(self), int(o), int(m)))
        if o._is_special or self._is_special:
            return Decimal(float(self) ** float(o))
        if o._exp >= 0 or o == o.to_integral_value():
            n = int(o)
            if n == 0:
                if not self:
                    context._raise(InvalidOperation)
                    return _dec(0, '', 'n', True)
                return Decimal(1)
            base = self
            if n < 0:
                if not self:
                    context._raise(DivisionByZero)
                    return _dec(self._sign if n % 2 else 0, '', 'F', True)
                n = -n
                sign = self._sign if n % 2 else 0
                coef = int(self._int) ** n
                exp = self._exp * n
                exact = _dec(sign, str(coef), exp)
                one = Decimal(1)
                ctx = context.copy()
                ctx.prec = context.prec + 3
                r = one.__truediv__(exact, context=ctx)
                return r._fix(context)
            sign = base._sign if n % 2 else 0
            return _dec(sign, str(int(base._int) ** n), base._exp * n)._fix(context)
        if self._sign:
            context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        # Non-integral power: through logarithms at extra precision.
        ctx = context.copy()
        ctx.prec = context.prec + 10
        r = (o * self.ln(ctx)).exp(ctx)
        return r._fix(context)

    def __rpow__(self, other, context=None):
        o = _convert_other(other, '**')
        if o is None:
            return NotImplemented
        return o.__pow__(self, context=context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return _dec(self._sign ^ 1, self._int, self._exp, True)
        if not self:
            return _dec(0, '0', self._exp)._fix(context)
        return _dec(self._sign ^ 1, self._int, self._exp)._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return self
        if not self:
            return _dec(0, '0', self._exp)._fix(context)
        return _dec(self._sign, self._int, self._exp)._fix(context)

    def __abs__(self, round=True, context=None):
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    # ------------------------------------------------------------ comparison

    def _cmp(self, other):
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            if a == b:
                return 0
            return -1 if a < b else 1
        if not self:
            if not other:
                return 0
            return -((-1) ** other._sign)
        if not other:
            return (-1) ** self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        exp = min(self._exp, other._exp)
        a = self._signed_coef_at(exp)
        b = other._signed_coef_at(exp)
        return (a > b) - (a < b)

    def _compare_other(self, other, equality=False):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = True
            return Decimal.from_float(other)
        if isinstance(other, _numbers.Rational) and not isinstance(other, int):
            return other
        return None

    def __eq__(self, other, context=None):
        o = self._compare_other(other, True)
        if o is None:
            return NotImplemented
        if not isinstance(o, Decimal):
            n, d = o.numerator, o.denominator
            return self._cmp_ratio(n, d) == 0
        if self._isnan() or o._isnan():
            return False
        return self._cmp(o) == 0

    def _cmp_ratio(self, n, d):
        if self._is_special:
            return self._isinfinity()
        a, b = self.as_integer_ratio()
        lhs, rhs = a * d, n * b
        return (lhs > rhs) - (lhs < rhs)

    def _order(self, other, op):
        o = self._compare_other(other)
        if o is None:
            return NotImplemented
        if not isinstance(o, Decimal):
            c = self._cmp_ratio(o.numerator, o.denominator)
        else:
            if self._isnan() or o._isnan():
                getcontext()._raise(InvalidOperation)
                return False
            c = self._cmp(o)
        return op(c)

    def __lt__(self, other, context=None):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other, context=None):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other, context=None):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other, context=None):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        o = _conv(other)
        if self._isnan() or o._isnan():
            return _dec(0, '', 'n', True)
        return Decimal(self._cmp(o))

    def max(self, other, context=None):
        o = _conv(other)
        return self if self._cmp(o) >= 0 else o

    def min(self, other, context=None):
        o = _conv(other)
        return self if self._cmp(o) <= 0 else o

    # ------------------------------------------------------------ methods

    def quantize(self, exp, rounding=None, context=None):
        exp = _conv(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special or exp._is_special:
            if self._isinfinity() and exp._isinfinity():
                return Decimal(self)
            context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        ans = self._rescale(exp._exp, rounding)
        if len(ans._int) > context.prec:
            context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        if ans._exp > self._exp:
            if ans != self:
                context._raise(Inexact)
            context._raise(Rounded)
        return ans

    def same_quantum(self, other, context=None):
        other = _conv(other)
        if self._is_special or other._is_special:
            return (self._isnan() and other._isnan()) or (self._isinfinity() and other._isinfinity())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        if self._is_special or self._exp >= 0:
            return Decimal(self)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return self
        dup = self._fix(context)
        if dup._is_special or not dup:
            return _dec(dup._sign, '0', 0)
        coef = dup._int.rstrip('0')
        exp = dup._exp + (len(dup._int) - len(coef))
        return _dec(dup._sign, coef, exp)

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            if self._isnan():
                return self
            if self._isinfinity() and self._sign == 0:
                return Decimal(self)
        if not self:
            return _dec(self._sign, '0', self._exp // 2)
        if self._sign:
            context._raise(InvalidOperation)
            return _dec(0, '', 'n', True)
        prec = context.prec + 1
        e = self._exp >> 1
        if self._exp & 1:
            c = int(self._int) * 10
            l = (len(self._int) >> 1) + 1
        else:
            c = int(self._int)
            l = (len(self._int) + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = 10 ** prec
        while True:
            q = c // n
            if n <= q:
                break
            n = n + q >> 1
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        elif n % 5 == 0:
            n += 1
        ans = _dec(0, str(n), e)
        ctx = context.copy()
        ctx.rounding = ROUND_HALF_EVEN
        return ans._fix(ctx)

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.exp(float(self))))._fix(context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.log(float(self))))._fix(context)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.log10(float(self))))._fix(context)

    def is_nan(self):
        return self._isnan() != 0

    def is_qnan(self):
        return self._isnan() == 1

    def is_snan(self):
        return self._isnan() == 2

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        return not self._is_special and bool(self)

    def copy_abs(self):
        return _dec(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _dec(self._sign ^ 1, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _conv(other)
        return _dec(other._sign, self._int, self._exp, self._is_special)

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _dec(sign, coef, exp, special=False):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    d._is_special = special
    return d


def _round_q(q, r, half, drop, sign, rounding):
    """Round the truncated quotient q (remainder r of 10**drop)."""
    if r == 0:
        return q
    if rounding == ROUND_DOWN:
        return q
    if rounding == ROUND_UP:
        return q + 1
    if rounding == ROUND_CEILING:
        return q if sign else q + 1
    if rounding == ROUND_FLOOR:
        return q + 1 if sign else q
    if rounding == ROUND_HALF_UP:
        return q + 1 if r >= half else q
    if rounding == ROUND_HALF_DOWN:
        return q + 1 if r > half else q
    if rounding == ROUND_HALF_EVEN:
        if r > half or (r == half and q % 2 == 1):
            return q + 1
        return q
    if rounding == ROUND_05UP:
        return q + 1 if q % 10 in (0, 5) else q
    return q


def _parse_decimal(s):
    t = s.strip().replace('_', '') if '_' in s else s.strip()
    if not t:
        return None
    sign = 0
    if t[0] in '+-':
        sign = 1 if t[0] == '-' else 0
        t = t[1:]
    low = t.lower()
    if low in ('inf', 'infinity'):
        return (sign, '', 'F', True)
    if low.startswith('nan') or low.startswith('snan'):
        is_s = low.startswith('snan')
        digits = low[4:] if is_s else low[3:]
        if digits and not (digits.isdigit() and digits.isascii()):
            return None
        return (sign, digits.lstrip('0'), 'N' if is_s else 'n', True)
    mant, exp = t, 0
    for e in 'eE':
        if e in t:
            mant, _, es = t.partition(e)
            if not es:
                return None
            es2 = es[1:] if es[0] in '+-' else es
            if not (es2.isdigit()):
                return None
            exp = int(es)
            break
    intpart, dot, frac = mant.partition('.')
    if not intpart and not frac:
        return None
    if (intpart and not intpart.isdigit()) or (frac and not frac.isdigit()):
        return None
    digits = (intpart + frac)
    digits = str(int(digits)) if digits else '0'
    return (sign, digits, exp - len(frac), False)


def _parse_format_spec(spec):
    out = {'fill': ' ', 'align': None, 'sign': '-', 'zeropad': False, 'width': 0,
           'thousands_sep': '', 'precision': None, 'type': None}
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        out['fill'] = spec[0]
        out['align'] = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        out['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        out['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        i += 1
    if i < n and spec[i] == '#':
        i += 1
    if i < n and spec[i] == '0':
        out['zeropad'] = True
        if out['align'] is None:
            out['fill'] = '0'
            out['align'] = '='
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    if i > j:
        out['width'] = int(spec[j:i])
    if i < n and spec[i] in ',_':
        out['thousands_sep'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        out['precision'] = int(spec[j:i])
    if i < n:
        out['type'] = spec[i]
        i += 1
        if out['type'] not in 'eEfFgGn%':
            raise ValueError("invalid format string")
    if i != n:
        raise ValueError("invalid format string")
    if out['align'] is None:
        out['align'] = '>'
    return out


def _format_sign(is_negative, spec):
    if is_negative:
        return '-'
    elif spec['sign'] in ' +':
        return spec['sign']
    return ''


def _insert_thousands(body, sep):
    intpart, dot, rest = body.partition('.')
    digits = intpart
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sep.join(groups) + dot + rest


def _format_align(sign, body, spec):
    minwidth = spec['width']
    fill = spec['fill']
    padding = fill * (minwidth - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        result = sign + body + padding
    elif align == '>':
        result = padding + sign + body
    elif align == '=':
        result = sign + padding + body
    elif align == '^':
        half = len(padding) // 2
        result = padding[:half] + sign + body + padding[half:]
    else:
        raise ValueError('Unrecognised alignment field')
    return result


_numbers.Number.register(Decimal)
