# Integrated program: tokenizer (generator) + recursive-descent parser + evaluator with match.
class CalcError(Exception):
    pass
def tokenize(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            yield ("num", float(text) if "." in text else int(text))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            yield ("name", src[i:j])
            i = j
        elif ch in "+-*/%^()=,":
            yield ("op", ch)
            i += 1
        else:
            raise CalcError(f"bad character {ch!r} at {i}")
    yield ("end", None)
class Parser:
    def __init__(self, src):
        self.tokens = list(tokenize(src))
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos]
    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise CalcError(f"expected {value or kind}, got {tok[1]!r}")
        self.pos += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.tokens[self.pos + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            node = (op, node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return ("^", base, self.factor())
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        kind, val = self.peek()
        if kind == "num":
            self.take()
            return ("num", val)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", val, args)
            return ("var", val)
        if (kind, val) == ("op", "("):
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise CalcError(f"unexpected {val!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}
def evaluate(node, env):
    match node:
        case ("num", v):
            return v
        case ("var", name):
            if name not in env:
                raise CalcError(f"undefined variable {name}")
            return env[name]
        case ("neg", inner):
            return -evaluate(inner, env)
        case ("assign", name, value):
            env[name] = evaluate(value, env)
            return env[name]
        case ("call", fname, args):
            fn = FUNCS.get(fname)
            if fn is None:
                raise CalcError(f"unknown function {fname}")
            return fn(*[evaluate(a, env) for a in args])
        case (op, left, right):
            l, r = evaluate(left, env), evaluate(right, env)
            match op:
                case "+": return l + r
                case "-": return l - r
                case "*": return l * r
                case "/":
                    if r == 0:
                        raise CalcError("division by zero")
                    return l / r
                case "%": return l % r
                case "^": return l ** r
    raise CalcError(f"bad node {node!r}")
env = {}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 10", "y = x * 2.5", "x + y", "max(1, x, y) - min(3, 4)",
         "abs(-7) % 4", "10 / 4", "7 / 0", "z + 1", "3 $ 4", "(1 + 2", "sum(1, 2, 3, 4)", "2 ^ 100", "1.5 * 4", "foo(1)", "-(-(3))"]
for line in lines:
    try:
        tree = Parser(line).statement()
        result = evaluate(tree, env)
        print(f"{line:28} => {result!r}")
    except CalcError as e:
        print(f"{line:28} !! {e}")
print(sorted(env.items()))
