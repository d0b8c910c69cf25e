# Integrated program: classes, properties, dicts, sorting, grouping, report formatting.
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku = sku
class Item:
    __slots__ = ("sku", "name", "price", "qty", "category")
    def __init__(self, sku, name, price, qty, category):
        self.sku, self.name, self.price, self.qty, self.category = sku, name, price, qty, category
    @property
    def value(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.qty})"
class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
            self.log.append(("restock", item.sku, item.qty))
        else:
            self.items[item.sku] = item
            self.log.append(("new", item.sku, item.qty))
        return self
    def remove(self, sku, n):
        item = self.items[sku]
        if item.qty < n:
            raise OutOfStock(sku, n, item.qty)
        item.qty -= n
        self.log.append(("sold", sku, n))
        if item.qty == 0:
            del self.items[sku]
            self.log.append(("gone", sku, 0))
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: (i.category, -i.value, i.sku)))
    def __contains__(self, sku):
        return sku in self.items
    def by_category(self):
        groups = {}
        for item in self:
            groups.setdefault(item.category, []).append(item)
        return groups
inv = Inventory()
inv.add(Item("A1", "Widget", 2.50, 100, "parts")).add(Item("B2", "Gadget", 12.99, 7, "tools"))
inv.add(Item("C3", "Doohickey", 0.35, 1000, "parts")).add(Item("D4", "Sprocket", 4.75, 40, "parts"))
inv.add(Item("E5", "Hammer", 19.95, 3, "tools")).add(Item("A1", "Widget", 2.50, 20, "parts"))
orders = [("A1", 30), ("B2", 10), ("E5", 3), ("Z9", 1), ("C3", 999), ("D4", 0)]
for sku, n in orders:
    try:
        inv.remove(sku, n)
        print(f"sold {n:>4} x {sku}")
    except OutOfStock as e:
        print("out of stock:", e, "| sku attr:", e.sku)
    except KeyError as e:
        print("unknown sku:", e)
print(len(inv), "E5" in inv, "A1" in inv, list(inv))
print(f"{'SKU':<5}{'Name':<12}{'Price':>8}{'Qty':>6}{'Value':>10}")
for cat, items in inv.by_category().items():
    print(f"[{cat}]")
    for it in items:
        print(f"{it.sku:<5}{it.name:<12}{it.price:>8.2f}{it.qty:>6}{it.value:>10,.2f}")
    print(f"{'subtotal':>31}{sum(i.value for i in items):>10,.2f}")
total = sum(i.value for i in inv)
print(f"{'TOTAL':>31}{total:>10,.2f}")
kinds = {}
for kind, sku, n in inv.log:
    kinds[kind] = kinds.get(kind, 0) + 1
print(kinds)
print(max(inv, key=lambda i: i.value), min(inv, key=lambda i: i.price))
try:
    inv.items["A1"].color = "red"
except AttributeError as e:
    print(type(e).__name__, e)
