# contextvars without asyncio: get/set/reset, tokens, Context mapping and run.
import contextvars
from contextvars import ContextVar, Context, Token, copy_context

var = ContextVar('var', default=42)
plain = ContextVar('plain')
print(var.name, var.get(), var.get(7), plain.get('fallback'))
try:
    plain.get()
except LookupError as e:
    print('LookupError', type(e.args[0]).__name__, e.args[0] is plain)

t = var.set(1)
print(var.get(), t.var is var, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = var.set(2)
print(var.get(), t2.old_value)
var.reset(t2)
print(var.get())
try:
    var.reset(t2)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('<Token used var=<ContextVar name='), 'has already been used once' in str(e))
var.reset(t)
print(var.get())
try:
    plain.reset(var.set(5))
except ValueError as e:
    print('ValueError', 'was created by a different ContextVar' in str(e))

ctx = copy_context()
print(type(ctx).__name__, var in ctx, plain in ctx, ctx[var], len(ctx), ctx.get(plain), ctx.get(plain, 'd'))
print(list(ctx) == [var], list(ctx.keys()) == [var], list(ctx.values()), list(ctx.items())[0][1])

def work(x):
    var.set(x)
    plain.set('in-run')
    return var.get(), plain.get()

print(ctx.run(work, 100), var.get(), plain.get('unset'))
print(ctx[var], ctx[plain], len(ctx))
print(ctx.run(var.get), Context().run(var.get), Context().run(plain.get, 'nothing'))
try:
    ctx.run(ctx.run, print)
except RuntimeError as e:
    print('RuntimeError', 'is already entered' in str(e))
try:
    ctx[plain] if False else Context()[plain]
except KeyError as e:
    print('KeyError', e.args[0] is plain)
tok = None
def in_other():
    global tok
    tok = var.set('other')
copy_context().run(in_other)
try:
    var.reset(tok)
except ValueError as e:
    print('ValueError', 'was created in a different Context' in str(e))

c2 = ctx.copy()
c2.run(var.set, 'c2 only')
print(ctx[var], c2[var], ctx == ctx.copy(), ctx == c2, Context() == Context())
r = repr(var)
print(r.startswith("<ContextVar name='var' default=42 at 0x"), repr(plain).startswith("<ContextVar name='plain' at 0x"))
print(ContextVar[int], sorted(contextvars.__all__))

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(ContextVar, 1)
err(Context, 1)
err(ctx.__getitem__, 1)
err(var.reset, 1)
err(Token)
err(ctx.get)
err(var.get, 1, 2)
for cls in (ContextVar, Context, Token):
    try:
        class X(cls): pass
    except TypeError as e:
        print('TypeError')
