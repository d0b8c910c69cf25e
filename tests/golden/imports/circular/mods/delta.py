from mods.gamma import G
D = 'delta'
