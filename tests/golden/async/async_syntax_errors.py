# Compile-time errors around async syntax (compiled from strings).
snippets = {
    "await at module level": "await x\n",
    "await in plain def": "def f():\n    await x\n",
    "async with in plain def": "def f():\n    async with x:\n        pass\n",
    "async for in plain def": "def f():\n    async for i in x:\n        pass\n",
    "return value in async generator": "async def f():\n    yield 1\n    return 2\n",
    "yield from in async def": "async def f():\n    yield from [1]\n",
    "await in lambda": "async def f():\n    g = lambda: await x\n",
    "async comprehension in plain def": "def f():\n    return [i async for i in x]\n",
    "await in plain comprehension in def": "def f():\n    return [await i for i in x]\n",
    "ok: bare return in async generator": "async def f():\n    yield 1\n    return\n",
    "ok: await in async comprehension": "async def f():\n    return [await i async for i in x]\n",
}
for label, src in snippets.items():
    try:
        compile(src, "<snippet>", "exec")
        print(f"{label}: compiles")
    except SyntaxError as e:
        print(f"{label}: SyntaxError: {e.msg} (line {e.lineno})")
