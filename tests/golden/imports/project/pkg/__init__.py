print('pkg: init', __name__, __package__)
from .mod import name, Thing
from . import util

__all__ = ['name', 'Thing', 'exported']
exported = 'from pkg'
_private = 'hidden'
