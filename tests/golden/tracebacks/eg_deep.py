# Groups nested deeper than 10 levels stop with max_group_depth.
eg = ExceptionGroup("leaf", [ValueError("bottom")])
for depth in range(12):
    eg = ExceptionGroup(f"level {depth}", [eg, KeyError(depth)])
raise eg
