# decimal: construction, context precision/rounding, arithmetic,
# quantize for money, formatting, comparisons, errors.
from decimal import (Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN,
                     ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, InvalidOperation,
                     DivisionByZero, Context)
import decimal

print(getcontext())
print(Decimal('0.1') + Decimal('0.2'), 0.1 + 0.2, Decimal('1.10') + Decimal('2.205'), Decimal('10') - Decimal('0.01'))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(10) / Decimal(4), Decimal(100) / Decimal('0.5'), Decimal(1) / 8)
print(Decimal(0.1), Decimal(1.5), Decimal(-2.75), Decimal(10), Decimal('-0'), Decimal('  3.14  '), Decimal('1_000.5'))
print(Decimal('1E+2'), Decimal('100'), Decimal('0.000001'), Decimal('0.0000001'), Decimal('1.23E-10'), Decimal('12e3'))
print(Decimal('1.500').normalize(), Decimal('100').normalize(), Decimal('0.00').normalize(), Decimal((0, (1, 4, 1), -2)), Decimal((1, (5,), 2)))
price = Decimal('19.99')
qty = 3
tax = Decimal('0.0825')
subtotal = price * qty
total = (subtotal * (1 + tax)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
print(subtotal, subtotal * tax, total, f'${total:,.2f}', f'{total:>12}', f'{total:012.3f}')
for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR):
    print(r, Decimal('2.675').quantize(Decimal('0.01'), rounding=r), Decimal('-2.675').quantize(Decimal('0.01'), rounding=r),
          Decimal('2.5').quantize(Decimal('1'), rounding=r))
print(round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('2.567'), 2), round(Decimal('-1.005'), 2), Decimal('7.5').to_integral_value())
print(Decimal(-7) // 2, Decimal(-7) % 2, Decimal(7) // -2, Decimal(7) % -2, divmod(Decimal(7), Decimal(-2)), Decimal('7.5') % 2)
print(Decimal(2) ** 10, Decimal('1.1') ** 2, Decimal(2) ** -2, Decimal('1.5') ** 3, Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal('0.25').sqrt())
print(-Decimal('1.5'), +Decimal('1.50'), abs(Decimal('-2')), int(Decimal('-3.9')), float(Decimal('0.1')), bool(Decimal(0)), bool(Decimal('0.01')))
print(Decimal(5) == 5, Decimal('0.5') == 0.5, Decimal('1.0') == Decimal('1.00'), Decimal(1) < 2, Decimal('0.1') < 0.2, hash(Decimal('0.5')) == hash(0.5))
print(hash(Decimal(7)) == hash(7), {Decimal('1.0'): 'one'}[1], max(Decimal(1), Decimal('1.5')), sorted([Decimal('2'), Decimal('-1'), Decimal('0.5')]))
print(sum([Decimal('0.1')] * 10), Decimal('3.14159').as_tuple(), Decimal('3.14').adjusted(), Decimal('123.45').as_integer_ratio())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), +Decimal('3.14159265'), Decimal('1.23456789') * 1, ctx.prec)
with localcontext(prec=50):
    print(Decimal(2).sqrt())
print(Decimal(1) / Decimal(7), getcontext().prec)
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal('123456789') + 0)
getcontext().prec = 28
getcontext().rounding = ROUND_HALF_UP
print(Decimal('2.5').quantize(Decimal('1')), getcontext().rounding)
getcontext().rounding = ROUND_HALF_EVEN
for bad in (lambda: Decimal(1) / 0, lambda: Decimal('abc'), lambda: Decimal(1) + 1.5, lambda: Decimal('0') / Decimal('0'),
            lambda: 2.5 * Decimal(1), lambda: Decimal('1') % 0, lambda: Decimal([1, 2])):
    try:
        print(bad())
    except (InvalidOperation, DivisionByZero, TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), decimal.Decimal.__module__)
print(Decimal('Infinity'), Decimal('-inf'), Decimal('NaN'), Decimal('1e500') * Decimal('1e500'), Decimal('Infinity') > 10 ** 100)
print(f"{Decimal('1234567.891'):,}", f"{Decimal('0.5'):%}", f"{Decimal('0.125'):.1%}", f"{Decimal('1e10'):e}", f"{Decimal('12345.678'):.2e}")
print(f"{Decimal('12.3'):<8}|", f"{Decimal('-12.3'):+}", f"{Decimal('12.3'):+}", f"{Decimal('0.000012345'):g}", f"{Decimal('1.500'):g}")
print(repr(Decimal('3.14')), str(Decimal('-0.00')), Decimal('5').is_zero(), Decimal('-5').is_signed(), Decimal('NaN').is_nan())
print(Decimal('1.23').compare(Decimal('1.230')), Decimal('9.99').copy_negate(), Decimal('10').same_quantum(Decimal('1')))
print(Context(prec=3).create_decimal('1.23456'), Decimal('3.456').to_integral_value(rounding=ROUND_DOWN))
