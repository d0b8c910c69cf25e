import mods.selfref as me
print('selfref: importing itself gives', me.__name__)
