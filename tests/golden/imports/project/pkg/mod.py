print('pkg.mod: executing', __name__, __package__)
name = 'mod-name'


class Thing:
    def __repr__(self):
        return f'Thing from {type(self).__module__}'
