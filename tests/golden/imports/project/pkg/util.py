from .mod import name as mod_name
from . import mod


def describe():
    return f'util sees {mod_name} and {mod.__name__}'
