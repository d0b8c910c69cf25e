from ..mod import Thing as BaseThing
LEVEL = 'sub'
