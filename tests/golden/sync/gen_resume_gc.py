# Collections while a resumed generator runs on its own stack: the
# resumer's stack (held by the generator meanwhile) must stay alive.

def churn(n):
    keep = []
    for i in range(n):
        junk = [[j, str(j)] for j in range(50)]   # garbage for the collector
        keep.append(junk[i % 50][1])
        yield len(keep)
    return keep

def relay(n):
    r = yield from churn(n)
    yield "".join(r[-5:])

def consumer():
    a = ["held", "on", "the", "caller's", "stack"]
    total = 0
    for v in relay(3000):
        if isinstance(v, int):
            total += v
        else:
            print(v)
    return a, total

print(consumer())

async def leaf(i):
    return [i] * 3

async def coro(n):
    acc = 0
    for i in range(n):
        acc += sum(await leaf(i))
        x = [str(k) for k in range(30)]
        acc += len(x)
    return acc

def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

print(drive(coro(5000)))

def pingpong():
    gens = [churn(400) for _ in range(5)]
    out = 0
    for _ in range(400):
        for g in gens:
            out += next(g)
    return out

print(pingpong())
