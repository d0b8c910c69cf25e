print('alpha: start')
A_BEFORE = 'alpha-before'
import mods.beta as beta
print('alpha: beta has', beta.B_BEFORE, hasattr(beta, 'B_AFTER'))
A_AFTER = 'alpha-after'


def use_beta():
    return beta.B_AFTER
