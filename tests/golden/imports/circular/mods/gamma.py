from mods.delta import D
G = 'gamma'
