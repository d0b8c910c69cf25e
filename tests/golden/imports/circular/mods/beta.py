print('beta: start')
B_BEFORE = 'beta-before'
import mods.alpha
from mods import alpha
print('beta: alpha has', alpha.A_BEFORE, hasattr(alpha, 'A_AFTER'))
B_AFTER = 'beta-after'


def use_alpha():
    return alpha.A_AFTER
