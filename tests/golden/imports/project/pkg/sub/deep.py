from .. import util
from . import LEVEL
from ..mod import name


def info():
    return (__name__, __package__, LEVEL, name, util.describe())
