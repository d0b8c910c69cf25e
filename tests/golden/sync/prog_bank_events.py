# Integrated program: closures, decorators, generators, exceptions, context managers.
import sys
class InsufficientFunds(Exception):
    pass
class Frozen(Exception):
    pass
def audited(fn):
    def wrapper(self, *args):
        try:
            result = fn(self, *args)
            self.history.append((fn.__name__, args, "ok"))
            return result
        except Exception as e:
            self.history.append((fn.__name__, args, type(e).__name__))
            raise
    wrapper.__name__ = fn.__name__
    return wrapper
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.frozen = False
        self.id = Account.next_id
        Account.next_id += 1
    @audited
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount {amount}")
        self._check()
        self.balance += amount
        return self.balance
    @audited
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        return self.balance
    def _check(self):
        if self.frozen:
            raise Frozen(self.owner)
    def __repr__(self):
        return f"<Account #{self.id} {self.owner} {self.balance}>"
class Transaction:
    def __init__(self, *accounts):
        self.accounts = accounts
    def __enter__(self):
        self.snapshot = [a.balance for a in self.accounts]
        return self
    def __exit__(self, et, ev, tb):
        if et is not None:
            for a, bal in zip(self.accounts, self.snapshot):
                a.balance = bal
            print(f"  rolled back after {et.__name__}: {ev}")
            return issubclass(et, (InsufficientFunds, Frozen))
        print("  committed")
        return False
def transfer(src, dst, amount):
    with Transaction(src, dst):
        dst.deposit(amount)
        src.withdraw(amount)
alice = Account("alice", 100)
bob = Account("bob", 20)
transfer(alice, bob, 30)
print(alice, bob)
transfer(bob, alice, 500)
print(alice, bob)
bob.frozen = True
transfer(alice, bob, 5)
print(alice, bob)
bob.frozen = False
try:
    transfer(alice, bob, -1)
except ValueError as e:
    print("  propagated:", e)
print(alice.history)
print(bob.history)
def statement(acct):
    running = 0
    for name, args, status in acct.history:
        if status != "ok":
            yield f"{name}{args} FAILED ({status})"
            continue
        delta = args[0] if name == "deposit" else -args[0]
        running += delta
        yield f"{name:<8} {delta:+6} -> {running:+6}"
for line in statement(bob):
    print(" ", line)
def make_interest(rate):
    applied = 0
    def apply(acct):
        nonlocal applied
        applied += 1
        acct.balance = round(acct.balance * (1 + rate), 2)
        return applied
    return apply
monthly = make_interest(0.01)
for _ in range(3):
    monthly(alice)
print(alice.balance, monthly(bob), bob.balance)
print("errors to stderr only", file=sys.stderr)
print(sorted([alice, bob], key=lambda a: -a.balance))
